import { defaultPayloadConverter, ValueError, type ConverterHint, type Payload, type PayloadConverter, type SerializationContext } from '@temporalio/common';
import { markUnsealed, UNDECODABLE_ENCODING, UNDECODABLE_REASON_METADATA, UNSEALED_METADATA } from './seal';

const decoder = new TextDecoder();

/**
 * The default converter, remembering which values came from a payload the codec let through in clear
 * (./seal). Loaded by path (`payloadConverterPath`) because the workflow sandbox needs its own instance:
 * the bundle is built with it, the worker and every client load it.
 */
class SealAwarePayloadConverter implements PayloadConverter {
  toPayload<T>(value: T, context?: SerializationContext, hint?: ConverterHint<T>): Payload {
    return defaultPayloadConverter.toPayload(value, context, hint);
  }

  fromPayload<T>(payload: Payload, context?: SerializationContext, hint?: ConverterHint<T>): T {
    const undecodable = payload.metadata?.encoding && decoder.decode(payload.metadata.encoding) === UNDECODABLE_ENCODING;
    if (undecodable) throw new ValueError(`undecodable payload: ${decoder.decode(payload.metadata?.[UNDECODABLE_REASON_METADATA])}`);
    const value = defaultPayloadConverter.fromPayload<T>(payload, context, hint);
    if (payload.metadata?.[UNSEALED_METADATA]) markUnsealed(value);
    return value;
  }
}

export const payloadConverter = new SealAwarePayloadConverter();
