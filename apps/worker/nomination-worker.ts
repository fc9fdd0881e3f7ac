import type { INestApplicationContext } from '@nestjs/common';
import { NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import { createNominationActivities } from '../../activities/nomination.activities';
import { createReviewRuleActivities } from '../../activities/review-rules.activities';
import { CalendarService } from '../../libs/calendar/calendar.service';
import { APP_CONFIG, deadlineRulesFrom, type AppConfig } from '../../libs/config/config';
import { BallotRepository } from '../../libs/db/ballot.repository';
import { OrgRepository } from '../../libs/db/org.repository';
import { QuotaRepository } from '../../libs/db/quota.repository';
import { NominationRepository } from '../../libs/db/nomination.repository';
import { NotificationRepository } from '../../libs/db/notification.repository';
import { MailerService } from '../../libs/mail/mailer.service';

export interface NominationWorkerOptions {
  /** A prebuilt bundle (tests build one per run); without it the worker bundles `workflows/` itself. */
  workflowBundle?: WorkerOptions['workflowBundle'];
  connection?: NativeConnection;
}

export async function createNominationWorker(context: INestApplicationContext, options: NominationWorkerOptions = {}) {
  const config = context.get<AppConfig>(APP_CONFIG);
  const connection = options.connection ?? (await NativeConnection.connect({ address: config.TEMPORAL_ADDRESS }));
  const nominations = context.get(NominationRepository);
  const activities = {
    ...createNominationActivities({ nominations, notifications: context.get(NotificationRepository), mailer: context.get(MailerService) }),
    ...createReviewRuleActivities({
      nominations,
      orgs: context.get(OrgRepository),
      calendar: context.get(CalendarService),
      ballots: context.get(BallotRepository),
      quotas: context.get(QuotaRepository),
      rules: deadlineRulesFrom(config),
    }),
  };
  const worker = await Worker.create({
    connection,
    namespace: config.TEMPORAL_NAMESPACE,
    taskQueue: config.TEMPORAL_TASK_QUEUE,
    activities,
    ...(options.workflowBundle ? { workflowBundle: options.workflowBundle } : { workflowsPath: require.resolve('../../workflows') }),
  });
  return { worker, connection };
}
