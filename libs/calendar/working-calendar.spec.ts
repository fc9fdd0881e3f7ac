import { WorkingCalendar, type YearOverrides } from './working-calendar';

// 2026 as DOMAIN.md gives it: off 1–4 January with Saturday 10 January worked, Tết off 14–22 February.
const year2026: YearOverrides = {
  holidays: [
    '2026-01-01',
    '2026-01-02',
    '2026-02-16',
    '2026-02-17',
    '2026-02-18',
    '2026-02-19',
    '2026-02-20',
    '2026-04-27',
    '2026-04-30',
    '2026-05-01',
    '2026-09-01',
    '2026-09-02',
  ],
  workingWeekends: ['2026-01-10'],
};

describe('WorkingCalendar', () => {
  const sut = new WorkingCalendar(new Map([[2026, year2026]]));
  const computedOnly = new WorkingCalendar(new Map());

  describe('with 2026 loaded', () => {
    it('shows the loaded year as it was loaded', () => {
      expect(sut.year(2026)).toEqual({ year: 2026, ...year2026, source: 'loaded' });
    });

    it('skips the New Year days and the weekend after them', () => {
      expect(sut.addWorkingDays('2025-12-31', 1)).toBe('2026-01-05');
    });

    it('works Saturday 10 January and not Saturday 3 January', () => {
      expect(sut.isWorkingDay('2026-01-10')).toBe(true);
      expect(sut.isWorkingDay('2026-01-03')).toBe(false);
      expect(sut.addWorkingDays('2026-01-09', 1)).toBe('2026-01-10');
      expect(sut.addWorkingDays('2026-01-09', 2)).toBe('2026-01-12');
    });

    it('jumps the Tết block from Friday 13 to Monday 23 February', () => {
      expect(sut.addWorkingDays('2026-02-13', 1)).toBe('2026-02-23');
      expect(sut.addWorkingDays('2026-02-12', 5)).toBe('2026-02-26');
    });

    it('returns the day itself for zero working days, worked or not', () => {
      expect(sut.addWorkingDays('2026-02-17', 0)).toBe('2026-02-17');
    });

    it('refuses a negative or fractional count', () => {
      expect(() => sut.addWorkingDays('2026-02-17', -1)).toThrow(RangeError);
      expect(() => sut.addWorkingDays('2026-02-17', 1.5)).toThrow(RangeError);
    });

    it('hands out copies, so a caller cannot change the calendar', () => {
      sut.year(2026).holidays.push('2026-03-02');

      expect(sut.isWorkingDay('2026-03-02')).toBe(true);
    });
  });

  it('replaces the computed days of a loaded year entirely', () => {
    const empty2027 = new WorkingCalendar(new Map([[2027, { holidays: [], workingWeekends: [] }]]));

    expect(empty2027.isWorkingDay('2027-02-08')).toBe(true);
    expect(computedOnly.isWorkingDay('2027-02-08')).toBe(false);
  });

  describe('in years not loaded', () => {
    it('computes the year, with no weekend worked', () => {
      expect(computedOnly.year(2027)).toEqual(expect.objectContaining({ year: 2027, workingWeekends: [], source: 'computed' }));
      expect(computedOnly.year(2027).holidays).toContain('2027-02-08');
    });

    // Giỗ Tổ fell on Sunday 26 April 2026; the day off was Monday 27 April.
    it('moves a Sunday holiday to the Monday', () => {
      expect(computedOnly.isWorkingDay('2026-04-26')).toBe(false);
      expect(computedOnly.isWorkingDay('2026-04-27')).toBe(false);
      expect(computedOnly.addWorkingDays('2026-04-24', 1)).toBe('2026-04-28');
    });

    it.each([
      // Tết 6 February 2027: 30 Tết Friday 5, Saturday and Sunday made up on Wednesday 10 and Thursday 11.
      ['2027-02-04', '2027-02-12'],
      // Tết 26 January 2028: 25–28 January and Monday 31 for the Saturday inside the block.
      ['2028-01-24', '2028-02-01'],
      // Tết 13 February 2029: Monday 12 to Friday 16.
      ['2029-02-09', '2029-02-19'],
      // Tết 2 February 2030 (a Saturday): Friday 1, then Monday 4 to Thursday 7.
      ['2030-01-31', '2030-02-08'],
    ])('skips the computed Tết block: one working day after %s is %s', (from, to) => {
      expect(computedOnly.addWorkingDays(from, 1)).toBe(to);
    });

    it('crosses from a computed year into a loaded one', () => {
      expect(sut.addWorkingDays('2025-12-30', 2)).toBe('2026-01-05');
    });
  });

  describe('deadlines in Hà Nội time', () => {
    it('ends at 23:59:59.999 Hà Nội of the n-th working day after the Hà Nội day of the start', () => {
      // 03:00 on Friday 13 February in Hà Nội is still the 12th in UTC.
      expect(sut.deadlineAfter(new Date('2026-02-12T20:00:00Z'), 1)).toEqual(new Date('2026-02-23T16:59:59.999Z'));
      expect(sut.deadlineAfter(new Date('2026-02-13T16:59:59Z'), 1)).toEqual(new Date('2026-02-23T16:59:59.999Z'));
      // 00:00 on Tuesday 24 in Hà Nội is the 23rd in UTC.
      expect(sut.deadlineAfter(new Date('2026-02-23T17:00:00Z'), 1)).toEqual(new Date('2026-02-25T16:59:59.999Z'));
    });

    it('starts a reminder at 00:00 Hà Nội n working days before the due day', () => {
      const due = new Date('2026-02-23T16:59:59.999Z');

      expect(sut.workingDaysBefore(due, 1)).toEqual(new Date('2026-02-12T17:00:00.000Z'));
      expect(sut.workingDaysBefore(due, 2)).toEqual(new Date('2026-02-11T17:00:00.000Z'));
      expect(sut.workingDaysBefore(due, 0)).toEqual(new Date('2026-02-22T17:00:00.000Z'));
    });
  });
});
