import { latencyBucket } from '../../../libs/domain/decision-latency';
import { decisionLatencyExposition } from './decision-latency-histogram';

const HOUR = 3600;

describe('the decision-latency histogram', () => {
  it('puts a latency in the smallest bucket at or above it', () => {
    expect(latencyBucket(0)).toBe(900);
    expect(latencyBucket(HOUR)).toBe(HOUR);
    expect(latencyBucket(HOUR + 1)).toBe(4 * HOUR);
    expect(latencyBucket(365 * 24 * HOUR)).toBe(Infinity);
  });

  it('renders cumulative buckets, sum and count for every level, zero where nothing was decided', () => {
    const sut = decisionLatencyExposition([
      { level: 'UNIT', le: HOUR, count: 2, sumSeconds: 5000 },
      { level: 'UNIT', le: 4 * HOUR, count: 1, sumSeconds: 10_000 },
      { level: 'UNIT', le: Infinity, count: 1, sumSeconds: 9_000_000 },
      // A bound no longer listed folds into the next one up.
      { level: 'SO', le: 1800, count: 3, sumSeconds: 4000 },
    ]);

    expect(sut).toContain('# TYPE tdkt_decision_latency_seconds histogram\n');
    expect(sut).toMatch(/^tdkt_decision_latency_seconds_bucket\{le="900",level="UNIT"\} 0$/m);
    expect(sut).toMatch(/^tdkt_decision_latency_seconds_bucket\{le="3600",level="UNIT"\} 2$/m);
    expect(sut).toMatch(/^tdkt_decision_latency_seconds_bucket\{le="14400",level="UNIT"\} 3$/m);
    expect(sut).toMatch(/^tdkt_decision_latency_seconds_bucket\{le="5184000",level="UNIT"\} 3$/m);
    expect(sut).toMatch(/^tdkt_decision_latency_seconds_bucket\{le="\+Inf",level="UNIT"\} 4$/m);
    expect(sut).toMatch(/^tdkt_decision_latency_seconds_sum\{level="UNIT"\} 9015000$/m);
    expect(sut).toMatch(/^tdkt_decision_latency_seconds_count\{level="UNIT"\} 4$/m);
    expect(sut).toMatch(/^tdkt_decision_latency_seconds_bucket\{le="900",level="SO"\} 0$/m);
    expect(sut).toMatch(/^tdkt_decision_latency_seconds_bucket\{le="3600",level="SO"\} 3$/m);
    expect(sut).toMatch(/^tdkt_decision_latency_seconds_count\{level="CITY"\} 0$/m);
  });
});
