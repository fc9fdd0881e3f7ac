import { Injectable } from '@nestjs/common';
import type { Level } from '../domain/levels';
import type { NominationStatus } from '../domain/nomination-status';
import { PrismaService } from './prisma.service';

export interface NominationCount {
  status: NominationStatus;
  level: Level | null;
  overdue: boolean;
  count: number;
}

export interface DecisionLatency {
  level: Level;
  seconds: number;
}

/** Aggregates over the nominations for the operators' metrics; nothing here is per user. */
@Injectable()
export class NominationStatsRepository {
  constructor(private readonly prisma: PrismaService) {}

  async counts(): Promise<NominationCount[]> {
    const groups = await this.prisma.nomination.groupBy({ by: ['status', 'currentLevel', 'overdue'], _count: { _all: true } });
    return groups.map((g) => ({ status: g.status, level: g.currentLevel, overdue: g.overdue, count: g._count._all }));
  }

  /**
   * For each decision taken since `since`: how long its level had the nomination. The clock starts
   * when the nomination reached the level: at submission, at the previous decision (which moved it
   * up, or returned it), or at its latest resubmission after a return, whichever came last.
   */
  decisionLatencies(since: Date): Promise<DecisionLatency[]> {
    return this.prisma.$queryRaw<DecisionLatency[]>`
      SELECT d.level::text AS level,
             EXTRACT(EPOCH FROM d.decided_at - GREATEST(
               n.created_at,
               (SELECT max(p.decided_at) FROM decisions p WHERE p.nomination_id = d.nomination_id AND p.seq < d.seq),
               (SELECT max(e.at) FROM audit_events e
                 WHERE e.nomination_id = d.nomination_id AND e.seq < d.seq AND e.kind = 'RESUBMITTED')
             ))::float8 AS seconds
        FROM decisions d
        JOIN nominations n ON n.id = d.nomination_id
       WHERE d.decided_at >= ${since}`;
  }
}
