import { continueAsNew, proxyActivities, sleep, workflowInfo } from '@temporalio/workflow';
import type { CampaignActivities } from '../activities/campaign.activities';
import type { CampaignWorkflowInput } from '../libs/domain/campaign-messages';

const { loadCampaign, openCampaign, remindUnits, closeCampaign, campaignProgress, finishCampaign } = proxyActivities<CampaignActivities>({
  startToCloseTimeout: '2 minutes',
  // Unbounded on purpose: a campaign's opening, closing and result must happen, and giving up would
  // drop them unseen. Each step is idempotent, and one that keeps failing is listed in the admins'
  // stuck view (ACTIVITY_RETRYING, from the worker's record of failing activities) until fixed.
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

/** Far below the 51,200-event hard limit: a long wait for the last decisions starts a fresh run. */
const HISTORY_BUDGET = 2_000;

const sleepUntil = async (iso: string) => {
  const ms = Date.parse(iso) - Date.now();
  if (ms > 0) await sleep(ms);
};

/**
 * One per campaign (`campaign-<code>`): opens the window (the units' clerks are told), reminds units
 * that have not submitted, closes it, waits until every nomination is final or the decision deadline
 * passes, then draws up the result. It never hears of nominations one by one: it reads their progress
 * from the database, so its history stays small however many there are.
 */
export async function campaignWorkflow(input: CampaignWorkflowInput): Promise<string> {
  let campaign = await loadCampaign({ campaignId: input.campaignId });
  if (campaign.status === 'SCHEDULED') {
    await sleepUntil(campaign.opensAt);
    await openCampaign({ campaignId: input.campaignId });
    campaign = await loadCampaign({ campaignId: input.campaignId });
  }
  if (campaign.status === 'OPEN') {
    const remindAt = new Date(Date.parse(campaign.closesAt) - input.remindBeforeCloseMs).toISOString();
    if (Date.parse(remindAt) > Date.now()) {
      await sleepUntil(remindAt);
      await remindUnits({ campaignId: input.campaignId });
    }
    await sleepUntil(campaign.closesAt);
    await closeCampaign({ campaignId: input.campaignId });
  }
  if (campaign.status !== 'FINISHED') {
    for (;;) {
      const progress = await campaignProgress({ campaignId: input.campaignId });
      const left = Date.parse(progress.decisionDeadline) - Date.now();
      if (progress.open === 0 || left <= 0) break;
      if (workflowInfo().historyLength > HISTORY_BUDGET) await continueAsNew<typeof campaignWorkflow>(input);
      await sleep(Math.min(input.pollIntervalMs, left));
    }
    await finishCampaign({ campaignId: input.campaignId });
  }
  return input.code;
}
