import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { CampaignRepository } from '../db/campaign.repository';
import { OrgRepository } from '../db/org.repository';
import { isFinal } from '../domain/nomination-status';
import { computeCampaignResult, type CampaignNomination, type CampaignResult } from './campaign-result';

/** The campaign's draft decisions from its nominations as the database holds them now. */
@Injectable()
export class CampaignResultService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly campaigns: CampaignRepository,
    private readonly orgs: OrgRepository,
  ) {}

  async compute(campaignId: string): Promise<CampaignResult> {
    const campaign = await this.campaigns.findById(campaignId);
    if (!campaign) throw new Error(`campaign ${campaignId} not found`);
    const [tree, nominations] = await Promise.all([this.orgs.tree(), this.campaigns.nominationsOf(campaignId)]);
    const toItem = (n: (typeof nominations)[number]): CampaignNomination => ({
      nominationId: n.id,
      nominee: n.nominee as CampaignNomination['nominee'],
      unitCode: n.unitCode,
      unitName: tree.get(n.unitCode)?.name ?? n.unitCode,
      awardCode: n.awardCode,
    });
    return computeCampaignResult({
      campaign: { code: campaign.code, name: campaign.name, year: campaign.year },
      approved: nominations.filter((n) => n.status === 'APPROVED' || n.status === 'FORWARDED').map(toItem),
      pending: nominations.filter((n) => !isFinal(n.status)).map(toItem),
      baseSalary: this.config.BASE_SALARY_VND,
    });
  }
}
