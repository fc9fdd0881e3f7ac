/**
 * The Temporal header that carries the correlation id from the API's client calls through the
 * workflow to its activities. Imports nothing, so that the workflow bundle may include it.
 */
export const CORRELATION_HEADER = 'correlation-id';
