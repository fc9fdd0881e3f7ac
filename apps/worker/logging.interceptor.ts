import type { Context } from '@temporalio/activity';
import { defaultPayloadConverter } from '@temporalio/common';
import type { ActivityExecuteInput, ActivityInboundCallsInterceptor, ActivityInterceptorsFactory, Next } from '@temporalio/worker';
import type { Logger } from 'pino';
import { CORRELATION_HEADER } from '../../libs/logging/correlation-header';
import { runWithCorrelationId, saneCorrelationId } from '../../libs/logging/correlation';

/** Logs each activity's start, completion or failure, and runs it under the correlation id it was scheduled with. */
export function activityLogging(logger: Logger): ActivityInterceptorsFactory {
  return (ctx) => ({ inbound: new ActivityLoggingInterceptor(ctx, logger) });
}

const field = (arg: unknown, name: string): unknown => (typeof arg === 'object' && arg !== null ? (arg as Record<string, unknown>)[name] : undefined);

class ActivityLoggingInterceptor implements ActivityInboundCallsInterceptor {
  constructor(
    private readonly ctx: Context,
    private readonly logger: Logger,
  ) {}

  async execute(input: ActivityExecuteInput, next: Next<ActivityInboundCallsInterceptor, 'execute'>): Promise<unknown> {
    const header = input.headers[CORRELATION_HEADER];
    const correlationId = saneCorrelationId(header && defaultPayloadConverter.fromPayload(header)) ?? saneCorrelationId(field(input.args[0], 'correlationId'));
    // A commit carries its nomination inside the transition.
    const nominationId = field(input.args[0], 'nominationId') ?? field(field(input.args[0], 'transition'), 'nominationId');
    const { info } = this.ctx;
    const log = this.logger.child({
      workflowId: info.workflowExecution?.workflowId,
      activityType: info.activityType,
      attempt: info.attempt,
      nominationId: typeof nominationId === 'string' ? nominationId : undefined,
      correlationId,
    });
    const started = Date.now();
    log.info('activity started');
    try {
      const result = await (correlationId ? runWithCorrelationId(correlationId, () => next(input)) : next(input));
      log.info({ durationMs: Date.now() - started }, 'activity completed');
      return result;
    } catch (error) {
      // A warning, not an error: the workflow's retry policy decides whether this attempt was the last.
      log.warn({ err: error, durationMs: Date.now() - started }, 'activity failed');
      throw error;
    }
  }
}
