import { z } from 'zod';
import { collectiveDeclarationFields } from '../eligibility/member-declarations';
import { AWARD_CODES } from './award-catalogue';
import { levelSchema } from './levels';
import { DECISIONS, nominationStatusSchema, REJECT_GROUNDS } from './nomination-status';

/** Vietnamese text is compared and stored in NFC, whatever form the client sent. */
const text = (min: number, max: number) =>
  z
    .string()
    .trim()
    .min(min)
    .max(max)
    .transform((s) => s.normalize('NFC'));

const requestId = z.string().trim().min(1).max(200);

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

export const submitNominationSchema = z.strictObject({
  awardCode: z.enum(AWARD_CODES as [string, ...string[]]),
  year: z.number().int().min(2000).max(2100),
  unitCode: z.string().trim().min(1).max(50).optional(),
  nominee: nomineeSchema,
  achievements: text(20, 20000),
  declarations: declarationsSchema.optional(),
  campaignId: z.string().trim().min(1).max(100).optional(),
  requestId: requestId.optional(),
});
export type SubmitNominationInput = z.infer<typeof submitNominationSchema>;

export const decisionSchema = z
  .strictObject({
    level: levelSchema,
    decision: z.enum(DECISIONS),
    comment: text(1, 5000).optional(),
    ground: z.enum(REJECT_GROUNDS).optional(),
    requestId: requestId.optional(),
  })
  .superRefine((d, ctx) => {
    if (d.decision !== 'APPROVE' && !d.comment) {
      ctx.addIssue({ code: 'custom', path: ['comment'], message: `comment is required when the decision is ${d.decision}` });
    }
    if (d.decision === 'REJECT' && !d.ground) {
      ctx.addIssue({ code: 'custom', path: ['ground'], message: 'ground is required when the decision is REJECT' });
    }
    if (d.decision !== 'REJECT' && d.ground) {
      ctx.addIssue({ code: 'custom', path: ['ground'], message: 'ground is only allowed when the decision is REJECT' });
    }
  });
export type DecisionInput = z.infer<typeof decisionSchema>;

export const resubmitSchema = z.strictObject({
  achievements: text(20, 20000).optional(),
  comment: text(1, 5000),
  requestId: requestId.optional(),
});
export type ResubmitInput = z.infer<typeof resubmitSchema>;

export const withdrawSchema = z.strictObject({
  reason: text(1, 5000),
  requestId: requestId.optional(),
});
export type WithdrawInput = z.infer<typeof withdrawSchema>;

const pageNumber = z.coerce.number().int().min(1);
export const listNominationsQuerySchema = z.strictObject({
  status: nominationStatusSchema.optional(),
  level: levelSchema.optional(),
  unitCode: z.string().min(1).max(50).optional(),
  awardCode: z.string().min(1).max(100).optional(),
  campaignId: z.string().min(1).max(100).optional(),
  page: pageNumber.default(1),
  pageSize: pageNumber.max(200).default(20),
});
export type ListNominationsQuery = z.infer<typeof listNominationsQuerySchema>;

export const inboxQuerySchema = z.strictObject({
  page: pageNumber.default(1),
  pageSize: pageNumber.max(200).default(50),
});
export type InboxQuery = z.infer<typeof inboxQuerySchema>;

export const devTokenSchema = z.strictObject({ username: z.string().trim().min(1).max(100) });

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD').refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), 'not a calendar date');

export const voteSchema = z.strictObject({
  vote: z.enum(['FOR', 'AGAINST']),
  requestId: requestId.optional(),
});
export type VoteInput = z.infer<typeof voteSchema>;

export const closeVoteSchema = z.strictObject({ requestId: requestId.optional() });
export type CloseVoteInput = z.infer<typeof closeVoteSchema>;

export const delegationSchema = z
  .strictObject({
    deputy: z.string().trim().min(1).max(100),
    level: levelSchema,
    from: isoDay,
    to: isoDay,
  })
  .refine((d) => d.from <= d.to, { path: ['to'], message: 'must not be before from' });
export type DelegationInput = z.infer<typeof delegationSchema>;
