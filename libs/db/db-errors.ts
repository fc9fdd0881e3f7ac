/**
 * What a database error means for whoever retries: a transient one (the server unreachable, a
 * timeout, a serialisation conflict) may succeed next time; any other (bad data, a broken
 * constraint) fails the same way however often it is retried.
 */
const TRANSIENT_PRISMA_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024', 'P2028', 'P2034']);
/** SQLSTATE classes: 08 connection, 40 rollback (serialisation, deadlock), 53 resources, 57 operator intervention (timeouts, shutdown), 58 system. */
const TRANSIENT_SQLSTATE = /^(08|40|53|57|58)/;
/** Five characters, but not one of Prisma's own codes (P1000–P6999); PL/pgSQL's P0001 is a SQLSTATE. */
const SQLSTATE = /^(?!P[1-9]\d{3}$)[0-9A-Z]{5}$/;
const TRANSIENT_NODE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
const TRANSIENT_MESSAGE = /timeout|timed out|terminat|connection|ECONNREFUSED|ECONNRESET|Transaction already closed|Unable to start a transaction/i;

export function isTransientDbError(error: unknown): boolean {
  for (const node of chain(error)) {
    const code = typeof node.code === 'string' ? node.code : undefined;
    if (code && (TRANSIENT_PRISMA_CODES.has(code) || TRANSIENT_NODE_CODES.has(code))) return true;
    if (code && SQLSTATE.test(code)) return TRANSIENT_SQLSTATE.test(code);
    const original = node.originalCode;
    if (typeof original === 'string' && SQLSTATE.test(original)) return TRANSIENT_SQLSTATE.test(original);
  }
  return chain(error).some((node) => typeof node.message === 'string' && TRANSIENT_MESSAGE.test(node.message));
}

/** The error, its causes and Prisma's meta, outermost first. */
function chain(error: unknown): Record<string, unknown>[] {
  const nodes: Record<string, unknown>[] = [];
  const queue: unknown[] = [error];
  while (queue.length && nodes.length < 10) {
    const node = queue.shift();
    if (!node || typeof node !== 'object') continue;
    const record = node as Record<string, unknown>;
    nodes.push(record);
    queue.push(record.cause, record.meta, (record.meta as Record<string, unknown> | undefined)?.driverAdapterError);
  }
  return nodes;
}
