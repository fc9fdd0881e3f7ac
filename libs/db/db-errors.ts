/**
 * What a database error means for whoever retries: the database unavailable (unreachable, timed out,
 * shutting down, out of connections) or a conflict with another transaction may pass a moment later;
 * any other error (bad data, a broken constraint) fails the same way however often it is retried.
 */

/** Prisma: database unreachable, timed out, connection closed, pool or transaction slot not obtained in time, too many connections. */
const PRISMA_UNAVAILABLE = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024', 'P2028', 'P2037']);
/** @prisma/adapter-pg's names for the same conditions. */
const ADAPTER_UNAVAILABLE = new Set(['DatabaseNotReachable', 'SocketTimeout', 'ConnectionClosed', 'TooManyConnections']);
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);
/** SQLSTATE: connection exceptions (08…), statement timeout, server shutting down or starting, too many connections. */
const SQLSTATE_UNAVAILABLE = /^(08[0-9A-Z]{3}|57014|57P0[123]|53300)$/;
/** node-postgres reports its own timeouts and dropped sockets as plain errors, by message only. */
const PG_MESSAGES = /^(Connection terminated|timeout exceeded when trying to connect|Query read timeout)/;
/** A serialisation failure or a deadlock (SQLSTATE 40001, 40P01; Prisma P2034): the transaction may simply run again. */
const CONFLICT_CODES = new Set(['P2034', '40001', '40P01', 'TransactionWriteConflict']);

/** Whether this error, or one it wraps, says the database was unavailable. */
export function isDatabaseUnavailable(error: unknown): boolean {
  return [...errorChain(error)].some(unavailableNode);
}

/** Whether running the same work again may succeed: the database was unavailable, or another transaction got in the way. */
export function isTransientDbError(error: unknown): boolean {
  return [...errorChain(error)].some((node) => unavailableNode(node) || [codeOf(node), kindOf(node)].some((c) => c !== undefined && CONFLICT_CODES.has(c)));
}

function unavailableNode(error: object): boolean {
  const code = codeOf(error);
  const kind = kindOf(error);
  const { message } = error as { message?: unknown };
  if (code !== undefined && (PRISMA_UNAVAILABLE.has(code) || SQLSTATE_UNAVAILABLE.test(code) || SOCKET_CODES.has(code))) return true;
  if (kind !== undefined && ADAPTER_UNAVAILABLE.has(kind)) return true;
  return typeof message === 'string' && PG_MESSAGES.test(message);
}

const codeOf = (error: object): string | undefined => {
  const { code, errorCode, originalCode } = error as { code?: unknown; errorCode?: unknown; originalCode?: unknown };
  const found = [errorCode, code, originalCode].find((c) => typeof c === 'string');
  return found as string | undefined;
};
const kindOf = (error: object): string | undefined => {
  const { kind } = error as { kind?: unknown };
  return typeof kind === 'string' ? kind : undefined;
};

/** The error, then what it wraps: `cause` chains, and the driver error Prisma keeps in `meta`. */
export function* errorChain(error: unknown, depth = 0): Generator<object> {
  if (typeof error !== 'object' || error === null || depth > 5) return;
  yield error;
  const { cause, meta } = error as { cause?: unknown; meta?: { driverAdapterError?: unknown } };
  yield* errorChain(cause, depth + 1);
  yield* errorChain(meta?.driverAdapterError, depth + 1);
}
