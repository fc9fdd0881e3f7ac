import { Injectable } from '@nestjs/common';
import { Gauge, Registry, collectDefaultMetrics } from 'prom-client';
import { ActivityFailureRepository } from '../../../libs/db/activity-failure.repository';
import { DecisionLatencyRepository } from '../../../libs/db/decision-latency.repository';
import { NominationStatsRepository } from '../../../libs/db/nomination-stats.repository';
import { LEVELS } from '../../../libs/domain/levels';
import { NOMINATION_STATUSES, isFinal } from '../../../libs/domain/nomination-status';
import { DELIVERY_FAILING_ATTEMPTS, DeliveryRepository } from '../../../libs/outbox/delivery.repository';
import { decisionLatencyExposition } from './decision-latency-histogram';

/**
 * The operators' view of stuck work, read from the database on each scrape (the API keeps no counters
 * of its own: several instances, restarts, and the worker writing the rows). Every query is cheap:
 * counts over indexes, and the decision-latency histogram from the per-bucket counts that each
 * decision's commit increments, never a scan of the decisions.
 */
@Injectable()
export class MetricsService {
  private readonly registry = new Registry();
  private readonly nominations = new Gauge({
    name: 'tdkt_nominations',
    help: 'Nominations by status and current level (level="" once final)',
    labelNames: ['status', 'level'] as const,
    registers: [this.registry],
  });
  private readonly overdue = new Gauge({
    name: 'tdkt_nominations_overdue',
    help: 'Nominations in review past their current level deadline',
    labelNames: ['level'] as const,
    registers: [this.registry],
  });
  // The worker's own SDK metrics (attempts, failures, latencies) are scraped from the worker itself.
  private readonly activitiesFailing = new Gauge({
    name: 'tdkt_activities_failing',
    help: 'Workflows with an activity of this type failing repeatedly now (as the stuck view lists them)',
    labelNames: ['activity_type'] as const,
    registers: [this.registry],
  });
  private readonly deliveriesPending = new Gauge({
    name: 'tdkt_deliveries_pending',
    help: 'Outbox deliveries (emails) not delivered yet, failing ones included',
    registers: [this.registry],
  });
  private readonly deliveriesFailing = new Gauge({
    name: 'tdkt_deliveries_failing',
    help: `Outbox deliveries not delivered after ${DELIVERY_FAILING_ATTEMPTS} attempts or more`,
    registers: [this.registry],
  });
  /** Scrapes that arrive together share one round of queries. */
  private inFlight: Promise<string> | null = null;

  constructor(
    private readonly stats: NominationStatsRepository,
    private readonly latencies: DecisionLatencyRepository,
    private readonly deliveries: DeliveryRepository,
    private readonly failures: ActivityFailureRepository,
  ) {
    collectDefaultMetrics({ register: this.registry, prefix: 'tdkt_api_' });
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  scrape(): Promise<string> {
    this.inFlight ??= this.refresh()
      .then(async (latency) => `${await this.registry.metrics()}\n${latency}`)
      .finally(() => {
        this.inFlight = null;
      });
    return this.inFlight;
  }

  /** Sets the registry's gauges and counters; returns the latency histogram's text, rendered apart. */
  private async refresh(): Promise<string> {
    const [counts, latencies, failures, deliveries] = await Promise.all([
      this.stats.counts(),
      this.latencies.buckets(),
      this.failures.countsByType(),
      this.deliveries.counts(),
    ]);
    // Every series exists even at zero, so that a dashboard or an alert never sees a gap.
    this.nominations.reset();
    for (const status of NOMINATION_STATUSES) {
      for (const level of isFinal(status) ? [''] : LEVELS) this.nominations.set({ status, level }, 0);
    }
    this.overdue.reset();
    for (const level of LEVELS) this.overdue.set({ level }, 0);
    for (const c of counts) {
      this.nominations.inc({ status: c.status, level: c.level ?? '' }, c.count);
      if (c.overdue && c.status === 'IN_REVIEW' && c.level) this.overdue.inc({ level: c.level }, c.count);
    }

    this.deliveriesPending.set(deliveries.pending);
    this.deliveriesFailing.set(deliveries.failing);

    this.activitiesFailing.reset();
    for (const f of failures) this.activitiesFailing.set({ activity_type: f.activityType }, f.count);
    return decisionLatencyExposition(latencies);
  }
}
