import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { loadConfig } from '../../libs/config/config';
import { WorkerModule } from './worker.module';
import { createNominationWorker } from './nomination-worker';

async function main(): Promise<void> {
  const config = loadConfig();
  const context = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { bufferLogs: false });
  const { worker, connection } = await createNominationWorker(context);
  Logger.log(`worker polling task queue "${config.TEMPORAL_TASK_QUEUE}" at ${config.TEMPORAL_ADDRESS}`, 'Worker');
  // The SDK shuts the worker down on SIGINT/SIGTERM; run() resolves once in-flight tasks are done.
  await worker.run();
  await connection.close();
  await context.close();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
