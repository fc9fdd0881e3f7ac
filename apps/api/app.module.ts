import { Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import type { AppConfig } from '../../libs/config/config';
import { ConfigModule } from '../../libs/config/config.module';
import { DbModule } from '../../libs/db/db.module';
import { documentStoreProvider } from '../../libs/documents/document-store.factory';
import { AdminActionsService } from './admin/admin-actions.service';
import { AdminNominationsController } from './admin/admin-nominations.controller';
import { AuditController } from './admin/audit.controller';
import { DeliveriesController } from './admin/deliveries.controller';
import { DeliveriesService } from './admin/deliveries.service';
import { EligibilityApiModule } from './admin/eligibility-api.module';
import { HoldSuspensions } from './admin/hold-suspensions';
import { HoldsController } from './admin/holds.controller';
import { SchedulesController } from './admin/schedules.controller';
import { SchedulesService } from './admin/schedules.service';
import { StuckService } from './admin/stuck.service';
import { AuthController } from './auth/auth.controller';
import { AuthGuard } from './auth/auth.guard';
import { AuthService } from './auth/auth.service';
import { MeController } from './auth/me.controller';
import { SignInController } from './auth/sign-in.controller';
import { CalendarApiModule } from './calendar/calendar-api.module';
import { CatalogueController } from './catalogue/catalogue.controller';
import { CampaignsController } from './campaigns/campaigns.controller';
import { CampaignsService } from './campaigns/campaigns.service';
import { CampaignResultService } from '../../libs/campaigns/campaign-result.service';
import { DelegationsController } from './delegations/delegations.controller';
import { DelegationsService } from './delegations/delegations.service';
import { DocumentsController } from './documents/documents.controller';
import { DocumentsService } from './documents/documents.service';
import { HealthController } from './health/health.controller';
import { MetricsModule } from './metrics/metrics.module';
import { CouncilController } from './nominations/council.controller';
import { CouncilService } from './nominations/council.service';
import { LawStepsController } from './nominations/law-steps.controller';
import { LawStepsService } from './nominations/law-steps.service';
import { NominationsController } from './nominations/nominations.controller';
import { DossierCheck } from './nominations/dossier-check';
import { NominationAccess } from './nominations/nomination-access';
import { NominationCommands } from './nominations/nomination-commands';
import { NominationReader } from './nominations/nomination-reader';
import { ReviewBatchesController } from './nominations/review-batches.controller';
import { ReviewBatchesService } from './nominations/review-batches.service';
import { ReviewCommandsService } from './nominations/review-commands.service';
import { SubmissionService } from './nominations/submission.service';
import { NotificationsController } from './notifications/notifications.controller';
import { OrgController } from './org/org.controller';
import { OrganisationApiModule } from './org/organisation-api.module';
import { CodecServerController } from './temporal/codec-server.controller';
import { StatisticsApiModule } from './statistics/statistics-api.module';
import { AwardDecisionsApiModule } from './award-decisions/award-decisions-api.module';
import { CommandDeadlineInterceptor } from './temporal/command-deadline';
import { NominationWorkflows } from './temporal/nomination-workflows';
import { TemporalModule } from './temporal/temporal.module';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        DbModule,
        TemporalModule,
        CalendarApiModule,
        EligibilityApiModule,
        StatisticsApiModule,
        OrganisationApiModule,
        AwardDecisionsApiModule,
        MetricsModule,
        // The rate limiter's counts (apps/api/auth/rate-limit.middleware.ts), in memory, per process: README "Rate limit"
        // says how several instances would share them.
        ThrottlerModule.forRoot([]),
      ],
      controllers: [
        // The dev sign-in does not exist at all outside AUTH_MODE=dev.
        ...(config.AUTH_MODE === 'dev' ? [AuthController] : []),
        MeController,
        SignInController,
        NominationsController,
        ReviewBatchesController,
        CouncilController,
        LawStepsController,
        // Here rather than with award history: recording or lifting a hold tells the workflows it suspends.
        HoldsController,
        AuditController,
        DocumentsController,
        CatalogueController,
        DelegationsController,
        AdminNominationsController,
        DeliveriesController,
        CampaignsController,
        SchedulesController,
        NotificationsController,
        HealthController,
        OrgController,
        CodecServerController,
      ],
      providers: [
        LawStepsService,
        HoldSuspensions,
        AuthService,
        NominationAccess,
        NominationReader,
        DossierCheck,
        SubmissionService,
        ReviewCommandsService,
        ReviewBatchesService,
        CouncilService,
        DocumentsService,
        documentStoreProvider,
        DelegationsService,
        NominationWorkflows,
        NominationCommands,
        StuckService,
        AdminActionsService,
        DeliveriesService,
        CampaignsService,
        CampaignResultService,
        SchedulesService,
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_INTERCEPTOR, useClass: CommandDeadlineInterceptor },
      ],
    };
  }
}
