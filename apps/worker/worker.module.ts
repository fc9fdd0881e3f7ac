import { Module, type DynamicModule } from '@nestjs/common';
import type { AppConfig } from '../../libs/config/config';
import { ConfigModule } from '../../libs/config/config.module';
import { DbModule } from '../../libs/db/db.module';
import { CalendarService } from '../../libs/calendar/calendar.service';
import { CampaignResultService } from '../../libs/campaigns/campaign-result.service';
import { documentStoreProvider } from '../../libs/documents/document-store.factory';
import { OrphanSweeper } from '../../libs/documents/orphan-sweeper';
import { MailerService } from '../../libs/mail/mailer.service';
import { OutboxDispatcher } from '../../libs/outbox/outbox-dispatcher';

/** The dependency-injection context the activities, the outbox dispatcher and the document sweep are built from. */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [ConfigModule.forRoot(config), DbModule],
      providers: [MailerService, CalendarService, CampaignResultService, OutboxDispatcher, documentStoreProvider, OrphanSweeper],
      exports: [MailerService, CalendarService, CampaignResultService, OutboxDispatcher, OrphanSweeper],
    };
  }
}
