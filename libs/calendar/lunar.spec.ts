import { addDays, dayOfWeek, lunarToSolar } from './lunar';

describe('lunarToSolar', () => {
  it.each([
    [2024, '2024-02-10'],
    [2025, '2025-01-29'],
    [2026, '2026-02-17'],
    [2027, '2027-02-06'],
    [2028, '2028-01-26'],
    [2029, '2029-02-13'],
  ])('puts Tết %i on %s', (year, tet) => {
    expect(lunarToSolar(year, 1, 1)).toBe(tet);
  });

  // The new moon is at 16:07 UTC on 2 February 2030: 23:07 in Hà Nội but 00:07 on the 3rd in Beijing.
  it('puts Tết 2030 on 2 February, a day before the Chinese New Year', () => {
    expect(lunarToSolar(2030, 1, 1)).toBe('2030-02-02');
  });

  it.each([
    [2024, '2024-04-18'],
    [2025, '2025-04-07'],
    [2026, '2026-04-26'],
    [2027, '2027-04-16'],
    [2028, '2028-04-04'],
    [2029, '2029-04-23'],
    [2030, '2030-04-12'],
  ])('puts Giỗ Tổ (10/3) %i on %s', (year, gioTo) => {
    expect(lunarToSolar(year, 3, 10)).toBe(gioTo);
  });

  it('knows the leap months: 2/2023 and 6/2025 come twice', () => {
    expect(lunarToSolar(2023, 2, 1)).toBe('2023-02-20');
    expect(lunarToSolar(2023, 2, 1, true)).toBe('2023-03-22');
    expect(lunarToSolar(2023, 3, 1)).toBe('2023-04-20');
    expect(lunarToSolar(2025, 6, 1, true)).toBe('2025-07-25');
    expect(lunarToSolar(2025, 7, 1)).toBe('2025-08-23');
  });

  it('puts months 11 and 12 in the solar year after most of the lunar year', () => {
    expect(lunarToSolar(2025, 12, 29)).toBe('2026-02-16');
    expect(lunarToSolar(2026, 11, 1)).toBe('2026-12-09');
  });

  it('refuses a leap month the year does not have, and impossible dates', () => {
    expect(() => lunarToSolar(2026, 6, 1, true)).toThrow(RangeError);
    expect(() => lunarToSolar(2025, 5, 1, true)).toThrow(RangeError);
    expect(() => lunarToSolar(2026, 13, 1)).toThrow(RangeError);
    expect(() => lunarToSolar(2026, 1, 31)).toThrow(RangeError);
    // Month 12 of Ất Tỵ has 29 days: no "30 Tết" before Tết 2026.
    expect(() => lunarToSolar(2025, 12, 30)).toThrow(RangeError);
  });
});

describe('day arithmetic', () => {
  it('crosses months, leap days and years', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
  });

  it('names weekdays from Sunday = 0', () => {
    expect(dayOfWeek('2026-02-17')).toBe(2);
    expect(dayOfWeek('2026-01-10')).toBe(6);
    expect(dayOfWeek('2026-04-26')).toBe(0);
  });
});
