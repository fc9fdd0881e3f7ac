import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { APP_CONFIG, deadlineRulesFrom, type AppConfig } from '../../../libs/config/config';
import { CalendarService } from '../../../libs/calendar/calendar.service';
import type { Prisma } from '../../../libs/db/generated/client';
import { CampaignRepository } from '../../../libs/db/campaign.repository';
import { AttachRefused, DocumentRepository } from '../../../libs/db/document.repository';
import { NominationRepository, isUniqueViolation, type NominationRecord } from '../../../libs/db/nomination.repository';
import { OrgRepository } from '../../../libs/db/org.repository';
import { isClerkOf, type Actor } from '../../../libs/domain/access-policy';
import { catalogueAt } from '../../../libs/domain/award-catalogue';
import { routeFor } from '../../../libs/domain/award-route';
import { commandFingerprint, requestIdReused, type CommandRef } from '../../../libs/domain/command-fingerprint';
import { hanoiDay } from '../../../libs/domain/hanoi-time';
import { submit } from '../../../libs/domain/nomination-machine';
import { nominationWorkflowId } from '../../../libs/domain/nomination-messages';
import { plannerFor } from '../../../libs/domain/nomination-planner';
import type { SubmitNominationInput } from '../../../libs/domain/schemas';
import { EligibilityService } from '../../../libs/eligibility/eligibility.service';
import { ApiError } from '../common/api-error';
import { NominationWorkflows } from '../temporal/nomination-workflows';
import { DossierCheck } from './dossier-check';
import { NominationReader } from './nomination-reader';
import type { NominationView } from './nomination.view';

/** A unit's submission: checked against the catalogue, the campaign, eligibility and the dossier, written, then its workflow started. */
@Injectable()
export class SubmissionService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly workflows: NominationWorkflows,
    private readonly nominations: NominationRepository,
    private readonly calendar: CalendarService,
    private readonly eligibility: EligibilityService,
    private readonly campaigns: CampaignRepository,
    private readonly documents: DocumentRepository,
    private readonly dossier: DossierCheck,
    private readonly reader: NominationReader,
    private readonly orgs: OrgRepository,
  ) {}

  async submit(actor: Actor, input: SubmitNominationInput): Promise<NominationView> {
    const unitCode = input.unitCode ?? actor.orgCode;
    if (!isClerkOf(actor, unitCode)) throw ApiError.forbidden(`${actor.username} may submit only for unit ${actor.orgCode}`);
    const requestId = input.requestId ?? randomUUID();
    const request = { actor: actor.username, requestId, fingerprint: commandFingerprint('submit', { ...input, unitCode }), operation: 'submit' };

    const existing = await this.nominations.findByRequest(actor.username, requestId);
    if (existing) return this.started(actor, await this.sameRequest(request, existing));

    const now = new Date();
    // A nomination is judged by the catalogue version in force on the day it is submitted.
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
    const campaign = input.campaignId ? await this.campaignAccepting(input.campaignId, award.code) : null;
    const basis = input.basis ?? 'REGULAR';
    const eligibility = await this.eligibility.evaluate({ ...input, unitCode, basis });
    if (!eligibility.passed) {
      throw new ApiError(
        'NOT_ELIGIBLE',
        'Người được đề nghị chưa đủ điều kiện',
        eligibility.criteria.filter((c) => c.status === 'NOT_MET').map((c) => ({ path: c.code, message: c.message })),
      );
    }
    const uploads = await this.dossier.check(actor, award, [], input.documents ?? []);

    const id = randomUUID();
    const route = routeFor(award, (await this.orgs.activeTree()).get(unitCode)?.kind);
    const planner = plannerFor(
      { catalogueVersion: catalogue.version, createdAt: now },
      { calendar: await this.calendar.calendar(), rules: deadlineRulesFrom(this.config), campaign },
    );
    // The row starts from the same pure step the workflow takes, so both agree from the first instant.
    const { state } = submit(id, route, now, { levelDue: (level) => planner.level(level, now).dueAt, returnDeadline: () => null });
    const data = {
      id,
      awardCode: award.code,
      catalogueVersion: catalogue.version,
      basis,
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
      const attach = (tx: Prisma.TransactionClient) => this.documents.attachToNew(tx, id, uploads, now);
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

  /** A submission's request id sent again: the same nomination, unless it now names another one (422). */
  private async sameRequest(request: CommandRef, existing: NominationRecord): Promise<NominationRecord> {
    const logged = await this.nominations.findRequest(request.actor, request.requestId);
    // Nominations submitted before the request log have no entry: their request id keeps its old meaning.
    if (logged && logged.fingerprint !== request.fingerprint) {
      throw ApiError.from(requestIdReused(logged.operation));
    }
    return existing;
  }

  /**
   * What the campaign says of the form of the request comes before the rules on the nominee (the window
   * is checked again at insert); its own level time limits then count the first deadline.
   */
  private async campaignAccepting(campaignId: string, awardCode: string) {
    const campaign = /^[0-9a-f-]{36}$/i.test(campaignId) ? await this.campaigns.findById(campaignId) : null;
    if (!campaign) throw new ApiError('VALIDATION_FAILED', 'Unknown campaign', [{ path: 'campaignId', message: 'no such campaign' }]);
    if (!campaign.awardCodes.includes(awardCode)) {
      throw new ApiError('VALIDATION_FAILED', 'The campaign does not accept this award', [
        { path: 'awardCode', message: `accepted: ${campaign.awardCodes.join(', ')}` },
      ]);
    }
    return campaign;
  }

  /** Calling it again for a row whose start was interrupted (a crash between insert and start) completes the submission. */
  private async started(actor: Actor, record: NominationRecord): Promise<NominationView> {
    await this.workflows.ensureStarted(record);
    return this.reader.view(actor, record);
  }
}
