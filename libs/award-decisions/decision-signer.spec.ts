import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from '../config/config';
import { loadDecisionSigner, TEST_P12_PASSWORD } from './decision-signer';

describe('loadDecisionSigner', () => {
  const dir = mkdtempSync(join(tmpdir(), 'decision-signer-'));
  const testFile = join(dir, 'signing', 'test-signer.p12');

  it('makes the self-signed test certificate once, then reuses it', () => {
    const signer = loadDecisionSigner({}, testFile);
    expect(signer.name).toBe('So Cong Thuong Ha Noi (test certificate)');
    const made = statSync(testFile).mtimeMs;
    loadDecisionSigner({}, testFile);
    expect(statSync(testFile).mtimeMs).toBe(made);
  });

  it('opens SIGNING_P12 with SIGNING_P12_PASSWORD', () => {
    expect(loadDecisionSigner({ SIGNING_P12: testFile, SIGNING_P12_PASSWORD: TEST_P12_PASSWORD }, join(dir, 'unused.p12')).name).toContain('test certificate');
  });

  it('refuses to start naming the variable when the key cannot be read or opened', () => {
    const unreadable = () => loadDecisionSigner({ SIGNING_P12: join(dir, 'missing.p12') }, testFile);
    expect(unreadable).toThrow(ConfigError);
    expect(unreadable).toThrow(/SIGNING_P12: cannot read/);
    expect(() => loadDecisionSigner({ SIGNING_P12: testFile, SIGNING_P12_PASSWORD: 'wrong' }, testFile)).toThrow(/SIGNING_P12_PASSWORD: cannot open/);
    const garbage = join(dir, 'garbage.p12');
    writeFileSync(garbage, 'not a PKCS#12 file');
    expect(() => loadDecisionSigner({ SIGNING_P12: garbage }, testFile)).toThrow(/SIGNING_P12: .* is not a PKCS#12 file/);
  });
});
