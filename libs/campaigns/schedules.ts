import { ScheduleAlreadyRunning, ScheduleOverlapPolicy, type Client, type ScheduleOptions, type ScheduleOptionsStartWorkflowAction } from '@temporalio/client';
import type { campaignLauncherWorkflow } from '../../workflows/campaign-launcher.workflow';
import type { AppConfig } from '../config/config';
import type { CampaignKind } from './campaign-templates';

/** Every schedule of ours starts with it, so the admin list leaves other tenants' schedules alone. */
export const SCHEDULE_ID_PREFIX = 'tdkt-';
export const SCHEDULE_TIME_ZONE = 'Asia/Ho_Chi_Minh';

type ScheduleConfig = Pick<AppConfig, 'SCHEDULE_REGULAR' | 'SCHEDULE_THEMED' | 'TEMPORAL_TASK_QUEUE'>;
type CampaignSchedule = ScheduleOptions<ScheduleOptionsStartWorkflowAction<typeof campaignLauncherWorkflow>>;

const scheduleOf = (kind: CampaignKind, cron: string, config: ScheduleConfig): CampaignSchedule => ({
  scheduleId: `${SCHEDULE_ID_PREFIX}campaign-${kind.toLowerCase()}`,
  spec: { cronExpressions: [cron], timezone: SCHEDULE_TIME_ZONE },
  action: {
    type: 'startWorkflow',
    workflowType: 'campaignLauncherWorkflow',
    workflowId: `campaign-launcher-${kind}`,
    taskQueue: config.TEMPORAL_TASK_QUEUE,
    args: [{ kind }],
  },
  // A launch still running (the worker down on 2 January) is not doubled by the next one.
  policies: { overlap: ScheduleOverlapPolicy.SKIP },
});

/** The campaigns' schedules as configured: the regular yearly launch and the themed one. */
export function campaignSchedules(config: ScheduleConfig): CampaignSchedule[] {
  return [scheduleOf('REGULAR', config.SCHEDULE_REGULAR, config), scheduleOf('THEMED', config.SCHEDULE_THEMED, config)];
}

/**
 * Creates the configured schedules, or brings existing ones to the configured spec and action; run at
 * every worker start, so it must be idempotent. An admin's pause survives it.
 */
export async function syncSchedules(client: Client, config: ScheduleConfig): Promise<{ scheduleId: string; outcome: 'created' | 'updated' }[]> {
  const outcomes: { scheduleId: string; outcome: 'created' | 'updated' }[] = [];
  for (const { scheduleId, ...options } of campaignSchedules(config)) {
    try {
      await client.schedule.create({ scheduleId, ...options });
      outcomes.push({ scheduleId, outcome: 'created' });
    } catch (error) {
      if (!(error instanceof ScheduleAlreadyRunning)) throw error;
      await client.schedule.getHandle(scheduleId).update((previous) => ({
        ...options,
        state: { paused: previous.state.paused, note: previous.state.note, remainingActions: previous.state.remainingActions },
      }));
      outcomes.push({ scheduleId, outcome: 'updated' });
    }
  }
  return outcomes;
}
