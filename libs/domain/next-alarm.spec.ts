import type { LevelPlan } from '../deadlines/deadline-planner';
import type { NominationState } from './nomination-machine';
import { alarmStep, deadlineMoved, LEVEL_CLOCK, nextAlarm, type PlainAlarm } from './next-alarm';

const submittedAt = '2026-03-01T01:00:00.000Z';
const enteredAt = '2026-03-02T01:00:00.000Z';
const plan: LevelPlan = { remindAt: '2026-03-05T10:00:00.000Z', dueAt: '2026-03-09T10:00:00.000Z', escalateAt: '2026-03-12T10:00:00.000Z' };
const ms = (iso: string) => Date.parse(iso);
const now = ms('2026-03-03T10:00:00.000Z');
const HOUR = 3_600_000;

const inReview = (extra: Partial<NominationState> = {}): NominationState => ({
  nominationId: 'n-1',
  route: ['UNIT', 'DEPARTMENT'],
  status: 'IN_REVIEW',
  currentLevel: 'UNIT',
  dueAt: plan.dueAt,
  overdue: false,
  returnDeadline: null,
  returnCount: 0,
  decisions: [],
  requestIds: [],
  seq: 4,
  levelEnteredAt: enteredAt,
  ...extra,
});

const sut = (state: NominationState, levelPlan: LevelPlan | null = plan, clock = now) => nextAlarm(state, levelPlan, clock, submittedAt);

describe('nextAlarm', () => {
  describe('the level’s own clock', () => {
    it('rings the reminder first, waiting from the clock it is given', () => {
      expect(sut(inReview())).toEqual({ kind: 'REMIND', at: plan.remindAt, waitMs: ms(plan.remindAt) - now });
    });

    it('then the deadline, once reminded', () => {
      expect(sut(inReview({ reminded: true }))).toEqual({ kind: 'OVERDUE', at: plan.dueAt, waitMs: ms(plan.dueAt) - now });
    });

    it.each([
      ['at or before the level was entered', { ...plan, remindAt: enteredAt }],
      ['at or after the deadline', { ...plan, remindAt: plan.dueAt }],
    ])('skips a reminder that would fall %s', (_, levelPlan) => {
      expect(sut(inReview(), levelPlan)?.kind).toBe('OVERDUE');
    });

    it('counts the level from the submission in states that predate levelEnteredAt', () => {
      const early = { ...plan, remindAt: '2026-03-01T12:00:00.000Z' };
      expect(sut(inReview({ levelEnteredAt: undefined }), early)?.kind).toBe('REMIND');
      expect(sut(inReview(), early)?.kind).toBe('OVERDUE');
    });

    it('escalates once overdue, and then waits only for commands', () => {
      expect(sut(inReview({ overdue: true }))).toEqual({ kind: 'ESCALATE', at: plan.escalateAt, waitMs: ms(plan.escalateAt) - now });
      expect(sut(inReview({ overdue: true, escalated: true }))).toBeNull();
    });

    it('rings at once when its time has passed', () => {
      expect(sut(inReview(), plan, ms(plan.remindAt))).toMatchObject({ kind: 'REMIND', waitMs: 0 });
      expect(sut(inReview({ reminded: true }), plan, ms(plan.dueAt) + HOUR)).toMatchObject({ kind: 'OVERDUE', waitMs: 0 });
    });

    it('waits at least a millisecond for one still ahead', () => {
      expect(sut(inReview(), plan, ms(plan.remindAt) - 0.5)?.waitMs).toBe(1);
    });
  });

  describe('a plan that moved the deadline', () => {
    const moved = { ...plan, dueAt: '2026-03-10T10:00:00.000Z' };

    it('moves the state’s deadline now, before any other alarm', () => {
      const posting = { endsAt: '2026-03-03T11:00:00.000Z', ended: false };
      expect(sut(inReview({ posting }), moved)).toEqual({ kind: 'DEADLINE_MOVED', dueAt: moved.dueAt, at: new Date(now).toISOString(), waitMs: 0 });
    });

    it('is no alarm while the plan agrees', () => {
      expect(deadlineMoved(inReview(), plan, now)).toBeNull();
    });
  });

  describe('the law’s periods beside the level’s clock', () => {
    const posting = (endsAt: string) => ({ posting: { endsAt, ended: false } });
    const consultation = (extra = {}) => ({
      consultation: { dueAt: '2026-03-04T10:00:00.000Z', agencies: ['CA-HN', 'SO-TC'], answered: [], closed: false, ...extra },
    });

    it('rings the posting’s end when it comes before the level’s alarm', () => {
      expect(sut(inReview(posting('2026-03-04T00:00:00.000Z')))).toMatchObject({ kind: 'POSTING_ENDS', at: '2026-03-04T00:00:00.000Z' });
    });

    it('lets the period ring on a tie, and the level’s alarm when it is earlier', () => {
      expect(sut(inReview(posting(plan.remindAt)))?.kind).toBe('POSTING_ENDS');
      expect(sut(inReview(posting('2026-03-06T00:00:00.000Z')))?.kind).toBe('REMIND');
    });

    it('waits for a running period even when the level has nothing left to ring', () => {
      expect(sut(inReview({ overdue: true, escalated: true, ...posting('2026-03-20T00:00:00.000Z') }))?.kind).toBe('POSTING_ENDS');
    });

    it('ends a consultation begun before v6 at its one deadline', () => {
      expect(sut(inReview(consultation()))).toMatchObject({ kind: 'CONSULTATION_ENDS', at: '2026-03-04T10:00:00.000Z' });
    });

    it('lapses the next agency still to answer at its own deadline (v6)', () => {
      const deadlines = { 'CA-HN': '2026-03-04T08:00:00.000Z', 'SO-TC': '2026-03-04T09:00:00.000Z' };
      expect(sut(inReview(consultation({ deadlines })))).toMatchObject({ kind: 'AGENCY_LAPSES', at: deadlines['CA-HN'] });
      expect(sut(inReview(consultation({ deadlines, answered: ['CA-HN'] })))).toMatchObject({ kind: 'AGENCY_LAPSES', at: deadlines['SO-TC'] });
    });

    it('takes the earlier of the posting and the consultation', () => {
      expect(sut(inReview({ ...posting('2026-03-04T11:00:00.000Z'), ...consultation() }))?.kind).toBe('CONSULTATION_ENDS');
      expect(sut(inReview({ ...posting('2026-03-04T09:00:00.000Z'), ...consultation() }))?.kind).toBe('POSTING_ENDS');
    });

    it('ignores an ended posting and a closed consultation', () => {
      expect(sut(inReview({ posting: { endsAt: '2026-03-04T00:00:00.000Z', ended: true }, ...consultation({ closed: true }) }))?.kind).toBe('REMIND');
    });

    it('sees only the periods without the level’s plan', () => {
      expect(sut(inReview(), null)).toBeNull();
      expect(sut(inReview(posting('2026-03-20T00:00:00.000Z')), null)?.kind).toBe('POSTING_ENDS');
    });
  });

  describe('while suspended', () => {
    const holds = [
      { holdId: 'h-late', endsAt: '2026-03-20T00:00:00.000Z' },
      { holdId: 'h-early', endsAt: '2026-03-15T00:00:00.000Z' },
    ];

    it('waits only for the earliest hold to end, whatever else is due', () => {
      const state = inReview({ holds, overdue: true, posting: { endsAt: '2026-03-04T00:00:00.000Z', ended: false } });
      expect(sut(state, { ...plan, dueAt: '2026-03-10T00:00:00.000Z' })).toEqual({
        kind: 'HOLD_ENDS',
        holdId: 'h-early',
        at: '2026-03-15T00:00:00.000Z',
        waitMs: ms('2026-03-15T00:00:00.000Z') - now,
      });
    });

    it('resumes at once a hold already over', () => {
      expect(sut(inReview({ holds }), null, ms('2026-03-16T00:00:00.000Z'))).toMatchObject({ holdId: 'h-early', waitMs: 0 });
    });
  });

  describe('outside review', () => {
    const returned = (returnDeadline: string | null) => inReview({ status: 'RETURNED', currentLevel: null, dueAt: null, returnDeadline });

    it('expires a returned nomination at the end of its window', () => {
      expect(sut(returned('2026-03-10T00:00:00.000Z'), null)).toEqual({
        kind: 'EXPIRE',
        at: '2026-03-10T00:00:00.000Z',
        waitMs: ms('2026-03-10T00:00:00.000Z') - now,
      });
    });

    it('still waits a timer’s millisecond for a window already closed', () => {
      expect(sut(returned('2026-03-01T00:00:00.000Z'), null)?.waitMs).toBe(1);
    });

    it('has no alarm for a returned nomination without a window, or a final one', () => {
      expect(sut(returned(null), null)).toBeNull();
      expect(sut(inReview({ status: 'APPROVED', currentLevel: null, posting: { endsAt: '2026-03-04T00:00:00.000Z', ended: false } }))).toBeNull();
    });
  });
});

