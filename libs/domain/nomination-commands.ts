import { z } from 'zod';
import { levelSchema } from './levels';
import { decisionSchema } from './schemas';

/**
 * The shapes the workflow accepts in its updates: the API's input plus the identity the API
 * established. Checked again inside the workflow's validators so that nothing malformed enters history.
 */
const actor = z.string().min(1).max(100);
const requestId = z.string().min(1).max(200);

export const decideCommandSchema = decisionSchema.and(
  z.object({ requestId, reviewer: actor, onBehalfOf: actor.nullable().optional() }),
);

export const resubmitCommandSchema = z.strictObject({
  requestId,
  actor,
  comment: z.string().min(1),
  achievements: z.string().min(20).optional(),
});

export const withdrawCommandSchema = z.strictObject({ requestId, actor, reason: z.string().min(1) });

export const closeVoteCommandSchema = z.strictObject({ level: levelSchema, requestId, actor });

const admin = { requestId, actor, reason: z.string().trim().min(1).max(2000) };
export const adminCommandSchema = z.strictObject(admin);
export const setDeadlineCommandSchema = z.strictObject({ ...admin, dueAt: z.iso.datetime({ offset: true }) });
export const reassignCommandSchema = z.strictObject({ ...admin, level: levelSchema, reviewer: actor });
