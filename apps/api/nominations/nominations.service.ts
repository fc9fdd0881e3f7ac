import { Inject, Injectable } from '@nestjs/common';
import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import { randomUUID } from 'node:crypto';
import { APP_CONFIG, timingFrom, type AppConfig } from '../../../libs/config/config';
import { NominationRepository, isUniqueViolation, type NominationRecord } from '../../../libs/db/nomination.repository';
import { OrgRepository } from '../../../libs/db/org.repository';
import { canSee, isClerkOf, reviewerLevel, reviewsLevel, visibleScopes, type Actor } from '../../../libs/domain/access-policy';
import { catalogueAt } from '../../../libs/domain/award-catalogue';
import { hanoiDay } from '../../../libs/domain/hanoi-time';
import { checkDecide, checkResubmit, checkWithdraw, submit, type NominationState } from '../../../libs/domain/nomination-machine';
import {
  decideUpdate,
  nominationWorkflowId,
  resubmitUpdate,
  withdrawUpdate,
  type NominationWorkflowInput,
} from '../../../libs/domain/nomination-messages';
import type { DecisionInput, ListNominationsQuery, ResubmitInput, SubmitNominationInput, WithdrawInput } from '../../../libs/domain/schemas';
import { ApiError } from '../common/api-error';
import { TEMPORAL_CLIENT } from '../temporal/temporal.module';
import { toApiError } from '../temporal/temporal-errors';
import { nominationView, type NominationView } from './nomination.view';

/**
 * The rules of who may do what live here, checked against the database before Temporal is asked;
 * the workflow's own validators then decide against the authoritative state.
 */
