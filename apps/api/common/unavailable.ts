import { isGrpcServiceError, WorkflowUpdateRPCTimeoutOrCancelledError } from '@temporalio/client';

export type UnavailablePart = 'temporal' | 'database';

/**
 * gRPC status codes CANCELLED (our own deadline or abort), DEADLINE_EXCEEDED, RESOURCE_EXHAUSTED, UNAVAILABLE:
 * the server is away, overloaded or did not answer in time, and may well succeed a moment later.
 */
const GRPC_TRANSIENT = new Set([1, 4, 8, 14]);
/** Prisma: database unreachable, timed out, connection closed, pool or transaction slot not obtained in time, too many connections. */
const PRISMA_TRANSIENT = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024', 'P2028', 'P2037']);
/** @prisma/adapter-pg's names for the same conditions. */
const ADAPTER_TRANSIENT = new Set(['DatabaseNotReachable', 'SocketTimeout', 'ConnectionClosed', 'TooManyConnections']);
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);
/** SQLSTATE: connection exceptions (08…), statement timeout, server shutting down or starting, too many connections. */
const SQLSTATE_TRANSIENT = /^(08[0-9A-Z]{3}|57014|57P0[123]|53300)$/;
/** node-postgres reports its own timeouts and dropped sockets as plain errors, by message only. */
const PG_MESSAGES = /^(Connection terminated|timeout exceeded when trying to connect|Query read timeout)/;

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
  const { code, kind, errorCode, message } = error as { code?: unknown; kind?: unknown; errorCode?: unknown; message?: unknown };
  const prismaCode = typeof errorCode === 'string' ? errorCode : code;
  if (typeof prismaCode === 'string' && PRISMA_TRANSIENT.has(prismaCode)) return 'database';
  if (typeof kind === 'string' && ADAPTER_TRANSIENT.has(kind)) return 'database';
  if (typeof code === 'string' && (SQLSTATE_TRANSIENT.test(code) || SOCKET_CODES.has(code))) return 'database';
  if (typeof message === 'string' && PG_MESSAGES.test(message)) return 'database';
  return null;
}

/** The error, then what it wraps: `cause` chains, and the driver error Prisma keeps in `meta`. */
function* causes(error: unknown, depth = 0): Generator<object> {
  if (typeof error !== 'object' || error === null || depth > 5) return;
  yield error;
  const { cause, meta } = error as { cause?: unknown; meta?: { driverAdapterError?: unknown } };
  yield* causes(cause, depth + 1);
  yield* causes(meta?.driverAdapterError, depth + 1);
}
