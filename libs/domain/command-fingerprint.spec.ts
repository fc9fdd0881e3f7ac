import { callersRequestId, commandFingerprint, scopedRequestId } from './command-fingerprint';

describe('commandFingerprint', () => {
  it('ignores the request id and the order of keys', () => {
    const a = commandFingerprint('decide', { requestId: 'r1', level: 'UNIT', decision: 'APPROVE', reviewer: 'u1.head' });
    const b = commandFingerprint('decide', { reviewer: 'u1.head', decision: 'APPROVE', level: 'UNIT', requestId: 'r2' });
    expect(a).toBe(b);
  });

  it('treats an absent and an undefined or null field alike', () => {
    expect(commandFingerprint('decide', { level: 'UNIT', comment: undefined, onBehalfOf: null })).toBe(commandFingerprint('decide', { level: 'UNIT' }));
  });

  it('tells apart another level, another decision and another operation', () => {
    const base = { level: 'UNIT', decision: 'APPROVE' };
    const prints = new Set([
      commandFingerprint('decide', base),
      commandFingerprint('decide', { ...base, level: 'DEPARTMENT' }),
      commandFingerprint('decide', { ...base, decision: 'REJECT' }),
      commandFingerprint('withdraw', base),
      commandFingerprint('decide', { ...base, comment: 'Đồng ý' }),
    ]);
    expect(prints.size).toBe(5);
  });

  it('leaves out the documents the API adds to a decision, but not the documents a caller submits', () => {
    const decision = { level: 'UNIT', decision: 'APPROVE', reviewer: 'u1.head' };
    const before = [{ id: 'd1', sha256: 'a'.repeat(64) }];
    const after = [...before, { id: 'd2', sha256: 'b'.repeat(64) }];
    expect(commandFingerprint('decide', { ...decision, documents: after })).toBe(commandFingerprint('decide', { ...decision, documents: before }));
    expect(commandFingerprint('closeVote', { level: 'SO', actor: 'so.council', documents: after })).toBe(
      commandFingerprint('closeVote', { level: 'SO', actor: 'so.council' }),
    );
    expect(commandFingerprint('submit', { awardCode: 'X', documents: ['d1', 'd2'] })).not.toBe(
      commandFingerprint('submit', { awardCode: 'X', documents: ['d1'] }),
    );
  });
});

describe('request ids scoped by their caller', () => {
  it('gives two callers’ same id two ids in the workflow', () => {
    expect(scopedRequestId('u1.head', 'r1')).not.toBe(scopedRequestId('dept-a.reviewer', 'r1'));
  });

  it('gives the request log back the caller’s own id, whatever it holds', () => {
    for (const [actor, requestId] of [
      ['u1.head', 'r1'],
      ['u1.head', 'u1.head:r1'],
      ['lan@so.hanoi.gov.vn', 'a:b:c'],
    ] as const) {
      expect(callersRequestId({ actor, requestId: scopedRequestId(actor, requestId) })).toBe(requestId);
    }
  });

  it('leaves an id the API made, or one sent before scoping, as it is', () => {
    expect(callersRequestId({ actor: 'admin', requestId: 'external-decision:123' })).toBe('external-decision:123');
    expect(callersRequestId({ actor: 'u1.head', requestId: 'click-1' })).toBe('click-1');
  });
});
