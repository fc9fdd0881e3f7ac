import { calendarOverridesSchema } from './calendar.schemas';
import { OFFICIAL_CALENDARS } from './official-calendars';
import { computedHolidays } from './vietnam-holidays';
import { WorkingCalendar } from './working-calendar';

describe('OFFICIAL_CALENDARS', () => {
  it.each([...OFFICIAL_CALENDARS.keys()])('%i passes the admin API rules, sorted', (year) => {
    const days = OFFICIAL_CALENDARS.get(year)!;
    expect(calendarOverridesSchema(year).parse(days)).toEqual(days);
  });

  it('2026: the statutory days, with 2 January off and Saturday 10 January worked, Tết off 14–22 February', () => {
    const days = OFFICIAL_CALENDARS.get(2026)!;
    expect(days.holidays).toEqual([...computedHolidays(2026), '2026-01-02'].sort());
    expect(days.workingWeekends).toEqual(['2026-01-10']);

    const calendar = new WorkingCalendar(OFFICIAL_CALENDARS);
    const worked = (from: string, to: string) => {
      const out: string[] = [];
      for (let d = new Date(`${from}T00:00:00Z`); d <= new Date(`${to}T00:00:00Z`); d.setUTCDate(d.getUTCDate() + 1)) {
        const day = d.toISOString().slice(0, 10);
        if (calendar.isWorkingDay(day)) out.push(day);
      }
      return out;
    };
    expect(worked('2026-01-01', '2026-01-10')).toEqual(['2026-01-05', '2026-01-06', '2026-01-07', '2026-01-08', '2026-01-09', '2026-01-10']);
    expect(worked('2026-02-13', '2026-02-23')).toEqual(['2026-02-13', '2026-02-23']);
  });
});
