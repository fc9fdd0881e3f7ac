import { z } from 'zod';
import { QUERY_NUMBERS } from '../domain/text';
import { addDays } from './lunar';
import { isWeekend } from './vietnam-holidays';

const FIRST_YEAR = 2000;
const LAST_YEAR = 2100;

/** A real calendar date written YYYY-MM-DD (2026-02-30 is refused, not rolled over). */
const isDate = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value) && addDays(value, 0) === value;

const yearOf = (day: string) => Number(day.slice(0, 4));

/** The days of one kind in one year, each issue on the item's own path and quoting its value. */
function daysOf(year: number, kind: 'weekday' | 'weekend') {
  return z
    .array(z.string().max(10))
    .max(366)
    .superRefine((days, ctx) => {
      const seen = new Set<string>();
      days.forEach((day, index) => {
        const issue = (message: string) => ctx.addIssue({ code: 'custom', path: [index], message: `"${day}" ${message}` });
        if (!isDate(day)) return issue('không phải ngày dạng YYYY-MM-DD');
        if (yearOf(day) !== year) return issue(`không thuộc năm ${year}`);
        if (kind === 'weekday' && isWeekend(day)) return issue('là thứ Bảy hoặc Chủ nhật, vốn đã là ngày nghỉ');
        if (kind === 'weekend' && !isWeekend(day)) return issue('không phải thứ Bảy hay Chủ nhật');
        if (seen.has(day)) return issue('được ghi hai lần');
        seen.add(day);
      });
    })
    .transform((days) => [...days].sort());
}

/** The body of PUT /api/admin/calendar/:year: the year's weekdays off and weekend days worked. */
export const calendarOverridesSchema = (year: number) => z.strictObject({ holidays: daysOf(year, 'weekday'), workingWeekends: daysOf(year, 'weekend') });

export const calendarYearParamsSchema = z.strictObject({
  year: z
    .string()
    .max(4, { abort: true })
    .regex(/^\d{4}$/, 'năm phải gồm bốn chữ số')
    .transform(Number)
    .pipe(z.number().min(FIRST_YEAR).max(LAST_YEAR))
    .register(QUERY_NUMBERS, { type: 'integer', minimum: FIRST_YEAR, maximum: LAST_YEAR }),
});
export type CalendarYearParams = z.infer<typeof calendarYearParamsSchema>;

export const workingDaysQuerySchema = z.strictObject({
  from: z
    .string()
    .max(10)
    .superRefine((day, ctx) => {
      if (!isDate(day)) ctx.addIssue({ code: 'custom', message: `"${day}" không phải ngày dạng YYYY-MM-DD` });
      else if (yearOf(day) < FIRST_YEAR || yearOf(day) > LAST_YEAR) {
        ctx.addIssue({ code: 'custom', message: `"${day}" nằm ngoài các năm ${FIRST_YEAR}–${LAST_YEAR}` });
      }
    }),
  days: z
    .string()
    .max(3, { abort: true })
    .regex(/^\d{1,3}$/, 'số ngày phải là số nguyên')
    .transform(Number)
    .pipe(z.number().max(366))
    .register(QUERY_NUMBERS, { type: 'integer', minimum: 0, maximum: 366 }),
});
export type WorkingDaysQuery = z.infer<typeof workingDaysQuerySchema>;
