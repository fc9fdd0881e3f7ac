import { Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import type { AppConfig } from '../../libs/config/config';
import { ConfigModule } from '../../libs/config/config.module';
import { DbModule } from '../../libs/db/db.module';
import { AuthController } from './auth/auth.controller';
import { AuthGuard } from './auth/auth.guard';
import { AuthService } from './auth/auth.service';
import { HealthController } from './health/health.controller';
import { NominationsController } from './nominations/nominations.controller';
import { NominationsService } from './nominations/nominations.service';
import { NotificationsController } from './notifications/notifications.controller';
import { OrgController } from './org/org.controller';
import { TemporalModule } from './temporal/temporal.module';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [ConfigModule.forRoot(config), DbModule, TemporalModule],
      controllers: [
        // The dev sign-in does not exist at all outside AUTH_MODE=dev.
        ...(config.AUTH_MODE === 'dev' ? [AuthController] : []),
        NominationsController,
        NotificationsController,
        HealthController,
        OrgController,
      ],
      providers: [AuthService, NominationsService, { provide: APP_GUARD, useClass: AuthGuard }],
    };
  }
}
