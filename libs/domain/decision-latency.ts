const HOUR = 3600;
const DAY = 24 * HOUR;

/**
 * Upper bounds (seconds) of the decision-latency histogram. A level's time limit runs from 5 to 20
 * working days: the edges reach beyond a month. The database's counts are kept per bound, so a bound
 * added later starts empty and one removed folds into the next.
 */
export const DECISION_LATENCY_BUCKETS = [
  HOUR / 4,
  HOUR,
  4 * HOUR,
  8 * HOUR,
  DAY,
  2 * DAY,
  3 * DAY,
  5 * DAY,
  7 * DAY,
  10 * DAY,
  14 * DAY,
  21 * DAY,
  30 * DAY,
  60 * DAY,
];

/** The bucket a latency falls in: the smallest bound at or above it (Prometheus' `le`), else Infinity. */
export function latencyBucket(seconds: number): number {
  return DECISION_LATENCY_BUCKETS.find((bound) => seconds <= bound) ?? Infinity;
}
