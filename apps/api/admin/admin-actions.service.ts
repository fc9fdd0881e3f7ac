import { Inject, Injectable } from '@nestjs/common';
import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import { randomUUID } from 'node:crypto';
import { APP_CONFIG, type AppConfig } from '../../../libs/config/config';
import { NominationRepository, type NominationRecord } from '../../../libs/db/nomination.repository';
import { HoldRepository } from '../../../libs/db/hold.repository';
import { StuckRepository } from '../../../libs/db/stuck.repository';
import { OrgRepository } from '../../../libs/db/org.repository';
import { reassignProblem, type Actor } from '../../../libs/domain/access-policy';
import type { AdminDeadlineInput, AdminReassignInput, AdminReasonInput, BulkDeadlineInput } from '../../../libs/domain/admin-schemas';
import { bulkDeadlineWorkflowId, type BulkDeadlineJob } from '../../../libs/domain/bulk-deadline';
import { hanoiDay } from '../../../libs/domain/hanoi-time';
import type { NominationState } from '../../../libs/domain/nomination-machine';
import type { Nominee } from '../../../libs/domain/schemas';
import { nudgeUpdate, reassignUpdate, setDeadlineUpdate } from '../../../libs/domain/nomination-messages';
import { ApiError } from '../common/api-error';
import { NominationsService } from '../nominations/nominations.service';
import type { NominationView } from '../nominations/nomination.view';
import { NominationWorkflows } from '../temporal/nomination-workflows';
import { NominationCommands } from '../nominations/nomination-commands';
import { TEMPORAL_CLIENT } from '../temporal/temporal.module';
import type { bulkDeadlineWorkflow } from '../../../workflows/bulk-deadline.workflow';
import { holdEndsAt } from './hold-suspensions';
import { openFilter, StuckService } from './stuck.service';

