import { proxyLocalActivities } from '@temporalio/workflow';
import type { LocalActivityOptions } from '@temporalio/common';
import type { NominationActivities } from '../activities/nomination.activities';
import type { ReviewRuleActivities } from '../activities/review-rules.activities';
import { PERSISTENCE_FAILED } from '../libs/domain/errors';

/**
 * The workflows' handles on their activities (the activities themselves are imported as types only):
 * local activities, no server round trip per call. Transient database trouble is retried for up to
 * ten minutes (the API has long answered 503 by then, and a retry with the same request id attaches
 * to this very execution); a write no retry will fix fails at once and the command is refused.
 */
const local: LocalActivityOptions = {
  // Longer than the commit's own transaction timeout (10 s), so an attempt never outlives its transaction.
  startToCloseTimeout: '15 seconds',
  scheduleToCloseTimeout: '10 minutes',
  retry: { initialInterval: '200 milliseconds', backoffCoefficient: 2, maximumInterval: '10 seconds', nonRetryableErrorTypes: [PERSISTENCE_FAILED] },
};

export const { commitTransition } = proxyLocalActivities<NominationActivities>(local);
export const { planLevel, planReturn, planPeriod, closeBallot } = proxyLocalActivities<ReviewRuleActivities>(local);
