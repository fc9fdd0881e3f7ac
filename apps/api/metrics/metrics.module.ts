import { Module } from '@nestjs/common';
import { DecisionLatencyRepository } from '../../../libs/db/decision-latency.repository';
import { NominationStatsRepository } from '../../../libs/db/nomination-stats.repository';
import { MetricsController } from './metrics.controller';
import { MetricsService } from './metrics.service';
import { WorkerActivityFailures, workerMetricsUrlFrom } from './worker-activity-failures';

/** GET /api/metrics: nominations, overdue work and decision latency from the database; activity failures from the worker. */
@Module({
  controllers: [MetricsController],
  providers: [
    MetricsService,
    NominationStatsRepository,
    DecisionLatencyRepository,
    // Read here, not in AppConfig: only this module needs it.
    { provide: WorkerActivityFailures, useFactory: () => new WorkerActivityFailures(workerMetricsUrlFrom(process.env)) },
  ],
})
export class MetricsModule {}
