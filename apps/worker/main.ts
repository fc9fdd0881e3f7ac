import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Client, Connection } from '@temporalio/client';
import { Runtime } from '@temporalio/worker';
import { payloadDataConverter } from '../../libs/codec/data-converter';
import { syncSchedules } from '../../libs/campaigns/schedules';
import { checkCatalogue } from '../../libs/catalogue/catalogue-check';
import { loadConfig, notificationSettingsFrom } from '../../libs/config/config';
import { socketAddress } from '../../libs/config/bind-address';

import { temporalConnectionOptions } from '../../libs/config/temporal-connection';
import { createLogger } from '../../libs/logging/logger';
import { NestPinoLogger } from '../../libs/logging/nest-logger';
import { OrphanSweeper } from '../../libs/documents/orphan-sweeper';
import { OutboxDispatcher } from '../../libs/outbox/outbox-dispatcher';
import { WorkerModule } from './worker.module';
import { createNominationWorker } from './nomination-worker';
import { TemporalPinoLogger } from './temporal-logger';

async function main(): Promise<void> {
  const config = loadConfig();
  checkCatalogue();
  const logger = createLogger(config, 'worker');
  // Before any connection: the runtime is created once per process, with the first one.
  Runtime.install({
    logger: new TemporalPinoLogger(logger),
    telemetryOptions: {
      logging: { forward: {} },
      // The SDK's own counters and histograms (activity failures among them), scraped at /metrics.
      metrics: { prometheus: { bindAddress: socketAddress(config.HOST, config.WORKER_METRICS_PORT) } },
    },
  });
  const context = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), {
    logger: new NestPinoLogger(logger, ['error', 'warn', 'log']),
  });
  const { worker, connection, tracing } = await createNominationWorker(context, { logger });
  if (config.SCHEDULES_ENABLED) {
    // After the worker exists, so a schedule firing right away finds a poller for its launcher.
    const scheduleConnection = await Connection.connect(temporalConnectionOptions(config));
    try {
      const outcomes = await syncSchedules(
        new Client({
          connection: scheduleConnection,
          namespace: config.TEMPORAL_NAMESPACE,
          dataConverter: payloadDataConverter(config.PAYLOAD_KEYS),
        }),
        config,
      );
      for (const { scheduleId, outcome } of outcomes) Logger.log(`schedule ${scheduleId} ${outcome}`, 'Worker');
    } finally {
      await scheduleConnection.close();
    }
  }
  // Without email no transition queues any: there is nothing to dispatch.
  const dispatcher = notificationSettingsFrom(config).email ? context.get(OutboxDispatcher) : null;
  dispatcher?.start();
  const sweeper = context.get(OrphanSweeper);
  sweeper.start();
  Logger.log(`worker polling task queue "${config.TEMPORAL_TASK_QUEUE}" at ${config.TEMPORAL_ADDRESS}`, 'Worker');
  Logger.log(`Temporal SDK metrics on http://${socketAddress(config.HOST, config.WORKER_METRICS_PORT)}/metrics`, 'Worker');
  // The SDK shuts the worker down on SIGINT/SIGTERM; run() resolves once in-flight tasks are done.
  await worker.run();
  await dispatcher?.stop();
  await sweeper.stop();
  await tracing.shutdown();
  await connection.close();
  await context.close();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
