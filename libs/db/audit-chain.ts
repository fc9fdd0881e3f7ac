import { createHash } from 'node:crypto';

/** The hash before the first event. */
export const GENESIS_HASH = '0'.repeat(64);

/** An event as stored, `details` in jsonb's own text form (the bytes that were hashed). */
export interface StoredAuditEvent {
  seq: number;
  at: Date;
  actor: string | null;
  action: string;
  subject: string;
  details: string;
  hash: string;
}

export type ChainCheck = { ok: true; events: number } | { ok: false; events: number; firstBroken: { seq: number; at: string | null } };

const END = Buffer.from([0x00]);
// No UTF-8 text holds the byte 0xFF, so a missing actor cannot be mistaken for any actor's name.
const MISSING = Buffer.from([0xff]);

/**
 * SHA-256 over the previous hash and the event's canonical content, exactly as the database's
 * `audit_event_hash` computes it (migration 20261230100000_audit_chain): each field's UTF-8 bytes
 * ended by a zero byte, `at` in UTC with milliseconds, `details` last.
 */
export function auditEventHash(prev: string, e: Omit<StoredAuditEvent, 'hash'>): string {
  const hash = createHash('sha256');
  for (const field of [prev, String(e.seq), e.at.toISOString(), e.actor, e.action, e.subject]) {
    hash.update(field === null ? MISSING : Buffer.from(field, 'utf8'));
    hash.update(END);
  }
  return hash.update(Buffer.from(e.details, 'utf8')).digest('hex');
}

/**
 * Walks the stored events in seq order against the chain's head (the last link the database kept):
 * the first event that does not follow from the one before it is where the chain was altered. An
 * edited event fails its own hash, a deleted one the hash of the event after it, an inserted one its
 * own; events deleted from the end leave the head pointing past the last event.
 */
export class ChainWalk {
  private prev = { seq: 0, hash: GENESIS_HASH };
  private events = 0;
  private broken: { seq: number; at: string | null } | null = null;

  constructor(private readonly head: { seq: number; hash: string }) {}

  add(event: StoredAuditEvent): void {
    this.events += 1;
    if (this.broken) return;
    const follows = event.seq === this.prev.seq + 1 && event.seq <= this.head.seq && event.hash === auditEventHash(this.prev.hash, event);
    if (!follows) this.broken = { seq: event.seq, at: event.at.toISOString() };
    this.prev = { seq: event.seq, hash: event.hash };
  }

  result(): ChainCheck {
    const truncated = !this.broken && (this.prev.seq !== this.head.seq || this.prev.hash !== this.head.hash);
    const broken = this.broken ?? (truncated ? { seq: this.prev.seq + 1, at: null } : null);
    return broken ? { ok: false, events: this.events, firstBroken: broken } : { ok: true, events: this.events };
  }
}
