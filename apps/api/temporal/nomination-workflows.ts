import { Inject, Injectable } from '@nestjs/common';
import {
  WorkflowExecutionAlreadyStartedError,
  WorkflowNotFoundError,
  type Client,
  type WorkflowExecutionDescription,
  type WorkflowExecutionInfo,
} from '@temporalio/client';
import type { UpdateDefinition, WorkflowIdReusePolicy } from '@temporalio/common';
import { decodeOptionalFailureToOptionalError } from '@temporalio/common/lib/internal-non-workflow';
import { optionalTsToMs } from '@temporalio/common/lib/time';
import { temporal as proto } from '@temporalio/proto';
import { APP_CONFIG, type AppConfig } from '../../../libs/config/config';
import type { NominationRecord } from '../../../libs/db/nomination.repository';
import { bulkDeadlineWorkflowId, type BulkDeadlineJob } from '../../../libs/domain/bulk-deadline';
import type { NominationState } from '../../../libs/domain/nomination-machine';
import type { NominationWorkflowInput } from '../../../libs/domain/nomination-messages';
import { initialSearchAttributes } from '../../../libs/domain/search-attributes';
import { bulkDeadlineWorkflow, nominationWorkflow } from '../../../workflows';
import { workflowSummary } from './workflow-summary';
import { TEMPORAL_CLIENT } from './temporal.module';
import { withinDeadline } from './command-deadline';
import { toApiError } from './temporal-errors';

/**
 * The API's only door into the nomination workflows: start them (typed by the workflow function, so a
 * rename breaks the build), send them updates, look at them for the stuck view, and tell whether
 * Temporal and a worker are there to run them.
 */
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
    await this.temporal.workflow.start(nominationWorkflow, {
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
      await this.withinCommandTimeout(() =>
        this.temporal.workflow.getHandle<typeof nominationWorkflow>(workflowId).executeUpdate(definition, { args: [arg], updateId }),
      );
    } catch (error) {
      throw toApiError(error);
    }
  }

  /**
   * Starts an admin's bulk deadline change over the nominations it matched, and answers how many; the same
   * request again starts nothing and answers the first count.
   */
  async startBulkDeadline(job: BulkDeadlineJob): Promise<number> {
    const workflowId = bulkDeadlineWorkflowId(job.actor, job.requestId);
    try {
      await this.temporal.workflow.start(bulkDeadlineWorkflow, {
        workflowId,
        taskQueue: this.config.TEMPORAL_TASK_QUEUE,
        args: [job],
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
        memo: { matched: job.matched },
        staticSummary: `Đổi hạn xử lý hàng loạt (${job.matched} hồ sơ) bởi ${job.actor}`,
      });
      return job.matched;
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
      const first = await this.temporal.workflow.getHandle(workflowId).describe();
      return Number((first.memo as { matched?: unknown } | undefined)?.matched ?? 0);
    }
  }

  /** The workflow as Temporal describes it; null when there is none. */
  async describe(workflowId: string): Promise<WorkflowExecutionDescription | null> {
    try {
      return await this.temporal.workflow.getHandle(workflowId).describe();
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) return null;
      throw error;
    }
  }

  /** The state a completed workflow ended with. */
  result(workflowId: string): Promise<NominationState> {
    return this.temporal.workflow.getHandle<typeof nominationWorkflow>(workflowId).result();
  }

  async terminate(workflowId: string, reason: string): Promise<void> {
    await this.temporal.workflow.getHandle(workflowId).terminate(reason);
  }

  /** Up to `limit` workflows a visibility query finds. */
  async list(query: string, limit: number): Promise<WorkflowExecutionInfo[]> {
    const found: WorkflowExecutionInfo[] = [];
    for await (const info of this.temporal.workflow.list({ query, pageSize: Math.min(limit, 1000) })) {
      found.push(info);
      if (found.length >= limit) break;
    }
    return found;
  }

  async count(query: string): Promise<number> {
    return (await this.temporal.workflow.count(query)).count;
  }

  /** The message of the workflow's last failed task, decoded (the worker's failures travel encrypted). */
  async lastWorkflowTaskError(workflowId: string): Promise<string> {
    const history = await this.temporal.workflow.getHandle(workflowId).fetchHistory();
    const failed = [...(history.events ?? [])].reverse().find((e) => e.workflowTaskFailedEventAttributes);
    const error = await decodeOptionalFailureToOptionalError(
      this.temporal.workflow.options.loadedDataConverter,
      failed?.workflowTaskFailedEventAttributes?.failure,
    );
    return error?.message ?? '';
  }

  /** Whether the Temporal server answers within `ms`. */
  async serverUp(ms: number): Promise<boolean> {
    await withinDeadline(this.temporal, ms, () => this.temporal.workflowService.getSystemInfo({}));
    return true;
  }

  /** Whether some worker polled the task queue for workflow tasks lately (an idle poll is renewed once a minute). */
  async workerPolling(ms: number): Promise<boolean> {
    const { pollers } = await withinDeadline(this.temporal, ms, () =>
      this.temporal.workflowService.describeTaskQueue({
        namespace: this.config.TEMPORAL_NAMESPACE,
        taskQueue: { name: this.config.TEMPORAL_TASK_QUEUE, kind: proto.api.enums.v1.TaskQueueKind.TASK_QUEUE_KIND_NORMAL },
        taskQueueType: proto.api.enums.v1.TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW,
      }),
    );
    const since = Date.now() - this.config.WORKER_POLL_STALE_AFTER;
    return pollers.some((poller) => (optionalTsToMs(poller.lastAccessTime) ?? 0) >= since);
  }

  /** One deadline for all the calls an operation makes (an update is a request, then polls for its outcome). */
  private withinCommandTimeout<T>(calls: () => Promise<T>): Promise<T> {
    return withinDeadline(this.temporal, this.config.COMMAND_TIMEOUT, calls);
  }
}
