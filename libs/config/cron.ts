import { z } from 'zod';

const field = /^(\*|\d+(-\d+)?)(\/\d+)?(,(\*|\d+(-\d+)?)(\/\d+)?)*$/;

/** A five-field cron line (minute hour day-of-month month day-of-week), e.g. `0 8 2 1 *`; read in Hà Nội time. */
export const cronSchema = z
  .string()
  .trim()
  .transform((s) => s.split(/\s+/).join(' '))
  .refine((s) => {
    const fields = s.split(' ');
    return fields.length === 5 && fields.every((f) => field.test(f));
  }, 'expected five cron fields such as "0 8 2 1 *" (minute hour day month weekday)');
