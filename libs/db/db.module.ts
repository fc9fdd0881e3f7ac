import { Global, Module, type Provider } from '@nestjs/common';
import { APP_CONFIG, notificationSettingsFrom } from '../config/config';
import { ActivityFailureRepository } from './activity-failure.repository';
import { AuditRepository } from './audit.repository';
import { AwardDecisionRepository } from './award-decision.repository';
import { AwardHistoryRepository } from './award-history.repository';
import { BallotRepository } from './ballot.repository';
import { BatchRequestRepository } from './batch-request.repository';
import { BaseSalaryRepository } from './base-salary.repository';
import { CalendarRepository } from './calendar.repository';
import { CampaignRepository } from './campaign.repository';
import { DeliveryRepository } from '../outbox/delivery.repository';
import { DocumentRepository } from './document.repository';
import { DelegationRepository } from './delegation.repository';
import { HoldRepository } from './hold.repository';
import { NominationRepository } from './nomination.repository';
import { NotificationRepository } from './notification.repository';
import { NOTIFICATION_SETTINGS } from './notification.writer';
import { OrgRepository } from './org.repository';
import { PrismaService } from './prisma.service';
import { QuotaRepository } from './quota.repository';
import { StuckRepository } from './stuck.repository';

const providers: Provider[] = [
  { provide: NOTIFICATION_SETTINGS, useFactory: notificationSettingsFrom, inject: [APP_CONFIG] },
  PrismaService,
  ActivityFailureRepository,
  AuditRepository,
  AwardDecisionRepository,
  AwardHistoryRepository,
  BallotRepository,
  BatchRequestRepository,
  BaseSalaryRepository,
  CalendarRepository,
  CampaignRepository,
  DelegationRepository,
  DeliveryRepository,
  DocumentRepository,
  HoldRepository,
  NominationRepository,
  NotificationRepository,
  OrgRepository,
  QuotaRepository,
  StuckRepository,
];

/** Every repository, once per process; services never hold the Prisma client themselves. */
@Global()
@Module({ providers, exports: providers })
export class DbModule {}
