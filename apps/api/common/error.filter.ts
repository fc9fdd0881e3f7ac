import { ArgumentsHost, Catch, HttpException, Logger, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { randomUUID } from 'node:crypto';
import { ERROR_STATUS, type ErrorCode } from '../../../libs/domain/errors';
import { ApiError } from './api-error';

const BY_STATUS: Record<number, ErrorCode> = {
  400: 'VALIDATION_FAILED',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'INVALID_STATE',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
};

/** Renders every error in the one shape clients rely on; unknown errors become a 500 with a correlation id. */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger(ErrorFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const error = this.toApiError(exception);
    response.status(error.status).json({ error: { code: error.code, message: error.message, details: error.details } });
  }

  private toApiError(exception: unknown): ApiError {
    if (exception instanceof ApiError) return exception;
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const code = BY_STATUS[status];
      // Body-parser failures (malformed JSON, a body too large, an unknown charset) and unknown routes
      // arrive here as Nest's own exceptions; any other client error is still the client's, never a 500.
      if (code && ERROR_STATUS[code] === status) return new ApiError(code, exception.message);
      if (status >= 400 && status < 500) return new ApiError('VALIDATION_FAILED', exception.message);
    }
    const correlationId = randomUUID();
    this.logger.error(`unhandled error ${correlationId}: ${exception instanceof Error ? exception.stack : String(exception)}`);
    return new ApiError('INTERNAL', `Internal error (correlation id ${correlationId})`);
  }
}
