import { z } from 'zod';
import { historyBasisSchema } from '../catalogue/catalogue.schema';
import { collectiveDeclarationFields } from '../eligibility/member-declarations';
import { AWARD_CODES } from './award-catalogue';
import { levelSchema } from './levels';
import { DECISIONS, nominationStatusSchema, REJECT_GROUNDS } from './nomination-status';
import { code, queryNumber, requestId as requestIdOf, text, username } from './text';
import { RULE_MESSAGES } from './validation-messages';

const requestId = requestIdOf();

export const nomineeSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('INDIVIDUAL'), fullName: text(2, 200), position: text(1, 200).optional() }),
  z.strictObject({ kind: z.literal('COLLECTIVE'), name: text(2, 300) }),
]);
export type Nominee = z.infer<typeof nomineeSchema>;

export const declarationsSchema = z.strictObject({
  rating: z.enum(['HTXS', 'HTT']).optional(),
  initiatives: z.array(text(1, 500)).max(20).optional(),
  research: z.array(text(1, 500)).max(20).optional(),
  ...collectiveDeclarationFields,
});

// Bounded well above DOCUMENT_MAX_PER_NOMINATION, which the service enforces with 413.
const documentIds = z.array(z.uuid()).max(200);

export const submitNominationSchema = z.strictObject({
  awardCode: z.enum(AWARD_CODES as [string, ...string[]]),
  year: z.number().int().min(2000).max(2100),
  unitCode: code().optional(),
  nominee: nomineeSchema,
  achievements: text(20, 20000),
  declarations: declarationsSchema.optional(),
  campaignId: code(100).optional(),
  /**
   * Why the award is proposed: REGULAR (thường xuyên, the default), THEMED (chuyên đề) or EXTRAORDINARY
   * (đột xuất: judged on the one achievement, without the multi-year criteria).
   */
  basis: z.enum(historyBasisSchema.options).optional(),
  /** Uploads (POST /api/documents) that make up the dossier. */
  documents: documentIds.optional(),
  requestId: requestId.optional(),
});
export type SubmitNominationInput = z.infer<typeof submitNominationSchema>;

/** What a reviewer decides, alone (`/decisions`) or as one item of a batch (`/decisions/batch`). */
export const decisionFields = {
  level: levelSchema,
  decision: z.enum(DECISIONS),
  comment: text(1, 5000).optional(),
  ground: z.enum(REJECT_GROUNDS).optional(),
};

/** The rules between a decision's fields, the same for a decision alone and one in a batch. */
export function decisionRules(d: { decision: (typeof DECISIONS)[number]; comment?: string; ground?: string }, ctx: z.RefinementCtx): void {
  if (d.decision !== 'APPROVE' && !d.comment) {
    ctx.addIssue({ code: 'custom', path: ['comment'], message: RULE_MESSAGES.commentRequired(d.decision) });
  }
  if (d.decision === 'REJECT' && !d.ground) {
    ctx.addIssue({ code: 'custom', path: ['ground'], message: RULE_MESSAGES.groundRequired });
  }
  if (d.decision !== 'REJECT' && d.ground) {
    ctx.addIssue({ code: 'custom', path: ['ground'], message: RULE_MESSAGES.groundOnlyOnReject });
  }
}

export const decisionSchema = z.strictObject({ ...decisionFields, requestId: requestId.optional() }).superRefine(decisionRules);
export type DecisionInput = z.infer<typeof decisionSchema>;

export const resubmitSchema = z.strictObject({
  achievements: text(20, 20000).optional(),
  comment: text(1, 5000),
  /** New uploads; one of a type already in the dossier becomes its new version. */
  documents: documentIds.optional(),
  requestId: requestId.optional(),
});
export type ResubmitInput = z.infer<typeof resubmitSchema>;

export const withdrawSchema = z.strictObject({
  reason: text(1, 5000),
  requestId: requestId.optional(),
});
export type WithdrawInput = z.infer<typeof withdrawSchema>;

// Bounded so that the offset it makes stays a safe integer for the database.
export const pageNumber = (max = 1_000_000) => queryNumber(1, max);
export const listNominationsQuerySchema = z.strictObject({
  status: nominationStatusSchema.optional(),
  level: levelSchema.optional(),
  unitCode: code().optional(),
  awardCode: code(100).optional(),
  campaignId: code(100).optional(),
  page: pageNumber().default(1),
  pageSize: pageNumber(200).default(20),
});
export type ListNominationsQuery = z.infer<typeof listNominationsQuerySchema>;

export const inboxQuerySchema = z.strictObject({
  awardCode: code(100).optional(),
  unitCode: code().optional(),
  campaignId: code(100).optional(),
  /** `true`: only what is past its due date; `false`: only what is not. */
  overdue: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  /** Part of the nominee's name (or the collective's), in any letter case. */
  q: text(1, 200).optional(),
  page: pageNumber().default(1),
  pageSize: pageNumber(200).default(50),
});
export type InboxQuery = z.infer<typeof inboxQuerySchema>;

export const devTokenSchema = z.strictObject({ username: username() });

const isoDay = z
  .string()
  .max(10)
  .regex(/^\d{4}-\d{2}-\d{2}$/, RULE_MESSAGES.day)
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), RULE_MESSAGES.calendarDay);

export const voteSchema = z.strictObject({
  vote: z.enum(['FOR', 'AGAINST']),
  requestId: requestId.optional(),
});
export type VoteInput = z.infer<typeof voteSchema>;

export const closeVoteSchema = z.strictObject({ requestId: requestId.optional() });
export type CloseVoteInput = z.infer<typeof closeVoteSchema>;

export const delegationSchema = z
  .strictObject({
    deputy: username(),
    level: levelSchema,
    from: isoDay,
    to: isoDay,
  })
  .refine((d) => d.from <= d.to, { path: ['to'], message: RULE_MESSAGES.notBeforeFrom });
export type DelegationInput = z.infer<typeof delegationSchema>;
