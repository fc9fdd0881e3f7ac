import { calendarOverridesSchema, calendarYearParamsSchema, workingDaysQuerySchema } from './calendar.schemas';

const issuesOf = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  (result.error?.issues ?? []).map((i) => ({ path: i.path.join('.'), message: i.message }));

describe('calendarOverridesSchema', () => {
  const sut = calendarOverridesSchema(2026);

  it('accepts weekdays off and weekend days worked of the year, sorted', () => {
    const result = sut.safeParse({ holidays: ['2026-01-02', '2026-01-01'], workingWeekends: ['2026-01-10'] });

    expect(result.data).toEqual({ holidays: ['2026-01-01', '2026-01-02'], workingWeekends: ['2026-01-10'] });
  });

  it('accepts an empty year', () => {
    expect(sut.safeParse({ holidays: [], workingWeekends: [] }).success).toBe(true);
  });

  it.each([
    ['2026-02-30', 'không phải ngày'],
    ['2026-2-03', 'không phải ngày'],
    ['tết', 'không phải ngày'],
    ['2027-01-01', 'không thuộc năm 2026'],
    ['2026-02-14', 'là thứ Bảy hoặc Chủ nhật'],
    ['2026-01-01', 'được ghi hai lần'],
  ])('names holidays.2 and quotes %s', (bad, reason) => {
    const result = sut.safeParse({ holidays: ['2026-01-01', '2026-01-02', bad], workingWeekends: [] });

    expect(issuesOf(result)).toEqual([{ path: 'holidays.2', message: expect.stringContaining(`"${bad}" ${reason}`) }]);
  });

  it('refuses a weekday as a worked weekend day', () => {
    const result = sut.safeParse({ holidays: [], workingWeekends: ['2026-01-10', '2026-01-09'] });

    expect(issuesOf(result)).toEqual([{ path: 'workingWeekends.1', message: expect.stringContaining('"2026-01-09"') }]);
  });

  it('reports every bad item, each on its own path', () => {
    const result = sut.safeParse({ holidays: ['2026-01-03', 'x'], workingWeekends: ['2026-01-05'] });

    expect(issuesOf(result).map((i) => i.path)).toEqual(['holidays.0', 'holidays.1', 'workingWeekends.0']);
  });

  it('wants both lists and no other field', () => {
    const result = sut.safeParse({ holidays: [], year: 2026 });

    expect(
      issuesOf(result)
        .map((i) => i.path)
        .sort(),
    ).toEqual(['', 'workingWeekends']);
  });
});

describe('calendarYearParamsSchema', () => {
  it('turns the path segment into a year', () => {
    expect(calendarYearParamsSchema.parse({ year: '2026' })).toEqual({ year: 2026 });
  });

  it.each(['1999', '2101', '20x6', '', '2026.0', ' 2026'])('refuses %j on the path year', (year) => {
    expect(issuesOf(calendarYearParamsSchema.safeParse({ year })).map((i) => i.path)).toEqual(['year']);
  });
});

describe('workingDaysQuerySchema', () => {
  it('turns the query into a date and a count', () => {
    expect(workingDaysQuerySchema.parse({ from: '2026-02-13', days: '5' })).toEqual({ from: '2026-02-13', days: 5 });
    expect(workingDaysQuerySchema.parse({ from: '2026-02-13', days: '0' })).toEqual({ from: '2026-02-13', days: 0 });
  });

  it.each([
    [{ from: '2026-02-30', days: '1' }, 'from'],
    [{ from: '1999-12-31', days: '1' }, 'from'],
    [{ from: '2026-02-13', days: '367' }, 'days'],
    [{ from: '2026-02-13', days: '-1' }, 'days'],
    [{ from: '2026-02-13', days: '1.5' }, 'days'],
    [{ from: '2026-02-13', days: '' }, 'days'],
    [{ from: '2026-02-13' }, 'days'],
  ])('refuses %j, naming %s', (query, path) => {
    expect(issuesOf(workingDaysQuerySchema.safeParse(query)).map((i) => i.path)).toEqual([path]);
  });

  it('quotes a bad date', () => {
    expect(issuesOf(workingDaysQuerySchema.safeParse({ from: '13/02/2026', days: '1' }))[0]?.message).toContain('"13/02/2026"');
  });
});
