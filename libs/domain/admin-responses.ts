import { z } from 'zod';
import { pageFields } from './nomination-responses';

// Response schemas of the admin routes (see nomination-responses.ts).

const instant = z.iso.datetime();
const day = z.iso.date();

export const stuckPageResponse = z
  .object({
    items: z.array(
      z.object({
        nominationId: z.uuid().nullable().describe('Null for mail of no nomination'),
        workflowId: z.string().nullable(),
        kind: z.enum(['OVERDUE', 'WORKFLOW_TASK_FAILING', 'ACTIVITY_RETRYING', 'STATE_MISMATCH', 'DELIVERY_FAILING']),
        reason: z.string(),
        waitingOn: z.array(z.string()),
        since: instant,
        temporalUiUrl: z.string().nullable(),
        nextEscalationAt: instant.optional(),
        lastError: z.string().optional(),
        recipient: z.string().optional(),
        address: z.string().optional(),
      }),
    ),
    ...pageFields,
  })
  .meta({ id: 'StuckPage' });

export const deliveryResponse = z
  .object({
    id: z.uuid(),
    channel: z.string(),
    nominationId: z.uuid().nullable(),
    kind: z.string(),
    recipient: z.string(),
    address: z.string(),
    subject: z.string(),
    attempts: z.number().int(),
    nextAttemptAt: instant,
    lastError: z.string().nullable(),
    lastAttemptAt: instant.nullable(),
    deliveredAt: instant.nullable(),
    createdAt: instant,
  })
  .meta({ id: 'Delivery' });

export const scheduleResponse = z
  .object({
    id: z.string(),
    spec: z.object({
      timezone: z.string(),
      calendars: z.array(z.record(z.string(), z.string()).describe('Cron-like fields (second, minute, hour, dayOfMonth, month, dayOfWeek, …), `*` for any')),
    }),
    nextRuns: z.array(instant),
    paused: z.boolean(),
  })
  .meta({ id: 'Schedule' });

export const scheduleListResponse = z.array(scheduleResponse).meta({ id: 'ScheduleList' });

export const holdResponse = z
  .object({
    id: z.uuid(),
    fullName: z.string(),
    unitCode: z.string(),
    reason: z.string(),
    until: day.describe('The last day of the hold'),
    createdBy: z.string(),
    createdAt: instant,
  })
  .meta({ id: 'Hold' });

export const holdListResponse = z.object({ items: z.array(holdResponse) }).meta({ id: 'HoldList' });

export const awardHistoryPageResponse = z
  .object({
    items: z.array(
      z.object({
        fullName: z.string(),
        unitCode: z.string(),
        awardCode: z.string(),
        year: z.number().int(),
        decisionRef: z.string(),
        source: z.string(),
        basis: z.enum(['REGULAR', 'THEMED', 'EXTRAORDINARY']),
      }),
    ),
    ...pageFields,
  })
  .meta({ id: 'AwardHistoryPage' });

export const awardHistoryImportResponse = z.object({ imported: z.number().int() }).meta({ id: 'AwardHistoryImport' });

export const calendarYearResponse = z
  .object({
    year: z.number().int(),
    source: z.enum(['computed', 'loaded']),
    holidays: z.array(day),
    workingWeekends: z.array(day),
  })
  .meta({ id: 'CalendarYear' });

export const workingDaysResponse = z.object({ from: day, days: z.number().int(), date: day }).meta({ id: 'WorkingDays' });
