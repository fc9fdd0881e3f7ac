import { Injectable } from '@nestjs/common';
import { DECISION_LATENCY_BUCKETS } from '../domain/decision-latency';
import type { Level } from '../domain/levels';
import type { Prisma } from './generated/client';
import { PrismaService } from './prisma.service';

export interface LatencyBucketRow {
  level: Level;
  /** Upper bound in seconds; Infinity for the decisions slower than every bound. */
  le: number;
  /** Decisions in this bucket alone (not cumulative). */
  count: number;
  sumSeconds: number;
}

export interface DecidedAt {
  nominationId: string;
  seq: number;
  level: Level;
}

/**
 * Counts one decision into its level's latency bucket, inside the transaction that writes the decision,
 * so that a commit retried or replayed (a no-op once its audit event exists) never counts twice.
 * The clock starts when the nomination reached the level, which the database sets on the decision row
 * as it is written (`level_started_at`, see the migration decision_level_facts).
 */
export async function recordDecisionLatency(tx: Prisma.TransactionClient, d: DecidedAt): Promise<void> {
  await tx.$executeRaw`
    WITH latency AS (
      SELECT greatest(0, EXTRACT(EPOCH FROM dc.decided_at - dc.level_started_at))::float8 AS seconds
        FROM decisions dc
       WHERE dc.nomination_id = ${d.nominationId}::uuid AND dc.seq = ${d.seq}
    )
    INSERT INTO decision_latency_buckets AS b (level, le, count, sum_seconds)
    SELECT ${d.level}::"Level",
           coalesce((SELECT min(bound) FROM unnest(${DECISION_LATENCY_BUCKETS}::float8[]) bound WHERE bound >= latency.seconds), 'Infinity'),
           1,
           latency.seconds
      FROM latency
    ON CONFLICT (level, le) DO UPDATE SET count = b.count + 1, sum_seconds = b.sum_seconds + EXCLUDED.sum_seconds`;
}

/** The histogram's rows for the metrics: a few per level, never the decisions themselves. */
@Injectable()
export class DecisionLatencyRepository {
  constructor(private readonly prisma: PrismaService) {}

  async buckets(): Promise<LatencyBucketRow[]> {
    const rows = await this.prisma.decisionLatencyBucket.findMany();
    return rows.map((r) => ({ level: r.level, le: r.le, count: Number(r.count), sumSeconds: r.sumSeconds }));
  }
}
