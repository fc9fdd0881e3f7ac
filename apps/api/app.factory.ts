import type { INestApplication, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import type { Logger } from 'pino';
import type { AppConfig } from '../../libs/config/config';
import { createLogger } from '../../libs/logging/logger';
import { NestPinoLogger } from '../../libs/logging/nest-logger';
import { AppModule } from './app.module';
import { ErrorFilter } from './common/error.filter';
import { withResponseComponents } from './common/openapi';
import { CorrelationInterceptor } from './logging/correlation.interceptor';
import { requestLogging } from './logging/request-logging';
import { serveWebApp } from './web/web-app';

/**
 * Builds the configured HTTP application; `main.ts` and the integration tests share it.
 * `nestLevels` picks which of Nest's own messages reach `logger` at all.
 */
export async function createApiApp(
  config: AppConfig,
  nestLevels: LogLevel[] = ['error', 'warn', 'log'],
  logger: Logger = createLogger(config, 'api'),
): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), { logger: new NestPinoLogger(logger, nestLevels) });
  // First, so that every request, even one the body parsers refuse, gets its correlation id and its line.
  app.use(requestLogging(logger));
  // CSV imports arrive as text; JSON stays the default for everything else. The JSON limit leaves room
  // for the longest valid body (20,000 characters of achievements) written with \u escapes.
  app.useBodyParser('json', { limit: '1mb' });
  app.useBodyParser('text', { type: ['text/csv', 'text/plain'], limit: '5mb' });
  app.setGlobalPrefix('api');
  serveWebApp(app);
  app.useGlobalFilters(new ErrorFilter());
  app.useGlobalInterceptors(new CorrelationInterceptor());
  app.enableShutdownHooks();
  const document = openApiDocument(app);
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  return app;
}

/** Listens on HOST: this machine only unless the configuration opens it (and then not with dev sign-in). */
export async function listenApi(app: INestApplication, config: AppConfig): Promise<void> {
  await app.listen(config.PORT, config.HOST);
}

/**
 * The OpenAPI document of the application's routes, as served at /api/docs-json and committed as
 * openapi/openapi.json (`npm run openapi`).
 */
export function openApiDocument(app: INestApplication): OpenAPIObject {
  return withResponseComponents(
    SwaggerModule.createDocument(
      app,
      new DocumentBuilder()
        .setTitle('Thi đua - Khen thưởng: nomination workflow API')
        .setDescription('Nominations for titles and commendations of Sở Công Thương Hà Nội, reviewed level by level.')
        .setVersion('1')
        .addBearerAuth()
        .build(),
    ),
  );
}
