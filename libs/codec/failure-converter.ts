import { DefaultFailureConverter } from '@temporalio/common';

/**
 * Failures with their message and stack trace moved into a payload, which the payload codec then
 * encrypts: a failure's message can quote the nominee, a comment or a database row, and Temporal
 * would otherwise keep it in clear in history. Loaded by path (`failureConverterPath`) because the
 * workflow sandbox needs its own instance: the bundle is built with it, the worker's activities and
 * every client load it. Decoding needs no option: any failure converter reads encoded attributes.
 */
export const failureConverter = new DefaultFailureConverter({ encodeCommonAttributes: true });
