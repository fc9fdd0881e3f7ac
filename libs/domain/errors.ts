/**
 * Business error codes shared by the API, the workflow (as ApplicationFailure types)
 * and the clients; each maps to one HTTP status.
 */
export const ERROR_STATUS = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  LEVEL_MISMATCH: 409,
  INVALID_STATE: 409,
  CAMPAIGN_CLOSED: 409,
  ON_HOLD: 409,
  NOT_ELIGIBLE: 422,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  QUOTA_EXCEEDED: 422,
  DOSSIER_INCOMPLETE: 422,
  IDEMPOTENCY_KEY_REUSED: 422,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && value in ERROR_STATUS;
}

export interface ErrorDetail {
  path: string;
  message: string;
}

/** A rule broken by a command; pure code returns it, callers turn it into their own failure type. */
export interface DomainError {
  code: ErrorCode;
  message: string;
  details?: ErrorDetail[];
}

/**
 * The failure type of an activity's write that no retry will fix (bad data, a broken constraint):
 * Temporal does not retry it, and the workflow refuses the command that caused it.
 */
export const PERSISTENCE_FAILED = 'PERSISTENCE_FAILED';
