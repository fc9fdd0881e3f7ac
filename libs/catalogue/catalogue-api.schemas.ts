import { z } from 'zod';

/** A real calendar date written YYYY-MM-DD (2026-02-30 is refused, not rolled over). */
const day = z
  .string()
  .max(10, { abort: true })
  .refine((value) => {
    const time = Date.parse(`${value}T00:00:00.000Z`);
    return /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(time) && new Date(time).toISOString().startsWith(value);
  }, 'must be a date YYYY-MM-DD');

/** `GET /api/awards?at=`: the day whose catalogue version is wanted; today in Hà Nội when absent. */
export const awardsQuerySchema = z.strictObject({ at: day.optional() });
export type AwardsQuery = z.infer<typeof awardsQuerySchema>;

/** `PUT /api/admin/base-salary`: a new mức lương cơ sở, in whole đồng, from a day on. */
export const baseSalaryBodySchema = z.strictObject({
  amount: z.number().int().min(1).max(1_000_000_000),
  effectiveFrom: day,
});
export type BaseSalaryBody = z.infer<typeof baseSalaryBodySchema>;
