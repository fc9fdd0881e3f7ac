import { z } from 'zod';
import { levelSchema } from './levels';
import { pageNumber } from './schemas';
import { code, queryNumber, requestId as requestIdOf, text, username } from './text';
import { RULE_MESSAGES } from './validation-messages';

const reason = text(1, 2000, { tooShort: RULE_MESSAGES.reasonRequired });
const requestId = requestIdOf().optional();

const stuckFilterFields = {
  level: levelSchema.optional(),
  unitCode: code().optional(),
  awardCode: code(100).optional(),
  campaignId: code(100).optional(),
};
const MAX_OVERDUE_DAYS = 3650;

export const stuckFilterSchema = z.strictObject({ ...stuckFilterFields, minOverdueDays: queryNumber(0, MAX_OVERDUE_DAYS, true).optional() });
export type StuckFilter = z.infer<typeof stuckFilterSchema>;

export const stuckQuerySchema = stuckFilterSchema.extend({
  page: pageNumber().default(1),
  pageSize: pageNumber(200).default(50),
});
export type StuckQuery = z.infer<typeof stuckQuerySchema>;

export const adminReasonSchema = z.strictObject({ reason, requestId });
export type AdminReasonInput = z.infer<typeof adminReasonSchema>;

export const adminDeadlineSchema = z.strictObject({ dueAt: z.iso.datetime({ offset: true }), reason, requestId });
export type AdminDeadlineInput = z.infer<typeof adminDeadlineSchema>;

export const adminReassignSchema = z.strictObject({ level: levelSchema, reviewer: username(), reason, requestId });
export type AdminReassignInput = z.infer<typeof adminReassignSchema>;

// The same filter in a JSON body, where the number is a number.
const bodyFilterSchema = z.strictObject({ ...stuckFilterFields, minOverdueDays: z.number().min(0).max(MAX_OVERDUE_DAYS).optional() });
export const bulkDeadlineSchema = z.strictObject({ filter: bodyFilterSchema, dueAt: z.iso.datetime({ offset: true }), reason, requestId });
export type BulkDeadlineInput = z.infer<typeof bulkDeadlineSchema>;

export const holdSchema = z.strictObject({
  /** A person's full name, or a collective's name: whatever the nomination names. */
  fullName: text(2, 300),
  unitCode: code(),
  reason: text(1, 2000),
  until: z.iso.date(),
});
export type HoldInput = z.infer<typeof holdSchema>;

export const awardHistoryQuerySchema = z.strictObject({
  fullName: text(1, 300).optional(),
  unitCode: code().optional(),
  page: pageNumber().default(1),
  pageSize: pageNumber(500).default(100),
});
export type AwardHistoryQuery = z.infer<typeof awardHistoryQuerySchema>;

/** Why an admin paused or resumed a schedule, kept as the schedule's note. */
// Temporal refuses a schedule note over 1,000 bytes; 300 characters stay below it in any script (UTF-8: at most 3 bytes each).
export const scheduleNoteSchema = z.strictObject({ reason: text(1, 300).optional() });
export type ScheduleNoteInput = z.infer<typeof scheduleNoteSchema>;

// A day is a whole day in Hà Nội; an instant is taken as it is.
const HANOI_OFFSET = '+07:00';
const DAY_MS = 86_400_000;
const auditBound = (edge: 'start' | 'end') =>
  z.union([z.iso.date(), z.iso.datetime({ offset: true })]).transform((value) => {
    if (value.length > 10) return new Date(value);
    const start = new Date(`${value}T00:00:00${HANOI_OFFSET}`);
    return edge === 'start' ? start : new Date(start.getTime() + DAY_MS - 1);
  });

export const auditQuerySchema = z
  .strictObject({
    /** What changed: `nomination:<id>`, `hold:<id>`, `calendar:2026`, … */
    subject: z
      .string()
      .max(200)
      .regex(/^[a-z-]+:[A-Za-z0-9_.:-]+$/, 'must be <kind>:<id>, e.g. nomination:<id>')
      .optional(),
    actor: username().optional(),
    action: z
      .string()
      .max(64)
      .regex(/^[A-Z][A-Z_]*$/, 'must be an action such as DECIDED or HOLD_LIFTED')
      .optional(),
    /** From this day (Hà Nội) or instant on. */
    from: auditBound('start').optional(),
    /** Up to this day (Hà Nội, included) or instant. */
    to: auditBound('end').optional(),
    page: pageNumber().default(1),
    pageSize: pageNumber(200).default(50),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ['to'], message: 'must not be before from' });
export type AuditQuery = z.infer<typeof auditQuerySchema>;
