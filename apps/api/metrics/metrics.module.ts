import { Module } from '@nestjs/common';
import { DecisionLatencyRepository } from '../../../libs/db/decision-latency.repository';
import { NominationStatsRepository } from '../../../libs/db/nomination-stats.repository';
import { MetricsController } from './metrics.controller';
import { MetricsService } from './metrics.service';

/** GET /api/metrics: nominations, overdue work, decision latency, failing deliveries and activities, from the database. */
@Module({
  controllers: [MetricsController],
  providers: [MetricsService, NominationStatsRepository, DecisionLatencyRepository],
})
export class MetricsModule {}
