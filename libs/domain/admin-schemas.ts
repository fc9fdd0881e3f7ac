import { z } from 'zod';
import { levelSchema } from './levels';

const reason = z.string().trim().min(1, 'a reason is required').max(2000);
const requestId = z.string().trim().min(1).max(200).optional();

/** Codes and ids only: the filters also go into Temporal visibility queries. */
const code = (max: number) => z.string().min(1).max(max).regex(/^[\p{L}\p{N}_.-]+$/u, 'letters, digits, "_", "-" and "." only');

export const stuckFilterSchema = z.strictObject({
  level: levelSchema.optional(),
  unitCode: code(50).optional(),
  awardCode: code(100).optional(),
  campaignId: code(100).optional(),
  minOverdueDays: z.coerce.number().min(0).max(3650).optional(),
});
export type StuckFilter = z.infer<typeof stuckFilterSchema>;

const pageNumber = z.coerce.number().int().min(1);
export const stuckQuerySchema = stuckFilterSchema.extend({
  page: pageNumber.default(1),
  pageSize: pageNumber.max(200).default(50),
});
export type StuckQuery = z.infer<typeof stuckQuerySchema>;

export const adminReasonSchema = z.strictObject({ reason, requestId });
export type AdminReasonInput = z.infer<typeof adminReasonSchema>;

export const adminDeadlineSchema = z.strictObject({ dueAt: z.iso.datetime({ offset: true }), reason, requestId });
export type AdminDeadlineInput = z.infer<typeof adminDeadlineSchema>;

export const adminReassignSchema = z.strictObject({ level: levelSchema, reviewer: z.string().trim().min(1).max(100), reason, requestId });
export type AdminReassignInput = z.infer<typeof adminReassignSchema>;

export const bulkDeadlineSchema = z.strictObject({ filter: stuckFilterSchema, dueAt: z.iso.datetime({ offset: true }), reason, requestId });
export type BulkDeadlineInput = z.infer<typeof bulkDeadlineSchema>;
