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
  decidedAt: Date;
}

/**
 * Counts one decision into its level's latency bucket, inside the transaction that writes the decision,
 * so that a commit retried or replayed (a no-op once its audit event exists) never counts twice.
 * The clock starts when the nomination reached the level: at submission, at the previous decision
 * (which moved it up, or returned it), or at its latest resubmission after a return, whichever came
 * last; all three are lookups by nomination.
 */
export async function recordDecisionLatency(tx: Prisma.TransactionClient, d: DecidedAt): Promise<void> {
  await tx.$executeRaw`
    WITH latency AS (
      SELECT greatest(0, EXTRACT(EPOCH FROM ${d.decidedAt}::timestamptz - GREATEST(
               n.created_at,
               (SELECT max(p.decided_at) FROM decisions p WHERE p.nomination_id = n.id AND p.seq < ${d.seq}),
               (SELECT max(e.at) FROM audit_events e WHERE e.nomination_id = n.id AND e.seq < ${d.seq} AND e.kind = 'RESUBMITTED')
             )))::float8 AS seconds
        FROM nominations n
       WHERE n.id = ${d.nominationId}::uuid
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
