import { hanoiDay } from '../domain/hanoi-time';
import { addDays } from './lunar';
import { computedHolidays, isWeekend } from './vietnam-holidays';

/** A year's days as the government published them: weekdays off, and weekend days worked instead. */
export interface YearOverrides {
  holidays: string[];
  workingWeekends: string[];
}

export interface CalendarYearView extends YearOverrides {
  year: number;
  source: 'computed' | 'loaded';
}

const HANOI_OFFSET_MS = 7 * 3_600_000;

/** The UTC instant at which a Hà Nội wall-clock time falls (Hà Nội keeps UTC+7, no DST). */
function hanoiInstant(day: string, time: string): Date {
  return new Date(Date.parse(`${day}T${time}Z`) - HANOI_OFFSET_MS);
}

/**
 * Which days are worked in Hà Nội. Pure (no I/O, no clock) so that workflow code may use it.
 * A loaded year replaces the computed holidays of that year entirely.
 */
export class WorkingCalendar {
  private readonly years = new Map<number, { view: CalendarYearView; holidays: Set<string>; workingWeekends: Set<string> }>();

  constructor(private readonly loaded: ReadonlyMap<number, YearOverrides>) {}

  year(year: number): CalendarYearView {
    const { view } = this.days(year);
    return { ...view, holidays: [...view.holidays], workingWeekends: [...view.workingWeekends] };
  }

  isWorkingDay(day: string): boolean {
    const { holidays, workingWeekends } = this.days(Number(day.slice(0, 4)));
    return isWeekend(day) ? workingWeekends.has(day) : !holidays.has(day);
  }

  /** The date n working days after day (n = 0: day itself, worked or not). */
  addWorkingDays(day: string, n: number): string {
    return this.step(day, n, 1);
  }

  /** The end (23:59:59.999 Hà Nội) of the n-th working day after from's Hà Nội day. */
  deadlineAfter(from: Date, workingDays: number): Date {
    return hanoiInstant(this.step(hanoiDay(from), workingDays, 1), '23:59:59.999');
  }

  /** The start (00:00 Hà Nội) of the working day n working days before due's Hà Nội day. */
  workingDaysBefore(due: Date, n: number): Date {
    return hanoiInstant(this.step(hanoiDay(due), n, -1), '00:00:00.000');
  }

  private step(day: string, n: number, direction: 1 | -1): string {
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`working days must be a whole number >= 0, got ${n}`);
    let current = day;
    for (let left = n; left > 0;) {
      current = addDays(current, direction);
      if (this.isWorkingDay(current)) left--;
    }
    return current;
  }

  private days(year: number) {
    let days = this.years.get(year);
    if (!days) {
      const loaded = this.loaded.get(year);
      const view: CalendarYearView = loaded
        ? { year, holidays: [...loaded.holidays].sort(), workingWeekends: [...loaded.workingWeekends].sort(), source: 'loaded' }
        : { year, holidays: computedHolidays(year), workingWeekends: [], source: 'computed' };
      days = { view, holidays: new Set(view.holidays), workingWeekends: new Set(view.workingWeekends) };
      this.years.set(year, days);
    }
    return days;
  }
}
