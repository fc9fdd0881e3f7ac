import type { INestApplicationContext } from '@nestjs/common';
import { Client } from '@temporalio/client';
import { NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import type { Logger } from 'pino';
import { createNominationActivities } from '../../activities/nomination.activities';
import { createCampaignActivities } from '../../activities/campaign.activities';
import { createCampaignLaunchActivities } from '../../activities/campaign-launch.activities';
import { createReviewRuleActivities } from '../../activities/review-rules.activities';
import { createBulkDeadlineActivities } from '../../activities/bulk-deadline.activities';
import { workerDataConverter } from '../../libs/codec/data-converter';
import { CampaignResultService } from '../../libs/campaigns/campaign-result.service';
import { CampaignRepository } from '../../libs/db/campaign.repository';
import { CalendarService } from '../../libs/calendar/calendar.service';
import { APP_CONFIG, deadlineRulesFrom, type AppConfig } from '../../libs/config/config';
import { temporalConnectionOptions } from '../../libs/config/temporal-connection';
import { ActivityFailureRepository } from '../../libs/db/activity-failure.repository';
import { BallotRepository } from '../../libs/db/ballot.repository';
import { OrgRepository } from '../../libs/db/org.repository';
import { QuotaRepository } from '../../libs/db/quota.repository';
import { NominationRepository } from '../../libs/db/nomination.repository';
import { StuckRepository } from '../../libs/db/stuck.repository';
import { createLogger } from '../../libs/logging/logger';
import { MailerService } from '../../libs/mail/mailer.service';
import { activityFailureTracking } from './activity-failures.interceptor';
import { activityLogging } from './logging.interceptor';
import { workerTracing } from './tracing';
import { builtWorkflowBundle } from './workflow-bundle';
import { interceptorModules } from './workflow-interceptor-modules';
import { PRELOADED_WORKFLOW_MODULES } from './preloaded-workflow-modules';

export interface NominationWorkerOptions {
  /**
   * A prebuilt bundle (tests build one per run); without it the one `npm run build` wrote (dist/workflow-bundle.js,
   * or dist/workflow-bundle.traced.js when tracing), and without that the worker bundles `workflows/` itself.
   */
  workflowBundle?: WorkerOptions['workflowBundle'];
  connection?: NativeConnection;
  /** Where the activity and codec log lines go; by default JSON on stdout at the configured level. */
  logger?: Logger;
}

export async function createNominationWorker(context: INestApplicationContext, options: NominationWorkerOptions = {}) {
  const config = context.get<AppConfig>(APP_CONFIG);
  const connection = options.connection ?? (await NativeConnection.connect(temporalConnectionOptions(config)));
  const nominations = context.get(NominationRepository);
  const logger = options.logger ?? createLogger(config, 'worker');
  const dataConverter = workerDataConverter(config.PAYLOAD_KEYS, (reason, workflowId) =>
    logger.warn({ workflowId, reason }, 'payload refused: it does not decrypt'),
  );
  const activities = {
    ...createNominationActivities({ nominations }),
    ...createReviewRuleActivities({
      nominations,
      campaigns: context.get(CampaignRepository),
      orgs: context.get(OrgRepository),
      calendar: context.get(CalendarService),
      ballots: context.get(BallotRepository),
      quotas: context.get(QuotaRepository),
      rules: deadlineRulesFrom(config),
    }),
    ...createCampaignActivities({
      campaigns: context.get(CampaignRepository),
      results: context.get(CampaignResultService),
      mailer: context.get(MailerService),
    }),
    ...createCampaignLaunchActivities({ campaigns: context.get(CampaignRepository), config }),
    ...createBulkDeadlineActivities({
      rows: context.get(StuckRepository),
      temporal: new Client({ connection, namespace: config.TEMPORAL_NAMESPACE, dataConverter }),
    }),
  };
  const tracing = workerTracing(config);
  const builtBundle = builtWorkflowBundle(tracing.traced);
  const workflowBundle = options.workflowBundle ?? (builtBundle ? { codePath: builtBundle } : undefined);
  const worker = await Worker.create({
    connection,
    namespace: config.TEMPORAL_NAMESPACE,
    taskQueue: config.TEMPORAL_TASK_QUEUE,
    activities,
    // Encrypts what the workflows write and decrypts what they read; unencrypted payloads of older runs pass through, marked unsealed.
    dataConverter,
    // Bounds the worker's memory whatever the number of open nominations; an evicted workflow replays on its next task.
    maxCachedWorkflows: config.WORKER_MAX_CACHED_WORKFLOWS,
    ...(workflowBundle
      ? { workflowBundle }
      : { workflowsPath: require.resolve('../../workflows'), bundlerOptions: { preloadModules: PRELOADED_WORKFLOW_MODULES } }),
    // Below the container's stop timeout, so a stopping worker cancels its last activities itself rather than being killed.
    shutdownGraceTime: config.WORKER_SHUTDOWN_GRACE_TIME,
    sinks: tracing.sinks,
    interceptors: {
      activity: [
        ...tracing.activityInterceptors,
        activityLogging(logger),
        activityFailureTracking(context.get(ActivityFailureRepository), config.ACTIVITY_RETRY_ALERT_ATTEMPTS, logger),
      ],
      // A prebuilt bundle has its workflow interceptors built in (the SDK ignores these with one, and warns).
      ...(!workflowBundle && { workflowModules: interceptorModules(tracing.traced) }),
    },
  });
  return { worker, connection, tracing };
}
