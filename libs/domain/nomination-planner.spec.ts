import type { DeadlineRules } from '../config/config';
import type { WorkingDays } from '../deadlines/deadline-planner';
import { catalogueVersion } from './award-catalogue';
import { plannerFor, withCampaignDeadlines } from './nomination-planner';

const DAY = 86_400_000;
/** Every day a working day: n working days after is n days after. */
const calendar: WorkingDays = {
  deadlineAfter: (from, n) => new Date(from.getTime() + n * DAY),
  workingDaysBefore: (due, n) => new Date(due.getTime() - n * DAY),
};
const rules: DeadlineRules = {
  level: { SO: { ms: 60_000 } },
  returnWindow: { workingDays: 10 },
  reminderBefore: { workingDays: 1 },
  escalateAfter: { workingDays: 2 },
};
const enteredAt = new Date('2026-03-02T02:00:00.000Z');
const after = (ms: number) => new Date(enteredAt.getTime() + ms).toISOString();

describe('the deadline planner of a nomination', () => {
  const nomination = { catalogueVersion: '2025.1', createdAt: enteredAt };
  const limits = catalogueVersion('2025.1')!.levelLimitWorkingDays;

  it("counts a level by its catalogue version's limit unless configuration sets one", () => {
    const sut = plannerFor(nomination, { calendar, rules, campaign: null });

    expect(sut.level('UNIT', enteredAt).dueAt).toBe(after(limits.UNIT * DAY));
    expect(sut.level('SO', enteredAt).dueAt).toBe(after(60_000));
  });

  it("puts the campaign's own limits over configuration and the catalogue", () => {
    const sut = plannerFor(nomination, { calendar, rules, campaign: { levelDeadlines: { UNIT: '3s', SO: '2wd' } } });

    expect(sut.level('UNIT', enteredAt).dueAt).toBe(after(3000));
    expect(sut.level('SO', enteredAt).dueAt).toBe(after(2 * DAY));
    expect(sut.level('DEPARTMENT', enteredAt).dueAt).toBe(after(limits.DEPARTMENT * DAY));
  });

  it('ignores what a campaign stored that is not a time limit, and leaves the rest of the rules', () => {
    expect(withCampaignDeadlines(rules, { UNIT: 'soon', CITY: 7 })).toBe(rules);
    expect(withCampaignDeadlines(rules, null)).toBe(rules);
    expect(withCampaignDeadlines(rules, { CITY: '4wd' })).toEqual({ ...rules, level: { SO: { ms: 60_000 }, CITY: { workingDays: 4 } } });
  });

  it('plans a return window and the periods the law adds whatever the nomination', () => {
    const sut = plannerFor(null, { calendar, rules, campaign: null });

    expect(sut.returnDeadline(enteredAt)).toBe(after(10 * DAY));
    expect(sut.period('posting', enteredAt, 5)).toBe(after(5 * DAY));
  });
});