@Injectable()
export class NominationsService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    private readonly nominations: NominationRepository,
    private readonly orgs: OrgRepository,
  ) {}

  async submit(actor: Actor, input: SubmitNominationInput): Promise<NominationView> {
    if (actor.role !== 'CLERK') throw ApiError.forbidden('Only a unit clerk submits nominations');
    const unitCode = input.unitCode ?? actor.orgCode;
    if (!isClerkOf(actor, unitCode)) throw ApiError.forbidden(`${actor.username} may submit only for unit ${actor.orgCode}`);
    const requestId = input.requestId ?? randomUUID();

    const existing = await this.nominations.findByRequest(actor.username, requestId);
    if (existing) return this.ensureStarted(existing);

    const now = new Date();
    const catalogue = catalogueAt(hanoiDay(now));
    const award = catalogue.awards.find((a) => a.code === input.awardCode);
    if (!award) {
      throw new ApiError('VALIDATION_FAILED', 'Unknown award', [{ path: 'awardCode', message: `not in catalogue ${catalogue.version}` }]);
    }
    if (!award.nomineeKinds.includes(input.nominee.kind)) {
      throw new ApiError('VALIDATION_FAILED', 'This award is not given to this kind of nominee', [
        { path: 'nominee.kind', message: `${award.code} accepts ${award.nomineeKinds.join(' or ')}` },
      ]);
    }

    const id = randomUUID();
    const route = [...award.route];
    const timing = timingFrom(this.config);
    // The row starts from the same pure step the workflow takes, so both agree from the first instant.
    const { state } = submit(id, route, now, timing);
    let record: NominationRecord;
    try {
      record = await this.nominations.create({
        id,
        awardCode: award.code,
        catalogueVersion: catalogue.version,
        year: input.year,
        unitCode,
        nominee: input.nominee,
        achievements: input.achievements,
        declarations: input.declarations,
        campaignId: input.campaignId,
        route,
        status: state.status,
        currentLevel: state.currentLevel,
        dueAt: state.dueAt ? new Date(state.dueAt) : null,
        submittedBy: actor.username,
        requestId,
        workflowId: nominationWorkflowId(id),
        createdAt: now,
      });
    } catch (error) {
      // Two identical requests at once: the loser returns the winner's nomination.
      const winner = isUniqueViolation(error) ? await this.nominations.findByRequest(actor.username, requestId) : null;
      if (!winner) throw error;
      return this.ensureStarted(winner);
    }
    return this.ensureStarted(record, now);
  }

  /**
   * Starts the nomination's workflow unless it runs already. Calling it again for a row whose
   * start was interrupted (a crash between the insert and the start) completes the submission.
   */
  private async ensureStarted(record: NominationRecord, submittedAt = record.createdAt): Promise<NominationView> {
    const input: NominationWorkflowInput = {
      nominationId: record.id,
      awardCode: record.awardCode,
      unitCode: record.unitCode,
      route: record.route,
      submittedAt: submittedAt.toISOString(),
      timing: timingFrom(this.config),
    };
    try {
      await this.temporal.workflow.start('nominationWorkflow', {
        workflowId: record.workflowId,
        taskQueue: this.config.TEMPORAL_TASK_QUEUE,
        args: [input],
      });
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
    }
    return this.view(record);
  }

  async get(actor: Actor, id: string): Promise<NominationView> {
    return this.view(await this.visible(actor, id));
  }

  async list(actor: Actor, query: ListNominationsQuery) {
    const { page, pageSize, ...filter } = query;
    const scopes = visibleScopes(actor, await this.orgs.tree()) ?? undefined;
    const { items, total } = await this.nominations.list({ ...filter, scopes }, page, pageSize, [{ createdAt: 'desc' }]);
    return { items: items.map((n) => this.view(n)), total, page, pageSize };
  }

  async inbox(actor: Actor) {
    const tree = await this.orgs.tree();
    const level = reviewerLevel(actor, tree);
    if (!level) return { items: [] };
    const { items } = await this.nominations.list(
      { status: 'IN_REVIEW', level, scopes: [{ unitCodes: tree.unitsUnder(actor.orgCode), routeHas: level }] },
      1,
      500,
      [{ dueAt: 'asc' }, { createdAt: 'asc' }],
    );
    return { items: items.map((n) => this.view(n)) };
  }

  async decide(actor: Actor, id: string, input: DecisionInput): Promise<NominationView> {
    const record = await this.nominations.findById(id);
    if (!record) throw ApiError.notFound();
    const tree = await this.orgs.tree();
    if (!reviewsLevel(actor, input.level, record, tree)) {
      if (!canSee(actor, record, tree) && actor.role !== 'REVIEWER') throw ApiError.notFound();
      throw ApiError.forbidden(`${actor.username} does not review level ${input.level} of this nomination`);
    }
    const requestId = input.requestId ?? randomUUID();
    if (input.requestId && (await this.nominations.hasDecision(id, requestId))) return this.view(record);
    this.precheck(record, (s) => checkDecide(s, input));
    await this.update(record, decideUpdate, { ...input, requestId, reviewer: actor.username, onBehalfOf: null }, `decide-${requestId}`);
    return this.get(actor, id);
  }

  async resubmit(actor: Actor, id: string, input: ResubmitInput): Promise<NominationView> {
    const record = await this.ownRecord(actor, id);
    const requestId = input.requestId ?? randomUUID();
    this.precheck(record, checkResubmit);
    await this.update(record, resubmitUpdate, { ...input, requestId, actor: actor.username }, `resubmit-${requestId}`);
    return this.get(actor, id);
  }

  async withdraw(actor: Actor, id: string, input: WithdrawInput): Promise<NominationView> {
    const record = await this.ownRecord(actor, id);
    const requestId = input.requestId ?? randomUUID();
    this.precheck(record, checkWithdraw);
    await this.update(record, withdrawUpdate, { ...input, requestId, actor: actor.username }, `withdraw-${requestId}`);
    return this.get(actor, id);
  }

  private async visible(actor: Actor, id: string): Promise<NominationRecord> {
    const record = await this.nominations.findById(id);
    if (!record || !canSee(actor, record, await this.orgs.tree())) throw ApiError.notFound();
    return record;
  }

  private async ownRecord(actor: Actor, id: string): Promise<NominationRecord> {
    const record = await this.visible(actor, id);
    if (!isClerkOf(actor, record.unitCode)) throw ApiError.forbidden('Only the submitting unit’s clerk may do this');
    return record;
  }

  /** Fails fast on what the row already shows; the workflow re-checks against its own state. */
  private precheck(record: NominationRecord, check: (s: NominationState) => ReturnType<typeof checkDecide>): void {
    const error = check({
      nominationId: record.id,
      route: record.route,
      status: record.status,
      currentLevel: record.currentLevel,
      dueAt: null,
      overdue: record.overdue,
      returnDeadline: null,
      returnCount: record.returnCount,
      decisions: [],
      requestIds: [],
      seq: record.version,
    });
    if (error) throw ApiError.from(error);
  }

  private async update<Arg>(
    record: NominationRecord,
    definition: UpdateDefinition<NominationState, [Arg]>,
    arg: Arg,
    updateId: string,
  ): Promise<void> {
    try {
      await this.temporal.workflow.getHandle(record.workflowId).executeUpdate(definition, { args: [arg], updateId });
    } catch (error) {
      throw toApiError(error);
    }
  }

  private view(record: NominationRecord): NominationView {
    return nominationView(record, this.config.TEMPORAL_UI_URL, this.config.TEMPORAL_NAMESPACE);
  }
}
