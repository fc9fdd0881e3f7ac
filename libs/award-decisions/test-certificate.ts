import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import forge from 'node-forge';

/**
 * A self-signed certificate with its key as PKCS#12, for a machine with no authority's key: the
 * signatures it makes are valid in form and name no real signer. The key pair comes from Node's own
 * crypto; node-forge's pure-JavaScript generation takes seconds.
 */
export function makeTestP12(file: string, password: string): void {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const key = forge.pki.privateKeyFromPem(privateKey.export({ type: 'pkcs1', format: 'pem' }).toString());
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(publicKey.export({ type: 'spki', format: 'pem' }).toString());
  cert.serialNumber = `01${randomBytes(8).toString('hex')}`;
  cert.validity.notBefore = new Date(Date.now() - 86_400_000);
  cert.validity.notAfter = new Date(Date.now() + 10 * 365 * 86_400_000);
  // ASCII: forge writes these as PrintableString.
  const subject = [
    { name: 'commonName', value: 'So Cong Thuong Ha Noi (test certificate)' },
    { name: 'organizationName', value: 'So Cong Thuong Ha Noi' },
    { name: 'countryName', value: 'VN' },
  ];
  cert.setSubject(subject);
  cert.setIssuer(subject);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, nonRepudiation: true },
  ]);
  cert.sign(key, forge.md.sha256.create());
  const p12 = forge.pkcs12.toPkcs12Asn1(key, [cert], password, { algorithm: '3des' });
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, Buffer.from(forge.asn1.toDer(p12).getBytes(), 'binary'), { mode: 0o600 });
}
