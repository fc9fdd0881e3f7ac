import type { AppConfig } from '../libs/config/config';
import { campaignTemplate, type CampaignKind } from '../libs/campaigns/campaign-templates';
import type { CampaignRepository } from '../libs/db/campaign.repository';
import { isUniqueViolation } from '../libs/db/nomination.repository';
import { campaignWorkflowId, type CampaignWorkflowInput } from '../libs/domain/campaign-messages';

export interface CampaignLaunchActivityDeps {
  campaigns: CampaignRepository;
  config: Pick<AppConfig, 'CAMPAIGN_REMINDER_BEFORE_CLOSE' | 'CAMPAIGN_POLL_INTERVAL'>;
}

/** What the schedules' launcher needs written: the year's campaign row, once however often it runs. */
export function createCampaignLaunchActivities({ campaigns, config }: CampaignLaunchActivityDeps) {
  const findOrCreate = async (kind: CampaignKind, year: number, launchedAt: Date) => {
    const template = campaignTemplate(kind, year, launchedAt);
    const existing = await campaigns.findByCode(template.code);
    if (existing) return existing;
    try {
      return await campaigns.create({ ...template, levelDeadlines: {}, workflowId: campaignWorkflowId(template.code), createdBy: 'schedule' });
    } catch (error) {
      // A launch racing this one (a manual trigger, a retry) inserted it first: theirs is the campaign.
      if (!isUniqueViolation(error)) throw error;
      const winner = await campaigns.findByCode(template.code);
      if (!winner) throw error;
      return winner;
    }
  };

  return {
    async ensureCampaign({ kind, year, launchedAt }: { kind: CampaignKind; year: number; launchedAt: string }): Promise<CampaignWorkflowInput> {
      const campaign = await findOrCreate(kind, year, new Date(launchedAt));
      return {
        campaignId: campaign.id,
        code: campaign.code,
        remindBeforeCloseMs: config.CAMPAIGN_REMINDER_BEFORE_CLOSE,
        pollIntervalMs: config.CAMPAIGN_POLL_INTERVAL,
      };
    },
  };
}

export type CampaignLaunchActivities = ReturnType<typeof createCampaignLaunchActivities>;
