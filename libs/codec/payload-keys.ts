import { z } from 'zod';

export interface PayloadKey {
  id: string;
  key: Buffer;
}

/** AES-256 wants exactly 32 bytes of key. */
const KEY_BYTES = 32;

/**
 * `PAYLOAD_KEYS=id1:base64key,id2:base64key`: the first key encrypts, every listed key decrypts, so a
 * new key goes first and the old one stays listed until no open workflow's history needs it.
 */
export const payloadKeysSchema = z.string().transform((value, ctx): PayloadKey[] => {
  const keys: PayloadKey[] = [];
  for (const [index, entry] of value
    .split(',')
    .map((part) => part.trim())
    .entries()) {
    const match = /^([A-Za-z0-9._-]{1,64}):([A-Za-z0-9+/=_-]+)$/.exec(entry);
    const key = match ? Buffer.from(match[2]!, 'base64') : null;
    if (!match || !key || key.length !== KEY_BYTES) {
      ctx.addIssue({ code: 'custom', message: `entry ${index + 1} is not id:base64 of a ${KEY_BYTES}-byte key` });
      return z.NEVER;
    }
    if (keys.some((k) => k.id === match[1])) {
      ctx.addIssue({ code: 'custom', message: `key id ${match[1]} is listed twice` });
      return z.NEVER;
    }
    keys.push({ id: match[1]!, key });
  }
  return keys;
});

/** A fresh `id:base64key` entry, for a generated development key or an operator rotating keys. */
export function newPayloadKeyEntry(id: string, randomBytes: (size: number) => Buffer): string {
  return `${id}:${randomBytes(KEY_BYTES).toString('base64')}`;
}
