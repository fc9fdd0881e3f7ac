// Not re-exported by @temporalio/workflow in 1.24; the class is the same one the SDK throws.
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import { ParentClosePolicy, WorkflowIdReusePolicy, proxyActivities, startChild, workflowInfo } from '@temporalio/workflow';
import type { CampaignLaunchActivities } from '../activities/campaign-launch.activities';
import type { CampaignKind } from '../libs/campaigns/campaign-templates';
import { campaignWorkflowId } from '../libs/domain/campaign-messages';
import { hanoiDay } from '../libs/domain/hanoi-time';
import { campaignWorkflow } from './campaign.workflow';

const { ensureCampaign } = proxyActivities<CampaignLaunchActivities>({
  startToCloseTimeout: '1 minute',
  // Unbounded for the same reason as the campaign's own steps: the year's campaign must be created,
  // creating it twice is a no-op, and a launch that keeps failing shows in the stuck view.
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

/**
 * The schedules' action: creates the year's campaign of a kind and starts its workflow. Running it
 * again in the same year (a second trigger, a retry) finds both already there and does nothing.
 */
export async function campaignLauncherWorkflow({ kind }: { kind: CampaignKind }): Promise<string> {
  const launchedAt = new Date();
  const year = Number(hanoiDay(launchedAt).slice(0, 4));
  const input = await ensureCampaign({ kind, year, launchedAt: launchedAt.toISOString() });
  try {
    await startChild(campaignWorkflow, {
      workflowId: campaignWorkflowId(input.code),
      args: [input],
      taskQueue: workflowInfo().taskQueue,
      // The campaign lives for a year; the launcher is done once it has started.
      parentClosePolicy: ParentClosePolicy.ABANDON,
      workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
      staticSummary: `Đợt thi đua ${input.code}`,
    });
  } catch (error) {
    if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
  }
  return input.code;
}
