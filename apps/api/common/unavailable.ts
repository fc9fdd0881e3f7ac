import { isGrpcServiceError, WorkflowUpdateRPCTimeoutOrCancelledError } from '@temporalio/client';
import { errorChain, isDatabaseUnavailable } from '../../../libs/db/db-errors';

export type UnavailablePart = 'temporal' | 'database';

/**
 * gRPC status codes that say the server is away, overloaded or did not answer in time, and may well
 * succeed a moment later: CANCELLED (our own deadline or abort) and DEADLINE_EXCEEDED, and those the
 * Temporal client itself retries (UNKNOWN, RESOURCE_EXHAUSTED, ABORTED, OUT_OF_RANGE, UNAVAILABLE,
 * DATA_LOSS), which reach us once its retries ran out. An overloaded dev server answered UNKNOWN-class
 * errors in the benchmark, which the API had turned into 500s.
 */
const GRPC_TRANSIENT = new Set([1, 2, 4, 8, 10, 11, 14, 15]);
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
