import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { APP_CONFIG, deadlineRulesFrom, type AppConfig } from '../../../libs/config/config';
import { CalendarService } from '../../../libs/calendar/calendar.service';
import type { Prisma } from '../../../libs/db/generated/client';
import { CampaignRepository } from '../../../libs/db/campaign.repository';
import { DelegationRepository } from '../../../libs/db/delegation.repository';
import { AttachRefused, DocumentRepository } from '../../../libs/db/document.repository';
import { NominationRepository, isUniqueViolation, type NominationRecord } from '../../../libs/db/nomination.repository';
import { OrgRepository } from '../../../libs/db/org.repository';
import { DeadlinePlanner } from '../../../libs/deadlines/deadline-planner';
import {
  canSee,
  isClerkOf,
  isStaffOf,
  reviewsLevel,
  seesHoldReasons,
  visibleScopes,
  watchedLevel,
  type Actor,
  type OrgTree,
} from '../../../libs/domain/access-policy';
import { catalogueAt, catalogueVersion, findAward, type AwardDefinition } from '../../../libs/domain/award-catalogue';
import { dossierIncomplete, missingDocuments, type DossierDocument } from '../../../libs/domain/dossier';
import { commandFingerprint, requestIdReused, type CommandRef } from '../../../libs/domain/command-fingerprint';
import { hanoiDay } from '../../../libs/domain/hanoi-time';
import type { Level } from '../../../libs/domain/levels';
import { checkDecide, checkResubmit, checkWithdraw, submit, type DocumentRef, type NominationState } from '../../../libs/domain/nomination-machine';
import { decideUpdate, nominationWorkflowId, resubmitUpdate, withdrawUpdate } from '../../../libs/domain/nomination-messages';
import type { DecisionInput, InboxQuery, ListNominationsQuery, ResubmitInput, SubmitNominationInput, WithdrawInput } from '../../../libs/domain/schemas';
import { EligibilityService } from '../../../libs/eligibility/eligibility.service';
import { ApiError } from '../common/api-error';
import { NominationWorkflows } from '../temporal/nomination-workflows';
import { NominationCommands } from './nomination-commands';
import { nominationView, type NominationView } from './nomination.view';

/**
 * The rules of who may do what live here, checked against the database before Temporal is asked;
 * the workflow's own validators then decide against the authoritative state.
 */
