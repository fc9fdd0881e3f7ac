import type { CampaignRepository } from '../libs/db/campaign.repository';
import type { CampaignResultService } from '../libs/campaigns/campaign-result.service';
import type { MailerService } from '../libs/mail/mailer.service';

export interface CampaignActivityDeps {
  campaigns: CampaignRepository;
  results: CampaignResultService;
  mailer: MailerService;
}

const dayVi = (d: Date) => d.toLocaleDateString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' });

/** The campaign workflow's reads and writes; each safe to run twice (state guards, deduplicated notifications). */
export function createCampaignActivities({ campaigns, results, mailer }: CampaignActivityDeps) {
  const campaignOf = async (campaignId: string) => {
    const campaign = await campaigns.findById(campaignId);
    if (!campaign) throw new Error(`campaign ${campaignId} not found`);
    return campaign;
  };
  const tellClerks = async (unitCodes: string[], kind: string, title: string, body: string) => {
    for (const clerk of await campaigns.notifyClerks(unitCodes, kind, title, body)) {
      await mailer.send({ to: clerk.email, subject: title, text: body });
    }
  };

  return {
    async loadCampaign({ campaignId }: { campaignId: string }) {
      const c = await campaignOf(campaignId);
      return { status: c.status, opensAt: c.opensAt.toISOString(), closesAt: c.closesAt.toISOString(), decisionDeadline: c.decisionDeadline.toISOString() };
    },

    async openCampaign({ campaignId }: { campaignId: string }): Promise<void> {
      await campaigns.open(campaignId);
      const c = await campaignOf(campaignId);
      await tellClerks(
        await campaigns.unitCodes(),
        'CAMPAIGN_OPENED',
        `Phát động ${c.name}`,
        `${c.name} (${c.code}) đã bắt đầu nhận hồ sơ đề nghị khen thưởng. Hạn nộp: ${dayVi(c.closesAt)}.`,
      );
    },

    async remindUnits({ campaignId }: { campaignId: string }): Promise<void> {
      const c = await campaignOf(campaignId);
      await tellClerks(
        await campaigns.unitsWithoutSubmissions(campaignId),
        'CAMPAIGN_REMINDER',
        `Nhắc nộp hồ sơ: ${c.name}`,
        `Đơn vị chưa nộp hồ sơ nào cho ${c.name}. Hạn nộp: ${dayVi(c.closesAt)}.`,
      );
    },

    async closeCampaign({ campaignId }: { campaignId: string }): Promise<void> {
      await campaigns.close(campaignId);
    },

    async campaignProgress({ campaignId }: { campaignId: string }) {
      const c = await campaignOf(campaignId);
      return { open: await campaigns.openNominations(campaignId), decisionDeadline: c.decisionDeadline.toISOString() };
    },

    async finishCampaign({ campaignId }: { campaignId: string }): Promise<void> {
      await campaigns.finish(campaignId, JSON.parse(JSON.stringify(await results.compute(campaignId))));
    },
  };
}

export type CampaignActivities = ReturnType<typeof createCampaignActivities>;