describe('alarmStep', () => {
  const state = inReview({
    posting: { endsAt: '2026-03-04T00:00:00.000Z', ended: false },
    consultation: { dueAt: '2026-03-04T10:00:00.000Z', agencies: ['CA-HN'], answered: [], closed: false },
  });
  const rang = new Date('2026-03-05T00:00:00.000Z');

  it.each([
    ['REMIND', 'REMINDED'],
    ['OVERDUE', 'OVERDUE'],
    ['ESCALATE', 'ESCALATED'],
    ['POSTING_ENDS', 'POSTING_ENDED'],
    ['CONSULTATION_ENDS', 'CONSULTATION_ENDED'],
    ['AGENCY_LAPSES', 'OPINIONS_OVERDUE'],
    ['EXPIRE', 'EXPIRED'],
  ] as const)('%s makes the %s transition, dated when it rang', (kind, transition) => {
    const step = alarmStep(state, { kind, at: plan.dueAt, waitMs: 0 }, rang);
    expect(step.transition).toMatchObject({ kind: transition, at: rang.toISOString(), seq: state.seq + 1 });
  });

  it('moves the deadline to the plan’s', () => {
    const alarm: PlainAlarm = { kind: 'DEADLINE_MOVED', dueAt: '2026-03-10T10:00:00.000Z', at: rang.toISOString(), waitMs: 0 };
    expect(alarmStep(state, alarm, rang).state.dueAt).toBe('2026-03-10T10:00:00.000Z');
  });

  it('reads the level’s plan again only for the level’s own clock', () => {
    expect([...LEVEL_CLOCK].sort()).toEqual(['ESCALATE', 'OVERDUE', 'REMIND']);
  });
});
