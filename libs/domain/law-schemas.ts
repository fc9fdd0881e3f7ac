import { z } from 'zod';
import { OPINION_ANSWERS } from './nomination-machine';
import { requestId, text } from './text';

/** An objection (ý kiến) to a nomination posted publicly. */
export const objectionSchema = z.strictObject({ text: text(1, 5000) });
export type ObjectionInput = z.infer<typeof objectionSchema>;

/** A consulted agency's opinion (hiệp y). */
export const opinionSchema = z.strictObject({ answer: z.enum(OPINION_ANSWERS), comment: text(1, 5000).optional(), requestId: requestId().optional() });
export type OpinionInput = z.infer<typeof opinionSchema>;

/** The central level's decision on an award the city forwarded. */
export const externalDecisionSchema = z.strictObject({
  decisionRef: text(1, 300),
  decidedOn: z.iso.date(),
  outcome: z.enum(['APPROVED', 'REJECTED']),
});
export type ExternalDecisionInput = z.infer<typeof externalDecisionSchema>;
