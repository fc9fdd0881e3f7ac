import type { INestApplicationContext } from '@nestjs/common';
import { NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import { createNominationActivities } from '../../activities/nomination.activities';
import { APP_CONFIG, type AppConfig } from '../../libs/config/config';
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
  const activities = createNominationActivities({
    nominations: context.get(NominationRepository),
    notifications: context.get(NotificationRepository),
    mailer: context.get(MailerService),
  });
  const worker = await Worker.create({
    connection,
    namespace: config.TEMPORAL_NAMESPACE,
    taskQueue: config.TEMPORAL_TASK_QUEUE,
    activities,
    ...(options.workflowBundle ? { workflowBundle: options.workflowBundle } : { workflowsPath: require.resolve('../../workflows') }),
  });
  return { worker, connection };
}
