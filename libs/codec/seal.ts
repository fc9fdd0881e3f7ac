/**
 * Sealed commands: only a holder of the deployment's payload keys (the API, the worker) can command a
 * workflow. The codec marks every payload it lets through unencrypted with `UNSEALED_METADATA`; the
 * payload converter, which runs inside the workflow sandbox, remembers the values it decodes from such
 * a payload; the workflow interceptors refuse a start, update or signal made of them. AES-GCM is
 * authenticated, so a payload that decrypts was written with a listed key.
 *
 * Import-free: it runs in the workflow sandbox.
 */
export const UNSEALED_METADATA = 'tdkt-unsealed';

/** What the worker's codec puts in place of a payload that does not decrypt, with why; the converter refuses it. */
export const UNDECODABLE_ENCODING = 'binary/undecodable';
export const UNDECODABLE_REASON_METADATA = 'tdkt-undecodable-reason';

/** Weak: a value is forgotten with the workflow run that decoded it. */
const unsealed = new WeakSet<object>();

const isObject = (value: unknown): value is object => typeof value === 'object' && value !== null;

export function markUnsealed(value: unknown): void {
  if (isObject(value)) unsealed.add(value);
}

/** Whether the value was decoded from a payload that came in clear. A primitive cannot tell: commands are objects. */
export function isUnsealed(value: unknown): boolean {
  return isObject(value) && unsealed.has(value);
}
