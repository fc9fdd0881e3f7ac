import { computedHolidays } from './vietnam-holidays';

describe('computedHolidays', () => {
  it('gives the statutory days of a year with none on a weekend (2025)', () => {
    expect(computedHolidays(2025)).toEqual([
      '2025-01-01',
      // 29/12 Giáp Thìn (the year's last day, it had no 30th) and 1–4/1 Ất Tỵ, with Saturday and Sunday in between.
      '2025-01-28',
      '2025-01-29',
      '2025-01-30',
      '2025-01-31',
      '2025-02-03',
      '2025-04-07',
      '2025-04-30',
      '2025-05-01',
      '2025-09-01',
      '2025-09-02',
    ]);
  });

  it('moves Giỗ Tổ from Sunday 26 April 2026 to Monday 27 April', () => {
    const days = computedHolidays(2026);

    expect(days).not.toContain('2026-04-26');
    expect(days).toContain('2026-04-27');
  });

  it('moves a Sunday holiday past a holiday already on Monday (30/4/2028 to Tuesday 2/5)', () => {
    expect(computedHolidays(2028).filter((d) => d >= '2028-04-29' && d <= '2028-05-05')).toEqual(['2028-05-01', '2028-05-02']);
  });

  it('moves both days of Quốc khánh on a weekend to the next Monday and Tuesday (2029)', () => {
    expect(computedHolidays(2029).filter((d) => d.startsWith('2029-09'))).toEqual(['2029-09-03', '2029-09-04']);
  });

  it('moves 1 January on a Saturday to Monday (2028)', () => {
    expect(computedHolidays(2028)[0]).toBe('2028-01-03');
  });

  it('compensates the weekend days inside Tết after the block, on the first weekdays not already off (2027)', () => {
    // 30 Tết Friday 5 Feb, 1–4 Tết Saturday 6 to Tuesday 9: Saturday and Sunday become Wednesday and Thursday.
    expect(computedHolidays(2027).filter((d) => d.startsWith('2027-02'))).toEqual(['2027-02-05', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11']);
  });

  it('returns only weekdays, sorted, without duplicates', () => {
    for (let year = 2000; year <= 2100; year++) {
      const days = computedHolidays(year);
      expect(days.every((d) => ![0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay()))).toBe(true);
      expect([...new Set(days)].sort()).toEqual(days);
      expect(days).toHaveLength(11);
    }
  });
});
