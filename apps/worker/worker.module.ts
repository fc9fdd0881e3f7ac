import { Module, type DynamicModule } from '@nestjs/common';
import type { AppConfig } from '../../libs/config/config';
import { ConfigModule } from '../../libs/config/config.module';
import { DbModule } from '../../libs/db/db.module';
import { CalendarService } from '../../libs/calendar/calendar.service';
import { CampaignResultService } from '../../libs/campaigns/campaign-result.service';
import { MailerService } from '../../libs/mail/mailer.service';
import { OutboxDispatcher } from '../../libs/outbox/outbox-dispatcher';

/** The dependency-injection context the activities, and the outbox dispatcher, are built from. */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [ConfigModule.forRoot(config), DbModule],
      providers: [MailerService, CalendarService, CampaignResultService, OutboxDispatcher],
      exports: [MailerService, CalendarService, CampaignResultService, OutboxDispatcher],
    };
  }
}
