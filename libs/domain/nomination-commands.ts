import { z } from 'zod';
import { levelSchema } from './levels';
import { OPINION_ANSWERS } from './nomination-machine';
import { decisionSchema } from './schemas';
import { text, username } from './text';

/**
 * The shapes the workflow accepts in its updates: the API's input plus the identity the API
 * established. Checked again inside the workflow's validators so that nothing malformed enters history.
 */
const actor = username();
/**
 * The caller's request id prefixed by the caller (`scopedRequestId`: a username may hold '@'), with what
 * a bulk change appends, or an id the API made; the caller's part was checked by the API's own schema.
 */
const requestId = z
  .string()
  .max(400)
  .regex(/^[A-Za-z0-9._@:~+=/-]+$/);

/** The document versions in front of the reviewer or the council (ids and hashes only); absent from older commands. */
const documentRefs = z
  .array(
    z.strictObject({
      id: z.uuid(),
      sha256: z
        .string()
        .length(64)
        .regex(/^[0-9a-f]+$/),
    }),
  )
  .max(1000);

export const decideCommandSchema = decisionSchema.and(
  z.object({ requestId, reviewer: actor, onBehalfOf: actor.nullable().optional(), documents: documentRefs.optional() }),
);

export const resubmitCommandSchema = z.strictObject({
  requestId,
  actor,
  comment: text(1, 5000),
  achievements: text(20, 20000).optional(),
});

export const withdrawCommandSchema = z.strictObject({ requestId, actor, reason: text(1, 5000) });

export const closeVoteCommandSchema = z.strictObject({ level: levelSchema, requestId, actor, documents: documentRefs.optional() });

const admin = { requestId, actor, reason: text(1, 2000) };
export const adminCommandSchema = z.strictObject(admin);
export const setDeadlineCommandSchema = z.strictObject({ ...admin, dueAt: z.iso.datetime({ offset: true }) });
export const reassignCommandSchema = z.strictObject({ ...admin, level: levelSchema, reviewer: actor });

const agencyCode = z.string().regex(/^[A-Z0-9-]{1,32}$/);
export const opinionCommandSchema = z.strictObject({
  agency: agencyCode,
  answer: z.enum(OPINION_ANSWERS),
  comment: text(1, 5000).optional(),
  actor,
  requestId,
});
export const suspendCommandSchema = z.strictObject({ holdId: z.uuid(), endsAt: z.iso.datetime({ offset: true }), actor, requestId });
export const liftHoldCommandSchema = z.strictObject({ holdId: z.uuid(), actor, requestId });
