import { auditEventHash, ChainWalk, GENESIS_HASH, type StoredAuditEvent } from './audit-chain';

// Hashes PostgreSQL's audit_event_hash gave for these rows (PostgreSQL 15, migration 20261230100000).
const SUBJECT = 'nomination:00000000-0000-0000-0000-000000000001';
const first = { seq: 1, at: new Date('2026-01-01T00:00:00Z'), actor: 'u1.clerk', action: 'SUBMITTED', subject: SUBJECT, details: '{}' };
const second = { seq: 2, at: new Date('2026-01-02T00:00:00.123Z'), actor: 'u1.head', action: 'DECIDED', subject: SUBJECT, details: '{"a": [1.0], "b": 1}' };
const third = { seq: 3, at: new Date('2026-12-08T00:08:13.254Z'), actor: 'admin', action: 'HOLD_PLACED', subject: 'hold:1', details: '{"x": "Nguyễn"}' };
const FIRST_HASH = 'f50356393b4f76b3ac21ec465872c67915ac025a8e3cafc999d0f36f971da674';
const SECOND_HASH = 'fcb5be92f7fe3297cfe73f453d292e2ddb86e9da658994d26e8f3df32146f824';
const THIRD_HASH = '681decf9b87d700f0e9b27b38bed741c95bd18c46b09f99a46adaecacfb5fb5a';

const chain: StoredAuditEvent[] = [
  { ...first, hash: FIRST_HASH },
  { ...second, hash: SECOND_HASH },
  { ...third, hash: THIRD_HASH },
];
const head = { seq: 3, hash: THIRD_HASH };

const walk = (events: StoredAuditEvent[], over = head) => {
  const sut = new ChainWalk(over);
  events.forEach((e) => sut.add(e));
  return sut.result();
};

describe('auditEventHash', () => {
  it('computes what the database computes, byte for byte', () => {
    expect(auditEventHash(GENESIS_HASH, first)).toBe(FIRST_HASH);
    expect(auditEventHash(FIRST_HASH, second)).toBe(SECOND_HASH);
    expect(auditEventHash(SECOND_HASH, third)).toBe(THIRD_HASH);
  });

  it('tells a missing actor from an empty one', () => {
    expect(auditEventHash(GENESIS_HASH, { ...first, actor: null })).not.toBe(auditEventHash(GENESIS_HASH, { ...first, actor: '' }));
  });
});

describe('ChainWalk', () => {
  it('accepts the chain as stored', () => {
    expect(walk(chain)).toEqual({ ok: true, events: 3 });
    expect(walk([], { seq: 0, hash: GENESIS_HASH })).toEqual({ ok: true, events: 0 });
  });

  it('names the edited event', () => {
    const edited = chain.map((e) => (e.seq === 2 ? { ...e, details: '{"a": [2.0], "b": 1}' } : e));
    expect(walk(edited)).toEqual({ ok: false, events: 3, firstBroken: { seq: 2, at: '2026-01-02T00:00:00.123Z' } });
  });

  it('names the event after a deleted one', () => {
    expect(walk([chain[0]!, chain[2]!])).toEqual({ ok: false, events: 2, firstBroken: { seq: 3, at: third.at.toISOString() } });
  });

  it('names an inserted event, or the one after it when the forger knew how to hash', () => {
    const forged = { seq: 2, at: new Date('2026-01-01T12:00:00Z'), actor: 'admin', action: 'HOLD_LIFTED', subject: 'hold:9', details: '{}' };
    const renumbered = (hash: string) => [chain[0]!, { ...forged, hash }, { ...chain[1]!, seq: 3 }, { ...chain[2]!, seq: 4 }];
    expect(walk(renumbered('f'.repeat(64)), { seq: 4, hash: THIRD_HASH })).toMatchObject({ ok: false, firstBroken: { seq: 2 } });
    expect(walk(renumbered(auditEventHash(FIRST_HASH, forged)), { seq: 4, hash: THIRD_HASH })).toMatchObject({ ok: false, firstBroken: { seq: 3 } });
    const appended = { ...forged, seq: 4 };
    expect(walk([...chain, { ...appended, hash: auditEventHash(THIRD_HASH, appended) }])).toMatchObject({ ok: false, firstBroken: { seq: 4 } });
  });

  it('notices events deleted from the end through the head', () => {
    expect(walk(chain.slice(0, 2))).toEqual({ ok: false, events: 2, firstBroken: { seq: 3, at: null } });
  });
});
