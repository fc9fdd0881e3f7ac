import type { INestApplication, LogLevel } from '@nestjs/common';
import { HttpAdapterHost, NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { ThrottlerStorage } from '@nestjs/throttler';
import type { Logger } from 'pino';
import type { AppConfig } from '../../libs/config/config';
import { createLogger } from '../../libs/logging/logger';
import { NestPinoLogger } from '../../libs/logging/nest-logger';
import { AppModule } from './app.module';
import { AuthService } from './auth/auth.service';
import { callerLimits } from './auth/rate-limit.middleware';
import { ErrorFilter } from './common/error.filter';
import { BodyParsing } from './common/body-parsing';
import { withComponents } from './common/openapi';
import { API_TAGS } from './common/openapi-tags';
import { CorrelationInterceptor } from './logging/correlation.interceptor';
import { requestLogging } from './logging/request-logging';
import { securityHeaders } from './web/security-headers';
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
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    logger: new NestPinoLogger(logger, nestLevels),
    // Bodies are read by BodyParsing, once the caller is let through, not by middleware before anything.
    bodyParser: false,
  });
  // First, so that every request, even one refused before its route, gets its correlation id and its line.
  app.use(requestLogging(logger));
  app.use(securityHeaders(config));
  // The web app's files, uncounted: loading the app is a dozen requests, whoever asks.
  serveWebApp(app);
  // Every request is counted against its caller, and maybe refused, before its body is read (BodyParsing).
  app.use(...callerLimits(app.get(AuthService), app.get<ThrottlerStorage>(ThrottlerStorage), config.RATE_LIMIT_PER_MINUTE));
  app.setGlobalPrefix('api');
  app.useGlobalFilters(new ErrorFilter());
  app.useGlobalInterceptors(new CorrelationInterceptor(), new BodyParsing(app.get(HttpAdapterHost).httpAdapter));
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
  const builder = new DocumentBuilder()
    .setTitle('Thi đua - Khen thưởng: nomination workflow API')
    .setDescription('Nominations for titles and commendations of Sở Công Thương Hà Nội, reviewed level by level.')
    .setVersion('1')
    .addBearerAuth();
  for (const [name, description] of Object.entries(API_TAGS)) builder.addTag(name, description);
  return withComponents(SwaggerModule.createDocument(app, builder.build()));
}
