import type { PipeTransform } from '@nestjs/common';
import type { z } from 'zod';
import { unknownFieldMessage, VALIDATION_FAILED_MESSAGE, vietnameseIssues } from '../../../libs/domain/validation-messages';
import { ApiError } from './api-error';

/** Validates a body or query with a zod schema from libs/, failing with every issue and its path. */
export class ZodPipe<T extends z.ZodType> implements PipeTransform<unknown, z.output<T>> {
  constructor(private readonly schema: T) {}

  transform(value: unknown): z.output<T> {
    const result = this.schema.safeParse(value ?? {}, { error: vietnameseIssues });
    if (result.success) return result.data;
    throw new ApiError(
      'VALIDATION_FAILED',
      VALIDATION_FAILED_MESSAGE,
      result.error.issues.flatMap((issue) =>
        // One detail per unknown key, so that each names a field the client actually sent.
        issue.code === 'unrecognized_keys'
          ? issue.keys.map((key) => ({ path: [...issue.path, key].join('.'), message: unknownFieldMessage(key) }))
          : [{ path: issue.path.join('.'), message: issue.message }],
      ),
    );
  }
}
