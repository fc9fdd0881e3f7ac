import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { NominationRepository, type NominationRecord } from '../../../libs/db/nomination.repository';
import { HoldRepository } from '../../../libs/db/hold.repository';
import { StuckRepository } from '../../../libs/db/stuck.repository';
import { OrgRepository } from '../../../libs/db/org.repository';
import { reassignProblem, type Actor } from '../../../libs/domain/access-policy';
import type { AdminDeadlineInput, AdminReassignInput, AdminReasonInput, BulkDeadlineInput } from '../../../libs/domain/admin-schemas';
import type { BulkDeadlineJob } from '../../../libs/domain/bulk-deadline';
import { hanoiDay } from '../../../libs/domain/hanoi-time';
import type { NominationState } from '../../../libs/domain/nomination-machine';
import { stateFromRecord } from '../../../libs/domain/nomination-row';
import type { Nominee } from '../../../libs/domain/schemas';
import { nudgeUpdate, reassignUpdate, setDeadlineUpdate } from '../../../libs/domain/nomination-messages';
import { ApiError } from '../common/api-error';
import { NominationReader } from '../nominations/nomination-reader';
import type { NominationView } from '../nominations/nomination.view';
import { NominationWorkflows } from '../temporal/nomination-workflows';
import { NominationCommands } from '../nominations/nomination-commands';
import { holdEndsAt } from './hold-suspensions';
import { openFilter } from './stuck.service';

/** What an admin does about stuck work; each action goes through the workflow (or repairs it) and is audited with a reason. */
@Injectable()
export class AdminActionsService {
  constructor(
    private readonly rows: StuckRepository,
    private readonly nominations: NominationRepository,
    private readonly orgs: OrgRepository,
    private readonly reader: NominationReader,
    private readonly workflows: NominationWorkflows,
    private readonly commands: NominationCommands,
    private readonly holds: HoldRepository,
  ) {}

  async nudge(actor: Actor, id: string, input: AdminReasonInput): Promise<NominationView> {
    const record = await this.record(id);
    await this.commands.send(record.workflowId, nudgeUpdate, actor.username, this.command(actor, input));
    return this.reader.get(actor, id);
  }

  async deadline(actor: Actor, id: string, input: AdminDeadlineInput): Promise<NominationView> {
    const record = await this.record(id);
    await this.commands.send(record.workflowId, setDeadlineUpdate, actor.username, {
      ...this.command(actor, input),
      dueAt: new Date(input.dueAt).toISOString(),
    });
    return this.reader.get(actor, id);
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
    return this.reader.get(actor, id);
  }

  /**
   * Moves the deadline of every nomination under review the filter matches, asynchronously: counts them,
   * starts a workflow that applies the change a page at a time, and answers how many matched. The same
   * request id again starts nothing new and answers the first count.
   */
  async bulkDeadline(actor: Actor, input: BulkDeadlineInput): Promise<{ updated: number }> {
    const requestId = input.requestId ?? randomUUID();
    const { overdueBefore, ...filter } = openFilter(input.filter);
    const matched = await this.rows.countDeadlineTargets({ ...filter, overdueBefore });
    const job: BulkDeadlineJob = {
      filter: { ...filter, ...(overdueBefore && { overdueBefore: overdueBefore.toISOString() }) },
      dueAt: new Date(input.dueAt).toISOString(),
      reason: input.reason,
      actor: actor.username,
      requestId,
      matched,
    };
    return { updated: await this.workflows.startBulkDeadline(job) };
  }

  /**
   * Makes the row and the workflow agree: a row still open whose workflow is gone (failed, terminated,
   * never started) is re-driven by a new run from the row's state; a row left behind by a workflow that
   * completed is closed as the workflow says.
   */
  async repair(actor: Actor, id: string, input: AdminReasonInput): Promise<NominationView> {
    const record = await this.nominations.findById(id);
    if (!record) throw ApiError.notFound();
    const description = await this.workflows.describe(record.workflowId);
    if (description?.status.name === 'COMPLETED') {
      const result = await this.workflows.result(record.workflowId);
      if (result.status === record.status && result.seq <= record.version) throw new ApiError('INVALID_STATE', 'The nomination and its workflow already agree');
      await this.nominations.closeAsWorkflow(id, result, actor.username, input.reason);
      return this.reader.get(actor, id);
    }
    if (record.status !== 'IN_REVIEW' && record.status !== 'RETURNED') {
      throw new ApiError('INVALID_STATE', `The nomination is ${record.status}; there is nothing to re-drive`);
    }
    if (description?.status.name === 'RUNNING') {
      const stuckTask = (description.raw.pendingWorkflowTask?.attempt ?? 0) > 1;
      if (!stuckTask) throw new ApiError('INVALID_STATE', 'The workflow is running normally; nothing to repair');
      await this.workflows.terminate(record.workflowId, `repair by ${actor.username}: ${input.reason}`);
    }
    await this.workflows.redrive(record, await this.resumeState(record), actor.username, input.reason);
    return this.reader.get(actor, id);
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
    return stateFromRecord(
      record,
      held.map((h) => ({ holdId: h.id, endsAt: holdEndsAt(h.until) })),
    );
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
