import { defaultPayloadConverter, type ConverterHint, type Payload, type PayloadConverter, type SerializationContext } from '@temporalio/common';
import { markUnsealed, UNSEALED_METADATA } from './seal';

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
    const value = defaultPayloadConverter.fromPayload<T>(payload, context, hint);
    if (payload.metadata?.[UNSEALED_METADATA]) markUnsealed(value);
    return value;
  }
}

export const payloadConverter = new SealAwarePayloadConverter();
