import type { PipeTransform } from '@nestjs/common';
import type { z } from 'zod';
import { ApiError } from './api-error';

/** Validates a body or query with a zod schema from libs/, failing with every issue and its path. */
export class ZodPipe<T extends z.ZodType> implements PipeTransform<unknown, z.output<T>> {
  constructor(private readonly schema: T) {}

  transform(value: unknown): z.output<T> {
    const result = this.schema.safeParse(value ?? {});
    if (result.success) return result.data;
    throw new ApiError(
      'VALIDATION_FAILED',
      'The request is not valid',
      result.error.issues.map((issue) => ({
        path: issue.code === 'unrecognized_keys' ? [...issue.path, ...issue.keys].join('.') : issue.path.join('.'),
        message: issue.message,
      })),
    );
  }
}
