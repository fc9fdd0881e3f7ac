import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { checkCatalogue } from '../../libs/catalogue/catalogue-check';
import { loadConfig } from '../../libs/config/config';
import { createApiApp, listenApi } from './app.factory';

async function main(): Promise<void> {
  const config = loadConfig();
  checkCatalogue();
  const app = await createApiApp(config);
  await listenApi(app, config);
  Logger.log(`API on http://${config.HOST}:${config.PORT}/api (docs: /api/docs, auth: ${config.AUTH_MODE})`, 'Api');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
