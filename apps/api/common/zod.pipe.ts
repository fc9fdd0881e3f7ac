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
      result.error.issues.flatMap((issue) =>
        // One detail per unknown key, so that each names a field the client actually sent.
        issue.code === 'unrecognized_keys'
          ? issue.keys.map((key) => ({ path: [...issue.path, key].join('.'), message: `unknown field ${key}` }))
          : [{ path: issue.path.join('.'), message: issue.message }],
      ),
    );
  }
}
