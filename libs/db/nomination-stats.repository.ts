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

/** Aggregates over the nominations for the operators' metrics; nothing here is per user. */
@Injectable()
export class NominationStatsRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Read off the (status, current_level, overdue) index. */
  async counts(): Promise<NominationCount[]> {
    const groups = await this.prisma.nomination.groupBy({ by: ['status', 'currentLevel', 'overdue'], _count: { _all: true } });
    return groups.map((g) => ({ status: g.status, level: g.currentLevel, overdue: g.overdue, count: g._count._all }));
  }
}
