import type { LatencyBucketRow } from '../../../libs/db/decision-latency.repository';
import { DECISION_LATENCY_BUCKETS } from '../../../libs/domain/decision-latency';
import { LEVELS } from '../../../libs/domain/levels';

export const DECISION_LATENCY_METRIC = 'tdkt_decision_latency_seconds';

/**
 * The decision-latency histogram in Prometheus text, from the per-bucket counts the decisions' commits
 * keep (prom-client's Histogram only counts what this process observed, and the worker observes them).
 * Every level is present even at zero, so that a dashboard or an alert never sees a gap.
 */
export function decisionLatencyExposition(rows: LatencyBucketRow[]): string {
  const lines = [
    `# HELP ${DECISION_LATENCY_METRIC} Time from a nomination reaching a level to the decision there, over all decisions`,
    `# TYPE ${DECISION_LATENCY_METRIC} histogram`,
  ];
  for (const level of LEVELS) {
    const own = rows.filter((r) => r.level === level);
    // A row whose bound is no longer listed still counts in every bucket above it.
    for (const bound of DECISION_LATENCY_BUCKETS) {
      const count = own.filter((r) => r.le <= bound).reduce((sum, r) => sum + r.count, 0);
      lines.push(`${DECISION_LATENCY_METRIC}_bucket{le="${bound}",level="${level}"} ${count}`);
    }
    const total = own.reduce((sum, r) => sum + r.count, 0);
    lines.push(`${DECISION_LATENCY_METRIC}_bucket{le="+Inf",level="${level}"} ${total}`);
    lines.push(`${DECISION_LATENCY_METRIC}_sum{level="${level}"} ${own.reduce((sum, r) => sum + r.sumSeconds, 0)}`);
    lines.push(`${DECISION_LATENCY_METRIC}_count{level="${level}"} ${total}`);
  }
  return `${lines.join('\n')}\n`;
}
