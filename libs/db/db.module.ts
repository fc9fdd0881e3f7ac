import { Global, Module } from '@nestjs/common';
import { NominationRepository } from './nomination.repository';
import { NotificationRepository } from './notification.repository';
import { OrgRepository } from './org.repository';
import { PrismaService } from './prisma.service';

const providers = [PrismaService, NominationRepository, NotificationRepository, OrgRepository];

@Global()
@Module({ providers, exports: providers })
export class DbModule {}
