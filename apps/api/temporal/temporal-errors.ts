import { ApplicationFailure, WorkflowNotFoundError } from '@temporalio/client';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { API_MESSAGES } from '../../../libs/domain/api-messages';
import { isErrorCode } from '../../../libs/domain/errors';
import { ApiError } from '../common/api-error';

/** Maps a rejected update (its validator's or handler's ApplicationFailure) to the API's error. */
export function toApiError(error: unknown): unknown {
  if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure) {
    const failure = error.cause;
    if (isErrorCode(failure.type)) {
      const details = Array.isArray(failure.details?.[0]) ? (failure.details[0] as { path: string; message: string }[]) : [];
      return new ApiError(failure.type, failure.message, details);
    }
  }
  if (error instanceof WorkflowNotFoundError) {
    return new ApiError('INVALID_STATE', API_MESSAGES.nomination.noLongerInReview);
  }
  return error;
}
