import { API_MESSAGES } from './api-messages';
import type { DomainError } from './errors';

/** A caller's command as the request log keeps it: who, under which request id, what (hashed). */
export interface CommandRef {
  actor: string;
  requestId: string;
  fingerprint: string;
  operation: string;
}

/**
 * The request id a command carries into its workflow: the caller's own, prefixed by the caller. A
 * workflow remembers request ids (its state's `requestIds`, its decisions) without their caller, so an
 * id as the caller sent it could stand there for another caller's command. A username holds no ':',
 * so the first ':' ends the prefix.
 */
export function scopedRequestId(actor: string, requestId: string): string {
  return `${actor}:${requestId}`;
}

/** The caller's own request id of a command, as the request log keeps it beside the caller; ids sent unscoped stay as they are. */
export function callersRequestId(request: Pick<CommandRef, 'actor' | 'requestId'>): string {
  const prefix = `${request.actor}:`;
  return request.requestId.startsWith(prefix) ? request.requestId.slice(prefix.length) : request.requestId;
}

/** The refusal of a request id already used by the same caller for another command. */
export function requestIdReused(earlierOperation?: string): DomainError {
  return {
    code: 'IDEMPOTENCY_KEY_REUSED',
    message: API_MESSAGES.request.idReused,
    details: [{ path: 'requestId', message: earlierOperation ? API_MESSAGES.request.idUsedFor(earlierOperation) : API_MESSAGES.request.idUsedForAnother }],
  };
}

/**
 * What the API adds to a command from its own records, not from the caller: the document versions in
 * front of the reviewer. A retry may find them changed (a paper added since) and is the same request.
 */
const SERVER_DERIVED: Readonly<Record<string, readonly string[]>> = { decide: ['documents'], closeVote: ['documents'] };

/**
 * What a command was, as a short hash of its operation and of the arguments the caller sent (the
 * request id and what the API derived left out), so that the same request id sent again can be told
 * apart from a request id reused for another command. Pure and dependency-free: the API and the
 * workflow sandbox compute it alike.
 */
export function commandFingerprint(operation: string, command: object): string {
  const { requestId: _ignored, ...rest } = command as Record<string, unknown>;
  for (const field of SERVER_DERIVED[operation] ?? []) delete rest[field];
  return `${operation}:${hash(canonical(rest))}`;
}

function canonical(value: unknown): string {
  if (value === undefined) return 'null';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined && v !== null)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
}

/** Two 32-bit FNV-1a passes with different offsets: 64 bits, plenty to tell one caller's commands apart. */
function hash(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193) ^ (b >>> 15);
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}
