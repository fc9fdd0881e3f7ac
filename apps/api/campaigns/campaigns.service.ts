import { Inject, Injectable } from '@nestjs/common';
import { type Client } from '@temporalio/client';
import { APP_CONFIG, type AppConfig } from '../../../libs/config/config';
import { CampaignResultService } from '../../../libs/campaigns/campaign-result.service';
import { scopeCampaignResult, type CampaignResult } from '../../../libs/campaigns/campaign-result';
import { AwardDecisionRepository } from '../../../libs/db/award-decision.repository';
import { CampaignRepository } from '../../../libs/db/campaign.repository';
import { isUniqueViolation } from '../../../libs/db/nomination.repository';
import { OrgRepository } from '../../../libs/db/org.repository';
import { canSee, visibleScopes, type Actor } from '../../../libs/domain/access-policy';
import { API_MESSAGES } from '../../../libs/domain/api-messages';
import { campaignWorkflowId, type CampaignWorkflowInput } from '../../../libs/domain/campaign-messages';
import type { CreateCampaignInput } from '../../../libs/domain/campaign-schemas';
import { ApiError } from '../common/api-error';
import { temporalUiUrl } from '../temporal/temporal-ui-url';
import { TEMPORAL_CLIENT } from '../temporal/temporal.module';
import { campaignWorkflow } from '../../../workflows';

const DAY_MS = 86_400_000;

@Injectable()
export class CampaignsService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    private readonly campaigns: CampaignRepository,
    private readonly results: CampaignResultService,
    private readonly orgs: OrgRepository,
    private readonly awardDecisions: AwardDecisionRepository,
  ) {}

  /** Creates the campaign and its workflow; creating one whose code exists returns that one. */
  async create(actor: Actor, input: CreateCampaignInput) {
    let campaign;
    try {
      campaign = await this.campaigns.create({
        code: input.code,
        name: input.name,
        year: input.year,
        kind: input.kind,
        awardCodes: input.awardCodes,
        opensAt: input.opensAt,
        closesAt: input.closesAt,
        decisionDeadline: input.decisionDeadline ?? new Date(input.closesAt.getTime() + 60 * DAY_MS),
        levelDeadlines: input.levelDeadlines ?? {},
        workflowId: campaignWorkflowId(input.code),
        createdBy: actor.username,
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      throw new ApiError('INVALID_STATE', API_MESSAGES.campaign.codeTaken(input.code), [{ path: 'code', message: API_MESSAGES.campaign.codeTakenDetail }]);
    }
    await this.start(campaign.id, campaign.code);
    return this.view(actor, campaign.id);
  }

  /** Starts the campaign's workflow unless it runs or ran. */
  async start(campaignId: string, code: string): Promise<void> {
    const input: CampaignWorkflowInput = {
      campaignId,
      code,
      remindBeforeCloseMs: this.config.CAMPAIGN_REMINDER_BEFORE_CLOSE,
      pollIntervalMs: this.config.CAMPAIGN_POLL_INTERVAL,
    };
    try {
      await this.temporal.workflow.start(campaignWorkflow, {
        workflowId: campaignWorkflowId(code),
        taskQueue: this.config.TEMPORAL_TASK_QUEUE,
        args: [input],
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
        staticSummary: `Đợt thi đua ${code}`,
      });
    } catch (error) {
      if ((error as Error).name !== 'WorkflowExecutionAlreadyStartedError') throw error;
    }
  }

  async list(actor: Actor) {
    return Promise.all((await this.campaigns.list()).map((c) => this.view(actor, c.id)));
  }

  /** The campaign itself is public to every signed-in user; its counts cover only the nominations the caller may see. */
  async view(actor: Actor, id: string) {
    const c = await this.campaigns.findById(id);
    if (!c) throw ApiError.notFound('campaign');
    const scopes = visibleScopes(actor, await this.orgs.tree()) ?? undefined;
    return {
      id: c.id,
      code: c.code,
      name: c.name,
      year: c.year,
      kind: c.kind,
      awardCodes: c.awardCodes,
      opensAt: c.opensAt.toISOString(),
      closesAt: c.closesAt.toISOString(),
      decisionDeadline: c.decisionDeadline.toISOString(),
      levelDeadlines: c.levelDeadlines,
      status: c.status,
      closedAt: c.closedAt?.toISOString() ?? null,
      workflowId: c.workflowId,
      temporalUiUrl: temporalUiUrl(this.config, c.workflowId),
      counts: await this.campaigns.counts(c.id, scopes),
      createdAt: c.createdAt.toISOString(),
    };
  }

  /**
   * The stored result once the campaign finished; before that, a live draft. An admin gets all of it;
   * anyone else the nominations they may see under the usual rules, as for a single nomination.
   */
  async result(actor: Actor, id: string): Promise<{ campaign: { code: string; name: string; year: number }; result: CampaignResult }> {
    const c = await this.campaigns.findById(id);
    if (!c) throw ApiError.notFound('campaign');
    const stored = c.status === 'FINISHED' && c.result ? (c.result as unknown as CampaignResult) : null;
    // The city's decisions are frozen once the campaign finished; the central level decides its proposals
    // later, so they are always read as they stand now.
    const result = stored ? { ...stored, proposals: (await this.results.compute(id)).proposals } : await this.results.compute(id);
    return { campaign: { code: c.code, name: c.name, year: c.year }, result: await this.scoped(actor, id, result) };
  }

  /** The result, with the award decisions issued from it (quyết định khen thưởng): those listing any of its awardees. */
  async resultWithDecisions(actor: Actor, id: string) {
    const { result } = await this.result(actor, id);
    const awardees = result.decisions.flatMap((d) => d.items.map((i) => i.nominationId));
    const issued = awardees.length === 0 ? [] : await this.awardDecisions.issuedFrom(awardees);
    const listed = new Set(awardees);
    const awardDecisions = issued.map(({ nominationIds, issuedAt, ...d }) => ({
      ...d,
      issuedAt: issuedAt?.toISOString() ?? null,
      awardees: nominationIds.filter((n) => listed.has(n)).length,
    }));
    return { ...result, awardDecisions };
  }

  private async scoped(actor: Actor, campaignId: string, result: CampaignResult): Promise<CampaignResult> {
    if (actor.role === 'ADMIN') return result;
    const [tree, reach] = await Promise.all([this.orgs.tree(), this.campaigns.reachOf(campaignId)]);
    const visible = new Set(reach.filter((n) => canSee(actor, n, tree)).map((n) => n.id));
    return scopeCampaignResult(result, (item) => visible.has(item.nominationId));
  }
}
