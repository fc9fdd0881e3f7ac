import { isGrpcServiceError, WorkflowUpdateRPCTimeoutOrCancelledError } from '@temporalio/client';
import { errorChain, isDatabaseUnavailable } from '../../../libs/db/db-errors';

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
  const temporal = [...errorChain(error)].some(
    (e) => e instanceof WorkflowUpdateRPCTimeoutOrCancelledError || (isGrpcServiceError(e) && GRPC_TRANSIENT.has(e.code)),
  );
  if (temporal) return 'temporal';
  return isDatabaseUnavailable(error) ? 'database' : null;
}
