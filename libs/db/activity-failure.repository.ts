import { Injectable } from '@nestjs/common';
import { PrismaService } from './prisma.service';

export interface ActivityFailureReport {
  workflowId: string;
  activityType: string;
  nominationId?: string;
  attempt: number;
  error: string;
}

/** What the worker saw of activities that keep failing, for the admins' stuck view (a describe per workflow would not scale). */
@Injectable()
export class ActivityFailureRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** How many workflows have an activity of each type failing now: one grouped count over a small table. */
  async countsByType(): Promise<{ activityType: string; count: number }[]> {
    const rows = await this.prisma.activityFailure.groupBy({ by: ['activityType'], _count: { _all: true } });
    return rows.map((r) => ({ activityType: r.activityType, count: r._count._all }));
  }

  async record(report: ActivityFailureReport): Promise<void> {
    const data = { attempt: report.attempt, lastError: report.error.slice(0, 2000), lastFailedAt: new Date() };
    await this.prisma.activityFailure.upsert({
      where: { workflowId_activityType: { workflowId: report.workflowId, activityType: report.activityType } },
      create: { workflowId: report.workflowId, activityType: report.activityType, nominationId: report.nominationId, ...data },
      update: data,
    });
  }

  async clear(workflowId: string, activityType: string): Promise<void> {
    await this.prisma.activityFailure.deleteMany({ where: { workflowId, activityType } });
  }

  /** The activities at or past the alert threshold, the longest failing first. */
  retrying(minAttempts: number, limit: number) {
    return this.prisma.activityFailure.findMany({ where: { attempt: { gte: minAttempts } }, orderBy: { firstFailedAt: 'asc' }, take: limit });
  }
}
