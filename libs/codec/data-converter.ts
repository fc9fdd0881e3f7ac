import type { DataConverter, PayloadCodec } from '@temporalio/common';
import { EncryptionCodec, WorkerEncryptionCodec, type UndecodableListener } from './encryption-codec';
import { payloadKeysSchema, type PayloadKey } from './payload-keys';

/**
 * The modules of our failure and payload converters, for data converters and for every workflow bundle
 * (`bundleWorkflowCode`): a bundle built without the payload converter could not tell sealed commands.
 */
export const CONVERTER_PATHS = {
  failureConverterPath: require.resolve('./failure-converter'),
  payloadConverterPath: require.resolve('./payload-converter'),
};

/**
 * The data converter every Temporal client and worker of ours uses. The worker applies the codecs
 * outside the workflow sandbox, so node:crypto is fine here. Without keys nothing is encrypted
 * (configuration refuses that in production); failure messages are moved into payloads either way,
 * so that a bundle built once behaves alike with and without keys.
 */
export function payloadDataConverter(keys: readonly PayloadKey[] | undefined): DataConverter {
  return dataConverterWith(keys?.length ? new EncryptionCodec(keys) : null);
}

/** The worker's: a payload that does not decrypt is refused where it is used rather than by the codec (WorkerEncryptionCodec). */
export function workerDataConverter(keys: readonly PayloadKey[] | undefined, onUndecodable: UndecodableListener): DataConverter {
  return dataConverterWith(keys?.length ? new WorkerEncryptionCodec(new EncryptionCodec(keys), onUndecodable) : null);
}

/** The same around a codec already built (the API shares its own with the codec server). */
export function dataConverterWith(codec: PayloadCodec | null): DataConverter {
  return { ...CONVERTER_PATHS, ...(codec && { payloadCodecs: [codec] }) };
}

/** The same, from a raw `PAYLOAD_KEYS` value, for scripts that pass keys to the processes they start. */
export function payloadDataConverterFrom(payloadKeys: string | undefined): DataConverter {
  return payloadDataConverter(payloadKeys ? payloadKeysSchema.parse(payloadKeys) : undefined);
}
