import type { Context } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';
import type { ActivityExecuteInput, ActivityInboundCallsInterceptor, ActivityInterceptorsFactory, Next } from '@temporalio/worker';
import type { Logger } from 'pino';
import type { ActivityFailureRepository } from '../../libs/db/activity-failure.repository';

/**
 * Records an activity that keeps failing (at or past `alertAttempts`) for the admins' stuck view, and
 * forgets it once it succeeds or gives up. Temporal shows a retrying activity only to a describe of its
 * workflow (a local one, not even there), which does not scale to thousands of open nominations.
 * Only failures and successes after a failure touch the database.
 */
export function activityFailureTracking(failures: ActivityFailureRepository, alertAttempts: number, logger: Logger): ActivityInterceptorsFactory {
  return (ctx) => ({ inbound: new ActivityFailureInterceptor(ctx, failures, alertAttempts, logger) });
}

class ActivityFailureInterceptor implements ActivityInboundCallsInterceptor {
  constructor(
    private readonly ctx: Context,
    private readonly failures: ActivityFailureRepository,
    private readonly alertAttempts: number,
    private readonly logger: Logger,
  ) {}

  async execute(input: ActivityExecuteInput, next: Next<ActivityInboundCallsInterceptor, 'execute'>): Promise<unknown> {
    const { info } = this.ctx;
    const workflowId = info.workflowExecution?.workflowId;
    if (!workflowId) return next(input);
    try {
      const result = await next(input);
      if (info.attempt > 1) await this.quietly(() => this.failures.clear(workflowId, info.activityType));
      return result;
    } catch (error) {
      const last = (error instanceof ApplicationFailure && error.nonRetryable) || (info.retryPolicy?.maximumAttempts ?? 0) === info.attempt;
      if (last) await this.quietly(() => this.failures.clear(workflowId, info.activityType));
      else if (info.attempt >= this.alertAttempts) {
        // A commit carries its nomination inside the transition.
        const arg = input.args[0] as { nominationId?: unknown; transition?: { nominationId?: unknown } } | undefined;
        const nominationId = arg?.nominationId ?? arg?.transition?.nominationId;
        await this.quietly(() =>
          this.failures.record({
            workflowId,
            activityType: info.activityType,
            nominationId: typeof nominationId === 'string' ? nominationId : undefined,
            attempt: info.attempt,
            error: error instanceof Error ? error.message : String(error),
          }),
        );
      }
      throw error;
    }
  }

  /** The activity's own outcome matters more than this record: a database that refuses it is logged, not thrown. */
  private async quietly(write: () => Promise<void>): Promise<void> {
    await write().catch((err: unknown) => this.logger.warn({ err }, 'could not record the activity failure'));
  }
}
