import type { AppConfig } from '../config/config';

export interface RetryPolicy {
  maxAttempts: number;
  /** The wait after the first failure; each further failure doubles it. */
  baseMs: number;
}

export function retryPolicyFrom(config: AppConfig): RetryPolicy {
  return { maxAttempts: config.DELIVERY_MAX_ATTEMPTS, baseMs: config.DELIVERY_RETRY_BASE };
}

/** When a delivery that has now failed `failedAttempts` times is tried again; null once they are used up. */
export function nextAttemptAt(failedAttempts: number, failedAt: Date, policy: RetryPolicy): Date | null {
  if (failedAttempts >= policy.maxAttempts) return null;
  return new Date(failedAt.getTime() + policy.baseMs * 2 ** (failedAttempts - 1));
}
