import { ApplicationFailure } from '@temporalio/workflow';
import type { z } from 'zod';
import type { DomainError } from '../libs/domain/errors';

/** Refuses an update: a non-retryable failure whose type is the API's error code. */
export function reject(error: DomainError | null): void {
  if (error) {
    throw ApplicationFailure.create({ type: error.code, message: error.message, details: [error.details ?? []], nonRetryable: true });
  }
}

/** Checks an update's input against its schema, refusing it with every issue and its path. */
export function parse<T>(schema: z.ZodType<T>, input: unknown): T {
  const result = schema.safeParse(input);
  if (!result.success) {
    const details = result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    reject({ code: 'VALIDATION_FAILED', message: 'Malformed command', details });
  }
  return result.data as T;
}

export const untilMs = (iso: string) => Math.max(1, Date.parse(iso) - Date.now());
