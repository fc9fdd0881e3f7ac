import type { DataConverter } from '@temporalio/common';
import { EncryptionCodec } from './encryption-codec';
import { payloadKeysSchema, type PayloadKey } from './payload-keys';

/**
 * The data converter every Temporal client and worker of ours uses. The worker applies the codecs
 * outside the workflow sandbox, so node:crypto is fine here. Without keys nothing is encrypted
 * (configuration refuses that in production).
 */
export function payloadDataConverter(keys: readonly PayloadKey[] | undefined): DataConverter {
  return keys?.length ? { payloadCodecs: [new EncryptionCodec(keys)] } : {};
}

/** The same, from a raw `PAYLOAD_KEYS` value, for scripts that pass keys to the processes they start. */
export function payloadDataConverterFrom(payloadKeys: string | undefined): DataConverter {
  return payloadDataConverter(payloadKeys ? payloadKeysSchema.parse(payloadKeys) : undefined);
}
