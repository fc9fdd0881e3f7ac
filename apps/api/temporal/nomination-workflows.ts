import { Inject, Injectable } from '@nestjs/common';
import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import type { UpdateDefinition, WorkflowIdReusePolicy } from '@temporalio/common';
import { APP_CONFIG, type AppConfig } from '../../../libs/config/config';
import type { NominationRecord } from '../../../libs/db/nomination.repository';
import type { NominationState } from '../../../libs/domain/nomination-machine';
import type { NominationWorkflowInput } from '../../../libs/domain/nomination-messages';
import { initialSearchAttributes } from '../../../libs/domain/search-attributes';
import { workflowSummary } from './workflow-summary';
import { TEMPORAL_CLIENT } from './temporal.module';
import { withinDeadline } from './command-deadline';
import { toApiError } from './temporal-errors';

/** The API's only door into the nomination workflows: start them, send them updates. */
@Injectable()
export class NominationWorkflows {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
  ) {}

  /** Starts the nomination's workflow unless it runs (or ran) already. */
  async ensureStarted(record: NominationRecord): Promise<void> {
    try {
      // Never a second run: a repeated submission of a nomination long decided must not restart it.
      await this.withinCommandTimeout(() => this.start(record, this.input(record), 'REJECT_DUPLICATE'));
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
    }
  }

  /** A new run for a nomination whose workflow closed without finishing it, taking over the database's state. */
  async redrive(record: NominationRecord, state: NominationState, actor: string, reason: string): Promise<void> {
    await this.withinCommandTimeout(() => this.start(record, { ...this.input(record), resume: { state, actor, reason } }, 'ALLOW_DUPLICATE_FAILED_ONLY'));
  }

  private input(record: NominationRecord): NominationWorkflowInput {
    return {
      nominationId: record.id,
      awardCode: record.awardCode,
      unitCode: record.unitCode,
      route: record.route,
      submittedAt: record.createdAt.toISOString(),
      catalogueVersion: record.catalogueVersion,
      firstDueAt: record.dueAt?.toISOString(),
      campaignId: record.campaignId,
      historyLimit: this.config.NOMINATION_HISTORY_LIMIT,
    };
  }

  private async start(record: NominationRecord, input: NominationWorkflowInput, workflowIdReusePolicy: WorkflowIdReusePolicy): Promise<void> {
    await this.temporal.workflow.start('nominationWorkflow', {
      workflowId: record.workflowId,
      workflowIdReusePolicy,
      taskQueue: this.config.TEMPORAL_TASK_QUEUE,
      args: [input],
      typedSearchAttributes: initialSearchAttributes(record, { ...record, dueAt: record.dueAt?.toISOString() ?? null }),
      ...workflowSummary(record),
    });
  }

  /**
   * Sends the update and waits for its result, at most COMMAND_TIMEOUT. A timed-out update may still run
   * later (once a worker takes it): the caller's `updateId`, derived from its requestId, makes the retry
   * join that same update instead of starting a second one.
   */
  async update<Arg>(workflowId: string, definition: UpdateDefinition<NominationState, [Arg]>, arg: Arg, updateId: string): Promise<void> {
    try {
      await this.withinCommandTimeout(() => this.temporal.workflow.getHandle(workflowId).executeUpdate(definition, { args: [arg], updateId }));
    } catch (error) {
      throw toApiError(error);
    }
  }

  /** One deadline for all the calls an operation makes (an update is a request, then polls for its outcome). */
  private withinCommandTimeout<T>(calls: () => Promise<T>): Promise<T> {
    return withinDeadline(this.temporal, this.config.COMMAND_TIMEOUT, calls);
  }
}
