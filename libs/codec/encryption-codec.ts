import type { Payload, PayloadCodec, SerializationContext } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { PayloadKey } from './payload-keys';
import { UNDECODABLE_ENCODING, UNDECODABLE_REASON_METADATA, UNSEALED_METADATA } from './seal';

export const ENCRYPTED_ENCODING = 'binary/encrypted';
export const KEY_ID_METADATA = 'encryption-key-id';

const IV_BYTES = 12;
const TAG_BYTES = 16;
const ALGORITHM = 'aes-256-gcm';
const encoder = new TextEncoder();
const decoder = new TextDecoder();
const UNSEALED = encoder.encode('true');

export class UnknownPayloadKeyError extends Error {}

/**
 * Encrypts each payload whole (its metadata too, so not even the encoding type is readable) with
 * AES-256-GCM, and names the key in the outer metadata so that keys can rotate. Payloads without the
 * encrypted encoding pass through decode, marked unsealed (./seal): histories written before encryption
 * still replay, and a command sent in clear by someone without the keys is refused by the workflow.
 */
export class EncryptionCodec implements PayloadCodec {
  private readonly byId: Map<string, Buffer>;
  private readonly current: PayloadKey;

  constructor(keys: readonly PayloadKey[]) {
    if (!keys[0]) throw new Error('EncryptionCodec needs at least one key');
    this.current = keys[0];
    this.byId = new Map(keys.map((k) => [k.id, k.key]));
  }

  async encode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((payload) => {
      const plain = temporal.api.common.v1.Payload.encode(payload).finish();
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv(ALGORITHM, this.current.key, iv);
      // The key id is authenticated: a payload relabelled with another key id fails to decrypt.
      cipher.setAAD(Buffer.from(this.current.id));
      const data = Buffer.concat([iv, cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
      return {
        metadata: { encoding: encoder.encode(ENCRYPTED_ENCODING), [KEY_ID_METADATA]: encoder.encode(this.current.id) },
        data,
      };
    });
  }

  async decode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((payload) => this.decodeOne(payload));
  }

  /** Throws for a payload of a key not listed (UnknownPayloadKeyError) and for one that fails authentication. */
  decodeOne(payload: Payload): Payload {
    if (!isEncrypted(payload)) return { ...payload, metadata: { ...payload.metadata, [UNSEALED_METADATA]: UNSEALED } };
    const keyIdBytes = payload.metadata?.[KEY_ID_METADATA];
    const keyId = keyIdBytes ? decoder.decode(keyIdBytes) : '';
    const key = this.byId.get(keyId);
    if (!key) throw new UnknownPayloadKeyError(`payload encrypted with key "${keyId}", which is not in PAYLOAD_KEYS`);
    const data = Buffer.from(payload.data ?? new Uint8Array());
    const decipher = createDecipheriv(ALGORITHM, key, data.subarray(0, IV_BYTES));
    decipher.setAAD(Buffer.from(keyId));
    decipher.setAuthTag(data.subarray(data.length - TAG_BYTES));
    const plain = Buffer.concat([decipher.update(data.subarray(IV_BYTES, data.length - TAG_BYTES)), decipher.final()]);
    return temporal.api.common.v1.Payload.decode(plain);
  }
}

/** Told of each payload the worker's codec could not decrypt, with the workflow it was for when known. */
export type UndecodableListener = (reason: string, workflowId: string | undefined) => void;

/**
 * The worker's codec: a payload that does not decrypt becomes one that the payload converter refuses
 * (./seal), so the failure surfaces where the payload is used. An update forged with junk "encrypted"
 * bytes is then refused like any argument that fails to convert, instead of failing every task of its
 * workflow; a payload of history whose key is missing still fails the task, which retries until the
 * key is back.
 */
export class WorkerEncryptionCodec implements PayloadCodec {
  constructor(
    private readonly codec: EncryptionCodec,
    private readonly onUndecodable: UndecodableListener,
  ) {}

  async encode(payloads: Payload[]): Promise<Payload[]> {
    return this.codec.encode(payloads);
  }

  async decode(payloads: Payload[], context?: SerializationContext): Promise<Payload[]> {
    return payloads.map((payload) => {
      try {
        return this.codec.decodeOne(payload);
      } catch (error) {
        const reason = error instanceof UnknownPayloadKeyError ? error.message : 'payload fails authentication with its key';
        this.onUndecodable(reason, context?.workflowId);
        return {
          metadata: { encoding: encoder.encode(UNDECODABLE_ENCODING), [UNSEALED_METADATA]: UNSEALED, [UNDECODABLE_REASON_METADATA]: encoder.encode(reason) },
        };
      }
    });
  }
}

export function isEncrypted(payload: Payload): boolean {
  const encoding = payload.metadata?.encoding;
  return encoding !== undefined && decoder.decode(encoding) === ENCRYPTED_ENCODING;
}
