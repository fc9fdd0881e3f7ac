import { z } from 'zod';
import { decisionFields, decisionRules, voteSchema } from './schemas';
import { requestId } from './text';

/** At most this many items in one batch (API.md "Review in batches"). */
export const MAX_BATCH_ITEMS = 200;

/** A batch's own request id leaves room for the item's index its items' request ids get (`<id>:<index>`). */
const batchRequestId = requestId().max(150);

/** What every item names, the rest left to the item's own schema: its nomination (the single route's path parameter). */
export const batchItemHeadSchema = z.looseObject({ nominationId: z.string() });

/** An item of `/decisions/batch` past its `nominationId`: the single decision's body without its request id. */
export const decisionItemSchema = z.strictObject(decisionFields).superRefine(decisionRules);

/** An item of `/votes/batch` past its `nominationId`: the single vote's body without its request id. */
export const voteItemSchema = voteSchema.omit({ requestId: true });

/**
 * What the batch routes validate as a whole: the request id and the bounds of the list. Each item is
 * validated on its own, so that a malformed one is that item's 400 and the others are still decided.
 */
export const batchEnvelopeSchema = z.strictObject({
  requestId: batchRequestId.optional(),
  items: z.array(z.unknown()).min(1).max(MAX_BATCH_ITEMS),
});
export type BatchEnvelope = z.infer<typeof batchEnvelopeSchema>;

const nominationId = z.uuid();

/** The decision batch as the OpenAPI document describes it (items valid as sent); the route validates `batchEnvelopeSchema`. */
export const decisionBatchSchema = z.strictObject({
  requestId: batchRequestId.optional(),
  items: z
    .array(z.strictObject({ nominationId, ...decisionFields }))
    .min(1)
    .max(MAX_BATCH_ITEMS),
});

/** The vote batch as the OpenAPI document describes it; the route validates `batchEnvelopeSchema`. */
export const voteBatchSchema = z.strictObject({
  requestId: batchRequestId.optional(),
  items: z
    .array(z.strictObject({ nominationId, ...voteItemSchema.shape }))
    .min(1)
    .max(MAX_BATCH_ITEMS),
});
