import { commandFingerprint } from './command-fingerprint';

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
});
