import { z } from 'zod';
import { STATISTICS_GROUPINGS, YEARS_GROUPINGS } from './statistics-schemas';

const count = z.number().int();

const statisticsFields = {
  submitted: count.describe('Nominations of the year'),
  inReview: count,
  returned: count,
  approved: count,
  rejected: count,
  withdrawn: count,
  expired: count,
  forwarded: count,
  overdue: count.describe('In review and past the current level’s deadline'),
  awarded: count.describe('Items of issued, unrevoked award decisions'),
  amount: z.number().describe('Their amounts, in đồng'),
  decisions: count.describe('Level decisions made on the year’s nominations'),
  decidedOnTime: count.describe('Those made by their level’s deadline'),
  onTimeRate: z.number().nullable().describe('decidedOnTime / decisions; null when there is none'),
  medianWorkingDays: z.number().nullable().describe('Median working days a level took, by the working-day calendar'),
};

export const statisticsRowResponse = z.object({ key: z.string(), name: z.string(), ...statisticsFields }).meta({ id: 'StatisticsRow' });

export const statisticsResponse = z
  .object({
    year: count,
    by: z.enum(STATISTICS_GROUPINGS),
    rows: z.array(statisticsRowResponse),
    total: z.object(statisticsFields).meta({ id: 'StatisticsTotal' }),
  })
  .meta({ id: 'Statistics' });

export const statisticsYearsResponse = z
  .object({
    from: count,
    to: count,
    by: z.enum(YEARS_GROUPINGS),
    rows: z.array(z.object({ year: count, key: z.string(), name: z.string(), count }).meta({ id: 'StatisticsYearRow' })),
  })
  .meta({ id: 'StatisticsYears' });

export type StatisticsRow = z.infer<typeof statisticsRowResponse>;
export type StatisticsTotal = z.infer<typeof statisticsResponse>['total'];
export type Statistics = z.infer<typeof statisticsResponse>;
export type StatisticsYears = z.infer<typeof statisticsYearsResponse>;
