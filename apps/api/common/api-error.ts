import { API_MESSAGES, type NotFound } from '../../../libs/domain/api-messages';
import { ERROR_STATUS, type DomainError, type ErrorCode, type ErrorDetail } from '../../../libs/domain/errors';

/** The one error every handler throws; the filter renders it in the API's error shape. */
export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: ErrorDetail[] = [],
  ) {
    super(message);
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }

  static from(error: DomainError): ApiError {
    return new ApiError(error.code, error.message, error.details);
  }

  static notFound(what: NotFound = 'nomination'): ApiError {
    return new ApiError('NOT_FOUND', API_MESSAGES.notFound[what]);
  }

  static forbidden(message: string): ApiError {
    return new ApiError('FORBIDDEN', message);
  }
}