@Injectable()
export class NominationsService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly workflows: NominationWorkflows,
    private readonly commands: NominationCommands,
    private readonly nominations: NominationRepository,
    private readonly orgs: OrgRepository,
    private readonly calendar: CalendarService,
    private readonly eligibility: EligibilityService,
    private readonly delegations: DelegationRepository,
    private readonly campaigns: CampaignRepository,
    private readonly documents: DocumentRepository,
  ) {}

  async submit(actor: Actor, input: SubmitNominationInput): Promise<NominationView> {
    const unitCode = input.unitCode ?? actor.orgCode;
    if (!isClerkOf(actor, unitCode)) throw ApiError.forbidden(`${actor.username} may submit only for unit ${actor.orgCode}`);
    const requestId = input.requestId ?? randomUUID();
    const request = { actor: actor.username, requestId, fingerprint: commandFingerprint('submit', { ...input, unitCode }), operation: 'submit' };

    const existing = await this.nominations.findByRequest(actor.username, requestId);
    if (existing) return this.started(actor, await this.sameRequest(request, existing));

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
    if (input.campaignId) await this.checkCampaignAccepts(input.campaignId, award.code);
    const eligibility = await this.eligibility.evaluate({ ...input, unitCode });
    if (!eligibility.passed) {
      throw new ApiError(
        'NOT_ELIGIBLE',
        'Người được đề nghị chưa đủ điều kiện',
        eligibility.criteria.filter((c) => c.status === 'NOT_MET').map((c) => ({ path: c.code, message: c.message })),
      );
    }
    const documentIds = input.documents ?? [];
    await this.checkDossier(actor, award, [], documentIds);

    const id = randomUUID();
    const route = [...award.route];
    const planner = new DeadlinePlanner(await this.calendar.calendar(), deadlineRulesFrom(this.config), catalogue.levelLimitWorkingDays);
    // The row starts from the same pure step the workflow takes, so both agree from the first instant.
    const { state } = submit(id, route, now, { levelDue: (level) => planner.level(level, now).dueAt, returnDeadline: () => null });
    const data = {
      id,
      awardCode: award.code,
      catalogueVersion: catalogue.version,
      year: input.year,
      unitCode,
      nominee: input.nominee,
      achievements: input.achievements,
      declarations: input.declarations,
      eligibility: eligibility as unknown as Prisma.InputJsonObject,
      campaignId: input.campaignId,
      route,
      status: state.status,
      currentLevel: state.currentLevel,
      dueAt: state.dueAt ? new Date(state.dueAt) : null,
      submittedBy: actor.username,
      requestId,
      workflowId: nominationWorkflowId(id),
      createdAt: now,
    };
    try {
      const attach = (tx: Prisma.TransactionClient) => this.documents.attach(tx, id, actor.username, documentIds, now);
      const record = input.campaignId
        ? await this.campaigns.whileAccepting(input.campaignId, award.code, (tx) => this.nominations.create(data, request, tx, attach))
        : await this.nominations.create(data, request, undefined, attach);
      if (!('decisions' in record)) throw ApiError.from(record);
      return this.started(actor, record);
    } catch (error) {
      if (error instanceof AttachRefused) throw ApiError.from(error.refusal);
      // Two identical requests at once: the loser returns the winner's nomination.
      const winner = isUniqueViolation(error) ? await this.nominations.findByRequest(actor.username, requestId) : null;
      if (!winner) throw error;
      return this.started(actor, await this.sameRequest(request, winner));
    }
  }

  /**
   * The uploads named in a submission or resubmission are the caller's own and still unattached, they
   * fit the nomination's limit, and with the current documents they cover every type the award requires.
   */
  private async checkDossier(actor: Actor, award: AwardDefinition, current: readonly DossierDocument[], ids: readonly string[]): Promise<void> {
    if (current.length + ids.length > this.config.DOCUMENT_MAX_PER_NOMINATION) {
      throw new ApiError('PAYLOAD_TOO_LARGE', `Một hồ sơ có tối đa ${this.config.DOCUMENT_MAX_PER_NOMINATION} tài liệu`, [
        { path: 'documents', message: `at most ${this.config.DOCUMENT_MAX_PER_NOMINATION} documents` },
      ]);
    }
    const uploads = await this.documents.waiting(actor.username, ids);
    if (!Array.isArray(uploads)) throw ApiError.from(uploads);
    const incomplete = dossierIncomplete(missingDocuments(award.requiredDocuments, [...current, ...uploads.map((u) => ({ type: u.type, current: true }))]));
    if (incomplete) throw ApiError.from(incomplete);
  }

  /** A submission's request id sent again: the same nomination, unless it now names another one (422). */
  private async sameRequest(request: CommandRef, existing: NominationRecord): Promise<NominationRecord> {
    const logged = await this.nominations.findRequest(request.actor, request.requestId);
    // Nominations submitted before the request log have no entry: their request id keeps its old meaning.
    if (logged && logged.fingerprint !== request.fingerprint) {
      throw ApiError.from(requestIdReused(logged.operation));
    }
    return existing;
  }

  /** What the campaign says of the form of the request comes before the rules on the nominee (the window is checked again at insert). */
  private async checkCampaignAccepts(campaignId: string, awardCode: string): Promise<void> {
    const campaign = /^[0-9a-f-]{36}$/i.test(campaignId) ? await this.campaigns.findById(campaignId) : null;
    if (!campaign) throw new ApiError('VALIDATION_FAILED', 'Unknown campaign', [{ path: 'campaignId', message: 'no such campaign' }]);
    if (!campaign.awardCodes.includes(awardCode)) {
      throw new ApiError('VALIDATION_FAILED', 'The campaign does not accept this award', [
        { path: 'awardCode', message: `accepted: ${campaign.awardCodes.join(', ')}` },
      ]);
    }
  }

  /** Calling it again for a row whose start was interrupted (a crash between insert and start) completes the submission. */
  private async started(actor: Actor, record: NominationRecord): Promise<NominationView> {
    await this.workflows.ensureStarted(record);
    return this.view(actor, record);
  }

  async get(actor: Actor, id: string): Promise<NominationView> {
    return this.view(actor, await this.visible(actor, id));
  }

  async list(actor: Actor, query: ListNominationsQuery) {
    const { page, pageSize, ...filter } = query;
    const tree = await this.orgs.tree();
    const scopes = visibleScopes(actor, tree) ?? undefined;
    const { items, total } = await this.nominations.list({ ...filter, scopes }, page, pageSize, [{ createdAt: 'desc' }]);
    return { items: items.map((n) => this.present(actor, n, tree)), total, page, pageSize };
  }

  /** A page of what waits on the caller, the earliest deadline first (served by the index on status, level and due date). */
  async inbox(actor: Actor, { page, pageSize }: InboxQuery) {
    const tree = await this.orgs.tree();
    const level = watchedLevel(actor, tree);
    // A level an admin reassigned waits for its new reviewer, who may be staff reviewing no level of their own.
    const [assigned, delegated] = await Promise.all([this.nominations.assignedTo(actor.username), this.delegatedLevels(actor, tree)]);
    // A consulted agency's staff answer for their agency: what awaits its opinion waits on them.
    const opinionOf = tree.get(actor.orgCode)?.kind === 'AGENCY' ? actor.orgCode : undefined;
    if (!level && assigned.length === 0 && delegated.length === 0 && !opinionOf) return { items: [], total: 0, page, pageSize };
    const { items, total } = await this.nominations.list(
      { status: 'IN_REVIEW', waitingFor: { level, unitCodes: tree.unitsUnder(actor.orgCode), assigned, delegated, opinionOf } },
      page,
      pageSize,
      [{ dueAt: 'asc' }, { createdAt: 'asc' }],
    );
    return { items: items.map((n) => this.present(actor, n, tree)), total, page, pageSize };
  }

  /**
   * The levels a deputy decides today, in their delegators' units: by the same rule as a deputy's decision
   * (the deputy still staff there, the delegator still its reviewer at that level).
   */
  private async delegatedLevels(actor: Actor, tree: OrgTree): Promise<{ level: Level; unitCodes: string[] }[]> {
    const delegations = (await this.delegations.inForce(actor.username, hanoiDay(new Date()))).filter((d) => isStaffOf(actor, d.orgCode));
    const found = await Promise.all(
      delegations.map(async (d) => {
        const delegator = await this.orgs.findUser(d.delegator);
        const stillReviews = delegator?.role === 'REVIEWER' && delegator.orgCode === d.orgCode && watchedLevel(delegator, tree) === d.level;
        return stillReviews ? { level: d.level, unitCodes: tree.unitsUnder(d.orgCode) } : null;
      }),
    );
    return found.filter((d) => d !== null);
  }

  async decide(actor: Actor, id: string, input: DecisionInput): Promise<NominationView> {
    const record = await this.nominations.findById(id);
    if (!record) throw ApiError.notFound();
    const tree = await this.orgs.tree();
    const onBehalfOf = await this.authority(actor, record, input.level, tree);
    const documents = documentsInFront(record);
    const command = { ...input, requestId: input.requestId ?? randomUUID(), reviewer: actor.username, onBehalfOf, ...(documents.length > 0 && { documents }) };
    await this.commands.send(record.workflowId, decideUpdate, actor.username, command, () => precheck(record, (s) => checkDecide(s, input)));
    return this.reread(actor, id);
  }

  /**
   * Whether the actor may decide `level` of this nomination: as its reviewer (null), or as the
   * deputy of a reviewer who delegated it for today (that reviewer's username).
   */
  private async authority(actor: Actor, record: NominationRecord, level: Level, tree: OrgTree): Promise<string | null> {
    if (reviewsLevel(actor, level, record, tree)) return null;
    if ((await this.nominations.assignment(record.id, level))?.reviewer === actor.username) return null;
    const delegations = await this.delegatedToday(actor, record, tree);
    const delegation = delegations.find((d) => d.level === level);
    if (delegation) return delegation.delegator;
    if (!canSee(actor, record, tree) && actor.role !== 'REVIEWER' && delegations.length === 0) throw ApiError.notFound();
    throw ApiError.forbidden(`${actor.username} does not review level ${level} of this nomination`);
  }

  /**
   * The delegations in force today that make the actor a deputy on this nomination's route. One counts
   * only while the delegator still reviews that level of it and the deputy is still staff there: a
   * reviewer who moved on, or a deputy who became a clerk, leaves a delegation that grants nothing.
   */
  private async delegatedToday(actor: Actor, record: NominationRecord, tree: OrgTree) {
    const today = hanoiDay(new Date());
    const found = await Promise.all(
      record.route.map(async (level) => {
        const org = tree.reviewingOrg(record.unitCode, level);
        if (!org || !isStaffOf(actor, org.code)) return null;
        const delegation = await this.delegations.activeFor(actor.username, level, org.code, today);
        const delegator = delegation && (await this.orgs.findUser(delegation.delegator));
        return delegator && reviewsLevel(delegator, level, record, tree) ? delegation : null;
      }),
    );
    return found.filter((d) => d !== null);
  }

  async resubmit(actor: Actor, id: string, input: ResubmitInput): Promise<NominationView> {
    const record = await this.ownRecord(actor, id);
    const { documents: documentIds = [], ...rest } = input;
    const command = { ...rest, requestId: input.requestId ?? randomUUID(), actor: actor.username };
    // Documents are attached by the API before the workflow is asked, once per request id: a repeated
    // request finds them attached already and is answered from the request log.
    if (documentIds.length > 0 && !(await this.nominations.findRequest(actor.username, command.requestId))) {
      precheck(record, checkResubmit);
      await this.checkDossier(actor, this.awardOf(record), record.documents, documentIds);
      try {
        await this.documents.attachNow(record.id, actor.username, documentIds);
      } catch (error) {
        if (error instanceof AttachRefused) throw ApiError.from(error.refusal);
        throw error;
      }
    }
    await this.commands.send(record.workflowId, resubmitUpdate, actor.username, command, () => precheck(record, checkResubmit));
    return this.reread(actor, id);
  }

  /**
   * Who may add a document to a nomination under way: the reviewer of its current level (or the
   * reviewer an admin assigned it to, or a deputy for it today), or its unit's clerk while it is returned.
   */
  async checkMayAddDocument(actor: Actor, record: NominationRecord): Promise<void> {
    if (isClerkOf(actor, record.unitCode)) {
      if (record.status !== 'RETURNED') throw new ApiError('INVALID_STATE', 'Đơn vị chỉ bổ sung tài liệu khi hồ sơ bị trả lại');
      return;
    }
    const level = record.status === 'IN_REVIEW' ? record.currentLevel : null;
    if (!level) throw new ApiError('INVALID_STATE', 'Hồ sơ không còn đang được xét');
    const tree = await this.orgs.tree();
    if (reviewsLevel(actor, level, record, tree)) return;
    if ((await this.nominations.assignment(record.id, level))?.reviewer === actor.username) return;
    if ((await this.delegatedToday(actor, record, tree)).some((d) => d.level === level)) return;
    throw ApiError.forbidden(`${actor.username} does not review the current level of this nomination`);
  }

  /** The award as the catalogue version the nomination was judged by defines it. */
  awardOf(record: Pick<NominationRecord, 'awardCode' | 'catalogueVersion' | 'createdAt'>): AwardDefinition {
    const award =
      catalogueVersion(record.catalogueVersion)?.awards.find((a) => a.code === record.awardCode) ?? findAward(record.awardCode, hanoiDay(record.createdAt));
    if (!award) throw new Error(`award ${record.awardCode} is in no catalogue`);
    return award;
  }

  async withdraw(actor: Actor, id: string, input: WithdrawInput): Promise<NominationView> {
    const record = await this.ownRecord(actor, id);
    const command = { ...input, requestId: input.requestId ?? randomUUID(), actor: actor.username };
    await this.commands.send(record.workflowId, withdrawUpdate, actor.username, command, () => precheck(record, checkWithdraw));
    return this.reread(actor, id);
  }

  async visible(actor: Actor, id: string): Promise<NominationRecord> {
    const record = await this.nominations.findById(id);
    if (!record) throw ApiError.notFound();
    const tree = await this.orgs.tree();
    if (canSee(actor, record, tree) || (await this.nominations.isAssignee(id, actor.username))) return record;
    // A consulted agency sees the dossier it is asked about.
    if (record.opinions.some((o) => o.agency === actor.orgCode)) return record;
    if ((await this.delegatedToday(actor, record, tree)).length === 0) throw ApiError.notFound();
    return record;
  }

  private async ownRecord(actor: Actor, id: string): Promise<NominationRecord> {
    const record = await this.visible(actor, id);
    if (!isClerkOf(actor, record.unitCode)) throw ApiError.forbidden('Only the submitting unit’s clerk may do this');
    return record;
  }

  /** The nomination after a command the caller was already allowed to send: the row the command committed. */
  async reread(actor: Actor, id: string): Promise<NominationView> {
    const record = await this.nominations.findById(id);
    if (!record) throw ApiError.notFound();
    return this.view(actor, record);
  }

  async view(actor: Actor, record: NominationRecord): Promise<NominationView> {
    return this.present(actor, record, await this.orgs.tree());
  }

  private present(actor: Actor, record: NominationRecord, tree: OrgTree): NominationView {
    return nominationView(record, this.config, seesHoldReasons(actor, record, tree), this.awardOf(record).requiredDocuments);
  }
}

/** What a reviewer or a council has in front of them as they decide: the workflow and the decision row keep ids and hashes. */
export function documentsInFront(record: NominationRecord): DocumentRef[] {
  return record.documents.filter((d) => d.current).map((d) => ({ id: d.id, sha256: d.sha256 }));
}

/** Fails fast on what the row already shows; the workflow re-checks against its own state. */
export function precheck(record: NominationRecord, check: (s: NominationState) => ReturnType<typeof checkDecide>): void {
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
