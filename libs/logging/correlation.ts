import { AsyncLocalStorage } from 'node:async_hooks';

const storage = new AsyncLocalStorage<string>();

/** The correlation id of the API call or activity the caller runs for, if any. */
export function currentCorrelationId(): string | undefined {
  return storage.getStore();
}

export function runWithCorrelationId<T>(id: string, fn: () => T): T {
  return storage.run(id, fn);
}

// It comes from outside (a header, an activity argument) and ends up in every log line.
const SANE = /^[\w.:-]{1,128}$/;

/** The value as a correlation id if it is one we can safely log and pass on, else undefined. */
export function saneCorrelationId(value: unknown): string | undefined {
  return typeof value === 'string' && SANE.test(value) ? value : undefined;
}
