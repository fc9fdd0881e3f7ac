import { ArgumentsHost, Catch, HttpException, Logger, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { randomUUID } from 'node:crypto';
import { API_MESSAGES } from '../../../libs/domain/api-messages';
import { ERROR_STATUS } from '../../../libs/domain/errors';
import { ApiError } from './api-error';
import { errorChain } from '../../../libs/db/db-errors';
import { unavailablePart } from './unavailable';

const BY_STATUS: Record<number, keyof typeof API_MESSAGES.common.byCode> = {
  400: 'VALIDATION_FAILED',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'INVALID_STATE',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
};

/** Long enough for a restarting worker or a failover, short enough that a waiting clerk is not left idle. */
export const RETRY_AFTER_SECONDS = 5;

/**
 * An error as the API answers it: a part that is down or too slow (Temporal, the worker, the database)
 * becomes 503 UNAVAILABLE; unknown errors a 500 with a correlation id, logged. The filter renders it;
 * a batch answers each of its items with it.
 */
export function apiErrorOf(exception: unknown, logger: Logger): ApiError {
  if (exception instanceof ApiError) return exception;
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const code = BY_STATUS[status];
    // Body-parser failures (malformed JSON, a body too large, an unknown charset) and unknown routes
    // arrive here as Nest's own exceptions, worded in English for developers: the user reads ours.
    // Any other client error is still the client's, never a 500.
    if (exception.cause instanceof SyntaxError) return new ApiError('VALIDATION_FAILED', API_MESSAGES.common.malformedJson);
    if (code && ERROR_STATUS[code] === status) return new ApiError(code, API_MESSAGES.common.byCode[code]);
    if (status >= 400 && status < 500) return new ApiError('VALIDATION_FAILED', API_MESSAGES.common.byCode.VALIDATION_FAILED);
  }
  const part = unavailablePart(exception);
  if (part) {
    logger.warn(`${part} unavailable: ${exception instanceof Error ? exception.message : String(exception)}`);
    return new ApiError('UNAVAILABLE', part === 'temporal' ? API_MESSAGES.common.temporalUnavailable : API_MESSAGES.common.databaseUnavailable);
  }
  const correlationId = randomUUID();
  // The causes too: a Temporal client error says what went wrong only in its cause's gRPC status.
  const causes = [...errorChain(exception)]
    .slice(1)
    .map((e) => (e instanceof Error ? `${e.message}${'code' in e ? ` (code ${String(e.code)})` : ''}` : String(e)));
  logger.error(
    `unhandled error ${correlationId}: ${exception instanceof Error ? exception.stack : String(exception)}${causes.map((c) => `\ncaused by: ${c}`).join('')}`,
  );
  return new ApiError('INTERNAL', API_MESSAGES.common.internal(correlationId));
}

/** Renders every error in the one shape clients rely on, with Retry-After on a 503. */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger(ErrorFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const error = apiErrorOf(exception, this.logger);
    if (error.code === 'UNAVAILABLE') response.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
    response.status(error.status).json({ error: { code: error.code, message: error.message, details: error.details } });
  }
}
