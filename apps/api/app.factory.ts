import type { INestApplication, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { AppConfig } from '../../libs/config/config';
import { AppModule } from './app.module';
import { ErrorFilter } from './common/error.filter';

/** Builds the configured HTTP application; `main.ts` and the integration tests share it. */
export async function createApiApp(config: AppConfig, logger: LogLevel[] = ['error', 'warn', 'log']): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), { logger });
  // CSV imports arrive as text; JSON stays the default for everything else.
  app.useBodyParser('text', { type: ['text/csv', 'text/plain'], limit: '5mb' });
  app.setGlobalPrefix('api');
  app.useGlobalFilters(new ErrorFilter());
  app.enableShutdownHooks();
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Thi đua - Khen thưởng: nomination workflow API')
      .setDescription('Nominations for titles and commendations of Sở Công Thương Hà Nội, reviewed level by level.')
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  return app;
}
