import { isGrpcServiceError, WorkflowUpdateRPCTimeoutOrCancelledError } from '@temporalio/client';
import { isDatabaseUnavailable } from '../../../libs/db/db-errors';

export type UnavailablePart = 'temporal' | 'database';

/**
 * gRPC status codes CANCELLED (our own deadline or abort), DEADLINE_EXCEEDED, RESOURCE_EXHAUSTED, UNAVAILABLE:
 * the server is away, overloaded or did not answer in time, and may well succeed a moment later.
 */
const GRPC_TRANSIENT = new Set([1, 4, 8, 14]);
/**
 * Which part the request needed was unavailable (down, unreachable, or too slow to answer), judged from
 * the error and its causes; null for every other error. A retry later may succeed, so the API answers 503.
 */
export function unavailablePart(error: unknown): UnavailablePart | null {
  for (const candidate of causes(error)) {
    const part = judge(candidate);
    if (part) return part;
  }
  return null;
}

function judge(error: object): UnavailablePart | null {
  if (error instanceof WorkflowUpdateRPCTimeoutOrCancelledError) return 'temporal';
  if (isGrpcServiceError(error)) return GRPC_TRANSIENT.has(error.code) ? 'temporal' : null;
  return isDatabaseUnavailable(error) ? 'database' : null;
}

/** The error, then what it wraps: `cause` chains, and the driver error Prisma keeps in `meta`. */
function* causes(error: unknown, depth = 0): Generator<object> {
  if (typeof error !== 'object' || error === null || depth > 5) return;
  yield error;
  const { cause, meta } = error as { cause?: unknown; meta?: { driverAdapterError?: unknown } };
  yield* causes(cause, depth + 1);
  yield* causes(meta?.driverAdapterError, depth + 1);
}
