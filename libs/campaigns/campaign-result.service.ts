import { Injectable } from '@nestjs/common';
import { BaseSalaryRepository } from '../db/base-salary.repository';
import { CampaignRepository } from '../db/campaign.repository';
import { hanoiDay } from '../domain/hanoi-time';
import { OrgRepository } from '../db/org.repository';
import { isFinal } from '../domain/nomination-status';
import { computeCampaignResult, type CampaignNomination, type CampaignResult } from './campaign-result';

/** The campaign's draft decisions from its nominations as the database holds them now. */
@Injectable()
export class CampaignResultService {
  constructor(
    private readonly campaigns: CampaignRepository,
    private readonly baseSalaries: BaseSalaryRepository,
    private readonly orgs: OrgRepository,
  ) {}

  async compute(campaignId: string): Promise<CampaignResult> {
    const campaign = await this.campaigns.findById(campaignId);
    if (!campaign) throw new Error(`campaign ${campaignId} not found`);
    const [tree, nominations, baseSalaries] = await Promise.all([this.orgs.tree(), this.campaigns.nominationsOf(campaignId), this.baseSalaries.list()]);
    const toItem = (n: (typeof nominations)[number]): CampaignNomination => ({
      nominationId: n.id,
      nominee: n.nominee as CampaignNomination['nominee'],
      unitCode: n.unitCode,
      unitName: tree.nameOf(n.unitCode),
      awardCode: n.awardCode,
      catalogueVersion: n.catalogueVersion,
      // The final approval is the decision; a row without one (repaired by hand) was decided when last written.
      decidedOn: hanoiDay(n.decisions[0]?.decidedAt ?? n.updatedAt),
      ...(n.externalDecisionRef &&
        n.externalDecidedOn && {
          externalDecision: { decisionRef: n.externalDecisionRef, decidedOn: n.externalDecidedOn, outcome: n.status === 'APPROVED' ? 'APPROVED' : 'REJECTED' },
        }),
    });
    // A forwarded award the central level turned down stays in the result as a proposal not granted.
    const decided = (n: (typeof nominations)[number]) =>
      n.status === 'APPROVED' || n.status === 'FORWARDED' || (n.status === 'REJECTED' && n.externalDecisionRef !== null);
    return computeCampaignResult({
      campaign: { code: campaign.code, name: campaign.name, year: campaign.year },
      approved: nominations.filter(decided).map(toItem),
      pending: nominations.filter((n) => !isFinal(n.status)).map(toItem),
      baseSalaries,
    });
  }
}
