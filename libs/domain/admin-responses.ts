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
        kind: z.enum(['OVERDUE', 'WORKFLOW_TASK_FAILING', 'ACTIVITY_RETRYING', 'STATE_MISMATCH', 'DELIVERY_FAILING', 'ON_HOLD', 'NO_REVIEWER']),
        reason: z.string(),
        waitingOn: z.array(z.string()),
        unitCode: z.string().optional().describe('The nomination’s unit; absent for mail of no nomination'),
        unitName: z.string().optional(),
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
    unitName: z.string(),
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
        unitName: z.string(),
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

export const auditEventResponse = z
  .object({
    seq: z.number().int().describe('The place in the chain: 1, 2, 3, … over every subject'),
    at: instant,
    actor: z.string().nullable().describe('Null for what the system did by itself (a deadline passing)'),
    action: z.string(),
    subject: z.string().describe('What changed: `nomination:<id>`, `hold:<id>`, `calendar:2026`, …'),
    details: z.record(z.string(), z.unknown()),
    hash: z.string().describe('SHA-256 (hex) over the previous event’s hash and this event’s canonical content'),
  })
  .meta({ id: 'AuditEvent' });

export const auditPageResponse = z.object({ items: z.array(auditEventResponse), ...pageFields }).meta({ id: 'AuditPage' });

export const auditVerifyResponse = z
  .object({
    ok: z.boolean(),
    events: z.number().int().describe('Events stored'),
    firstBroken: z
      .object({
        seq: z.number().int(),
        at: instant.nullable().describe('Null when the events missing are the last ones'),
      })
      .optional()
      .describe('The first event that does not follow from the one before it; absent when ok'),
  })
  .meta({ id: 'AuditVerification' });
