import { z } from 'zod';
import { queryNumber } from './text';

export const STATISTICS_GROUPINGS = ['unit', 'award', 'level', 'month'] as const;
export type StatisticsGrouping = (typeof STATISTICS_GROUPINGS)[number];

/** The longest span the trend over years covers in one answer. */
export const MAX_YEARS_SPAN = 20;

const year = queryNumber(2000, 2100);

export const statisticsQuerySchema = z.strictObject({
  year,
  by: z.enum(STATISTICS_GROUPINGS).default('unit'),
});
export type StatisticsQuery = z.infer<typeof statisticsQuerySchema>;

export const YEARS_GROUPINGS = ['award', 'unit'] as const;

export const statisticsYearsQuerySchema = z
  .strictObject({ from: year, to: year, by: z.enum(YEARS_GROUPINGS).default('award') })
  .refine((q) => q.to >= q.from, { path: ['to'], message: 'phải từ năm bắt đầu (from) trở đi' })
  .refine((q) => q.to - q.from < MAX_YEARS_SPAN, { path: ['to'], message: `một lần xem tối đa ${MAX_YEARS_SPAN} năm` });
export type StatisticsYearsQuery = z.infer<typeof statisticsYearsQuerySchema>;
