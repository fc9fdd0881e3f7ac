import { P12Signer } from '@signpdf/signer-p12';
import type { Signer } from '@signpdf/signpdf';
import { existsSync, readFileSync } from 'node:fs';
import forge from 'node-forge';
import { ConfigError } from '../config/config';
import { makeTestP12 } from './test-certificate';

/**
 * The seam between the decisions and whoever holds the authority's key: `signer` makes the detached
 * CMS signature over the bytes the PDF's ByteRange covers (@signpdf's `Signer`). Here a PKCS#12 file
 * the server reads; a CA's remote signing service (which signs a hash it is sent) is another
 * `Signer` subclass behind the same interface.
 */
export interface DecisionSigner {
  /** One per document: @signpdf's P12Signer reads its key buffer up as it signs, so it signs once. */
  signer(): Signer;
  /** The certificate holder's name, written into the signature dictionary. */
  name: string;
}

export const TEST_P12_PASSWORD = 'test-signing-only';

/**
 * The signer `SIGNING_P12` and `SIGNING_P12_PASSWORD` name, read and opened now so that a key that
 * cannot be used stops the start naming the variable; without them, a self-signed test certificate,
 * made once in `testFile` and kept.
 */
export function loadDecisionSigner(config: { SIGNING_P12?: string; SIGNING_P12_PASSWORD?: string }, testFile: string): DecisionSigner {
  if (!config.SIGNING_P12 && !existsSync(testFile)) makeTestP12(testFile, TEST_P12_PASSWORD);
  const file = config.SIGNING_P12 ?? testFile;
  const password = config.SIGNING_P12 ? (config.SIGNING_P12_PASSWORD ?? '') : TEST_P12_PASSWORD;
  let p12: Buffer;
  try {
    p12 = readFileSync(file);
  } catch (error) {
    throw new ConfigError(`Invalid configuration:\n  SIGNING_P12: cannot read ${file} (${(error as Error).message})`);
  }
  let asn1: forge.asn1.Asn1;
  try {
    asn1 = forge.asn1.fromDer(p12.toString('binary'));
  } catch (error) {
    throw new ConfigError(`Invalid configuration:\n  SIGNING_P12: ${file} is not a PKCS#12 file (${(error as Error).message})`);
  }
  let name: string;
  try {
    name = holderName(asn1, password);
  } catch (error) {
    throw new ConfigError(`Invalid configuration:\n  SIGNING_P12_PASSWORD: cannot open ${file} with it (${(error as Error).message})`);
  }
  return { signer: () => new P12Signer(p12, { passphrase: password }), name };
}

function holderName(asn1: forge.asn1.Asn1, password: string): string {
  const parsed = forge.pkcs12.pkcs12FromAsn1(asn1, password);
  const certBag = forge.pki.oids.certBag!;
  const keyBag = forge.pki.oids.pkcs8ShroudedKeyBag!;
  const bags = parsed.getBags({ bagType: certBag })[certBag] ?? [];
  const keys = parsed.getBags({ bagType: keyBag })[keyBag] ?? [];
  const cert = bags[0]?.cert;
  if (!cert || keys.length === 0) throw new Error('the file holds no certificate with its private key');
  return String(cert.subject.getField('CN')?.value ?? 'Không rõ');
}
