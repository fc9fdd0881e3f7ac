import { z } from 'zod';
import { AWARD_CODES } from './award-catalogue';
import { queryNumber, requestId, text } from './text';

const awardCode = z.enum(AWARD_CODES as [string, ...string[]]);

/** One decision lists at most the awardees of one ceremony; the seed report's largest had 150-odd. */
export const MAX_DECISION_ITEMS = 500;

export const createAwardDecisionSchema = z.strictObject({
  awardCode,
  year: z.number().int().min(2000).max(2100),
  nominationIds: z
    .array(z.uuid())
    .min(1)
    .max(MAX_DECISION_ITEMS)
    .refine((ids) => new Set(ids).size === ids.length, 'no nomination twice'),
  requestId: requestId(),
});
export type CreateAwardDecisionInput = z.infer<typeof createAwardDecisionSchema>;

export const issueAwardDecisionSchema = z.strictObject({
  signer: text(3, 200),
  requestId: requestId(),
});
export type IssueAwardDecisionInput = z.infer<typeof issueAwardDecisionSchema>;

export const revokeAwardDecisionSchema = z.strictObject({
  reason: text(3, 2000),
  requestId: requestId(),
});
export type RevokeAwardDecisionInput = z.infer<typeof revokeAwardDecisionSchema>;

export const AWARD_DECISION_STATUSES = ['DRAFT', 'ISSUED', 'REVOKED'] as const;

export const awardDecisionQuerySchema = z.strictObject({
  year: queryNumber(2000, 2100).optional(),
  awardCode: awardCode.optional(),
  status: z.enum(AWARD_DECISION_STATUSES).optional(),
});
export type AwardDecisionQuery = z.infer<typeof awardDecisionQuerySchema>;

export const publicAwardsQuerySchema = z.strictObject({
  q: text(1, 100).optional(),
  year: queryNumber(2000, 2100).optional(),
  awardCode: awardCode.optional(),
});
export type PublicAwardsQuery = z.infer<typeof publicAwardsQuerySchema>;
