import { Injectable } from '@nestjs/common';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { NominationStatsRepository } from '../../../libs/db/nomination-stats.repository';
import { LEVELS } from '../../../libs/domain/levels';
import { NOMINATION_STATUSES, isFinal } from '../../../libs/domain/nomination-status';
import { DELIVERY_FAILING_ATTEMPTS, DeliveryRepository } from '../../../libs/outbox/delivery.repository';
import { WorkerActivityFailures } from './worker-activity-failures';

const HOUR = 3600;
const DAY = 24 * HOUR;
// A level's time limit runs from 5 to 20 working days: the edges reach beyond a month.
const LATENCY_BUCKETS = [HOUR / 4, HOUR, 4 * HOUR, 8 * HOUR, DAY, 2 * DAY, 3 * DAY, 5 * DAY, 7 * DAY, 10 * DAY, 14 * DAY, 21 * DAY, 30 * DAY, 60 * DAY];
// Older decisions would only be rescanned on every scrape, forever.
const LATENCY_WINDOW_MS = 365 * DAY * 1000;

/**
 * The operators' view of stuck work, recomputed from the database on each scrape (the API keeps no
 * counters of its own: several instances, restarts, and the worker writing the rows).
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
  private readonly latency = new Histogram({
    name: 'tdkt_decision_latency_seconds',
    help: 'Time from a nomination reaching a level to the decision there, over the decisions of the last 365 days',
    labelNames: ['level'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });
  private readonly activityFailures = new Counter({
    name: 'tdkt_activity_failures_total',
    help: 'Failed activity attempts, from the worker Temporal SDK metrics (absent when they cannot be read)',
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
    private readonly deliveries: DeliveryRepository,
    private readonly worker: WorkerActivityFailures,
  ) {
    collectDefaultMetrics({ register: this.registry, prefix: 'tdkt_api_' });
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  scrape(): Promise<string> {
    this.inFlight ??= this.refresh()
      .then(() => this.registry.metrics())
      .finally(() => {
        this.inFlight = null;
      });
    return this.inFlight;
  }

  private async refresh(): Promise<void> {
    const [counts, latencies, failures, deliveries] = await Promise.all([
      this.stats.counts(),
      this.stats.decisionLatencies(new Date(Date.now() - LATENCY_WINDOW_MS)),
      this.worker.read(),
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

    this.latency.reset();
    for (const level of LEVELS) this.latency.zero({ level });
    for (const l of latencies) this.latency.observe({ level: l.level }, l.seconds);

    this.deliveriesPending.set(deliveries.pending);
    this.deliveriesFailing.set(deliveries.failing);

    this.activityFailures.reset();
    for (const [activityType, count] of failures ?? []) this.activityFailures.inc({ activity_type: activityType }, count);
  }
}