/** What an admin does about stuck work; each action goes through the workflow (or repairs it) and is audited with a reason. */
@Injectable()
export class AdminActionsService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    private readonly rows: StuckRepository,
    private readonly nominations: NominationRepository,
    private readonly orgs: OrgRepository,
    private readonly service: NominationsService,
    private readonly workflows: NominationWorkflows,
    private readonly commands: NominationCommands,
    private readonly stuck: StuckService,
    private readonly holds: HoldRepository,
  ) {}

  async nudge(actor: Actor, id: string, input: AdminReasonInput): Promise<NominationView> {
    const record = await this.record(id);
    await this.commands.send(record.workflowId, nudgeUpdate, actor.username, this.command(actor, input));
    return this.service.get(actor, id);
  }

  async deadline(actor: Actor, id: string, input: AdminDeadlineInput): Promise<NominationView> {
    const record = await this.record(id);
    await this.commands.send(record.workflowId, setDeadlineUpdate, actor.username, {
      ...this.command(actor, input),
      dueAt: new Date(input.dueAt).toISOString(),
    });
    return this.service.get(actor, id);
  }

  async reassign(actor: Actor, id: string, input: AdminReassignInput): Promise<NominationView> {
    const record = await this.record(id);
    const problem = reassignProblem(await this.orgs.findUser(input.reviewer), input, record, await this.orgs.tree());
    if (problem) throw new ApiError('VALIDATION_FAILED', 'Người được giao không xét được cấp này', [{ path: 'reviewer', message: problem }]);
    await this.commands.send(record.workflowId, reassignUpdate, actor.username, {
      ...this.command(actor, input),
      level: input.level,
      reviewer: input.reviewer,
    });
    return this.service.get(actor, id);
  }

  /**
   * Moves the deadline of every nomination under review the filter matches, asynchronously: counts them,
   * starts a workflow that applies the change a page at a time, and answers how many matched. The same
   * request id again starts nothing new and answers the first count.
   */
  async bulkDeadline(actor: Actor, input: BulkDeadlineInput): Promise<{ updated: number }> {
    const requestId = input.requestId ?? randomUUID();
    const { overdueBefore, ...filter } = openFilter(input.filter);
    const workflowId = bulkDeadlineWorkflowId(actor.username, requestId);
    const matched = await this.rows.countDeadlineTargets({ ...filter, overdueBefore });
    const job: BulkDeadlineJob = {
      filter: { ...filter, ...(overdueBefore && { overdueBefore: overdueBefore.toISOString() }) },
      dueAt: new Date(input.dueAt).toISOString(),
      reason: input.reason,
      actor: actor.username,
      requestId,
      matched,
    };
    try {
      await this.temporal.workflow.start<typeof bulkDeadlineWorkflow>('bulkDeadlineWorkflow', {
        workflowId,
        taskQueue: this.config.TEMPORAL_TASK_QUEUE,
        args: [job],
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
        memo: { matched },
        staticSummary: `Đổi hạn xử lý hàng loạt (${matched} hồ sơ) bởi ${actor.username}`,
      });
      return { updated: matched };
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
      const first = await this.temporal.workflow.getHandle(workflowId).describe();
      return { updated: Number((first.memo as { matched?: unknown } | undefined)?.matched ?? 0) };
    }
  }

  /**
   * Makes the row and the workflow agree: a row still open whose workflow is gone (failed, terminated,
   * never started) is re-driven by a new run from the row's state; a row left behind by a workflow that
   * completed is closed as the workflow says.
   */
  async repair(actor: Actor, id: string, input: AdminReasonInput): Promise<NominationView> {
    const record = await this.nominations.findById(id);
    if (!record) throw ApiError.notFound();
    const description = await this.stuck.describe(record.workflowId);
    const handle = this.temporal.workflow.getHandle(record.workflowId);
    if (description?.status.name === 'COMPLETED') {
      const result = (await handle.result()) as NominationState;
      if (result.status === record.status && result.seq <= record.version) throw new ApiError('INVALID_STATE', 'The nomination and its workflow already agree');
      await this.nominations.closeAsWorkflow(id, result, actor.username, input.reason);
      return this.service.get(actor, id);
    }
    if (record.status !== 'IN_REVIEW' && record.status !== 'RETURNED') {
      throw new ApiError('INVALID_STATE', `The nomination is ${record.status}; there is nothing to re-drive`);
    }
    if (description?.status.name === 'RUNNING') {
      const stuckTask = (description.raw.pendingWorkflowTask?.attempt ?? 0) > 1;
      if (!stuckTask) throw new ApiError('INVALID_STATE', 'The workflow is running normally; nothing to repair');
      await handle.terminate(`repair by ${actor.username}: ${input.reason}`);
    }
    await this.workflows.redrive(record, await this.resumeState(record), actor.username, input.reason);
    return this.service.get(actor, id);
  }

  /**
   * The state a new run takes over, as the row holds it, with the law's gates (a posting, a consultation
   * and each agency's answer and deadline, the holds in force while suspended): a run re-driven mid-posting
   * still waits it out.
   */
  private async resumeState(record: NominationRecord): Promise<NominationState> {
    const nominee = record.nominee as Nominee;
    const held = record.suspendedSince
      ? await this.holds.active(nominee.kind === 'INDIVIDUAL' ? nominee.fullName : nominee.name, record.unitCode, hanoiDay(new Date()))
      : [];
    const opinions = record.opinions;
    const deadlines = opinions.filter((o) => o.dueAt).map((o) => [o.agency, o.dueAt!.toISOString()] as const);
    return {
      ...(record.postingEndsAt && { posting: { endsAt: record.postingEndsAt.toISOString(), ended: !record.postingOpen } }),
      ...(record.consultationDueAt &&
        opinions.length > 0 && {
          consultation: {
            dueAt: record.consultationDueAt.toISOString(),
            agencies: opinions.map((o) => o.agency),
            answered: opinions.filter((o) => o.answer !== null).map((o) => o.agency),
            closed: !record.consultationOpen,
            ...(deadlines.length > 0 && { deadlines: Object.fromEntries(deadlines), lapsed: opinions.filter((o) => o.overdue).map((o) => o.agency) }),
          },
        }),
      ...(record.suspendedSince && {
        holds: held.map((h) => ({ holdId: h.id, endsAt: holdEndsAt(h.until) })),
        suspendedSince: record.suspendedSince.toISOString(),
      }),
      nominationId: record.id,
      route: record.route,
      status: record.status,
      currentLevel: record.currentLevel,
      dueAt: record.dueAt?.toISOString() ?? null,
      overdue: record.overdue,
      returnDeadline: record.returnDeadline?.toISOString() ?? null,
      returnCount: record.returnCount,
      decisions: record.decisions.map((d) => ({
        level: d.level,
        decision: d.decision,
        reviewer: d.reviewer,
        onBehalfOf: d.onBehalfOf,
        comment: d.comment,
        ground: d.ground as NominationState['decisions'][number]['ground'],
        requestId: d.requestId,
        decidedAt: d.decidedAt.toISOString(),
      })),
      requestIds: [],
      seq: record.version,
      levelEnteredAt: record.updatedAt.toISOString(),
      // The row does not know which alerts went out; at worst a reminder is sent once more.
      reminded: record.overdue,
      escalated: false,
    };
  }

  private async record(id: string): Promise<NominationRecord> {
    const record = await this.nominations.findById(id);
    if (!record) throw ApiError.notFound();
    return record;
  }

  private command(actor: Actor, input: AdminReasonInput) {
    return { requestId: input.requestId ?? randomUUID(), actor: actor.username, reason: input.reason };
  }
}
