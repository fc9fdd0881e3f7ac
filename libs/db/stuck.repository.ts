import { Injectable } from '@nestjs/common';
import type { Level } from '../domain/levels';
import type { Prisma } from './generated/client';
import { PrismaService } from './prisma.service';

/** The nominations the admins' stuck view and the bulk actions look at. */
export interface OpenNominationFilter {
  level?: Level;
  unitCode?: string;
  awardCode?: string;
  campaignId?: string;
  /** Only those overdue since this instant or earlier. */
  overdueBefore?: Date;
}

const OPEN = ['IN_REVIEW', 'RETURNED'] as const;

const stuckRow = {
  id: true,
  workflowId: true,
  status: true,
  currentLevel: true,
  dueAt: true,
  overdue: true,
  unitCode: true,
  submittedBy: true,
  catalogueVersion: true,
  createdAt: true,
  updatedAt: true,
} satisfies Prisma.NominationSelect;
export type StuckRow = Prisma.NominationGetPayload<{ select: typeof stuckRow }>;

/**
 * Reads for the stuck view, each served by an index (`status, current_level, due_at` for the nominations,
 * `delivered_at` for the outbox) and bounded, so that they stay fast with thousands of open nominations.
 */
@Injectable()
export class StuckRepository {
  constructor(private readonly prisma: PrismaService) {}

  private match(filter: OpenNominationFilter): Prisma.NominationWhereInput {
    return {
      currentLevel: filter.level,
      unitCode: filter.unitCode,
      awardCode: filter.awardCode,
      campaignId: filter.campaignId,
      ...(filter.overdueBefore && { overdue: true, dueAt: { lte: filter.overdueBefore } }),
    };
  }

  private open(filter: OpenNominationFilter): Prisma.NominationWhereInput {
    return { ...this.match(filter), status: { in: [...OPEN] } };
  }

  /** Nominations a hold suspends at their level (index on suspended_since), the longest suspended first. */
  suspended(filter: OpenNominationFilter, limit: number) {
    return this.prisma.nomination.findMany({
      where: { ...this.match(filter), status: 'IN_REVIEW', suspendedSince: { not: null } },
      select: { ...stuckRow, nominee: true, suspendedSince: true },
      orderBy: { suspendedSince: 'asc' },
      take: limit,
    });
  }

  /** Nominations under review (not on hold) at one of these levels of these units, the oldest first. */
  atLevels(filter: OpenNominationFilter, levels: { level: Level; unitCodes: string[] }[], limit: number): Promise<StuckRow[]> {
    if (levels.length === 0) return Promise.resolve([]);
    return this.prisma.nomination.findMany({
      where: {
        AND: [
          { ...this.match(filter), status: 'IN_REVIEW', suspendedSince: null },
          { OR: levels.map(({ level, unitCodes }) => ({ currentLevel: level, unitCode: { in: unitCodes } })) },
        ],
      },
      select: stuckRow,
      orderBy: [{ updatedAt: 'asc' }, { id: 'asc' }],
      take: limit,
    });
  }

  private overdueWhere(filter: OpenNominationFilter): Prisma.NominationWhereInput {
    return {
      ...this.match(filter),
      status: 'IN_REVIEW',
      overdue: true,
      currentLevel: filter.level ?? { not: null },
      dueAt: filter.overdueBefore ? { lte: filter.overdueBefore } : { not: null },
    };
  }

  countOverdue(filter: OpenNominationFilter): Promise<number> {
    return this.prisma.nomination.count({ where: this.overdueWhere(filter) });
  }

  /** A page of the overdue levels, the longest overdue first. */
  overdue(filter: OpenNominationFilter, skip: number, take: number): Promise<StuckRow[]> {
    return this.prisma.nomination.findMany({ where: this.overdueWhere(filter), select: stuckRow, orderBy: [{ dueAt: 'asc' }, { id: 'asc' }], skip, take });
  }

  countOpen(filter: OpenNominationFilter): Promise<number> {
    return this.prisma.nomination.count({ where: this.open(filter) });
  }

  async openWorkflowIds(filter: OpenNominationFilter): Promise<string[]> {
    const rows = await this.prisma.nomination.findMany({ where: this.open(filter), select: { workflowId: true } });
    return rows.map((r) => r.workflowId);
  }

  /** The open rows among these workflows that match the filter. */
  openByWorkflowIds(workflowIds: string[], filter: OpenNominationFilter): Promise<StuckRow[]> {
    if (workflowIds.length === 0) return Promise.resolve([]);
    return this.prisma.nomination.findMany({ where: { ...this.open(filter), workflowId: { in: workflowIds } }, select: stuckRow });
  }

  /** Which of these nominations match the filter (open or not): failing mail is listed with its nomination's filter. */
  async matching(ids: string[], filter: OpenNominationFilter): Promise<Map<string, { workflowId: string }>> {
    if (ids.length === 0) return new Map();
    const rows = await this.prisma.nomination.findMany({ where: { ...this.match(filter), id: { in: ids } }, select: { id: true, workflowId: true } });
    return new Map(rows.map((r) => [r.id, { workflowId: r.workflowId }]));
  }

  /** The nominations under review a bulk deadline change applies to. */
  countDeadlineTargets(filter: OpenNominationFilter): Promise<number> {
    return this.prisma.nomination.count({ where: { ...this.match(filter), status: 'IN_REVIEW' } });
  }

  /** A page of them, by id, after the last one of the previous page. */
  deadlineTargets(filter: OpenNominationFilter, afterId: string | null, take: number): Promise<{ id: string; workflowId: string }[]> {
    return this.prisma.nomination.findMany({
      where: { ...this.match(filter), status: 'IN_REVIEW', ...(afterId && { id: { gt: afterId } }) },
      select: { id: true, workflowId: true },
      orderBy: { id: 'asc' },
      take,
    });
  }

  assignments(nominationIds: string[]) {
    if (nominationIds.length === 0) return Promise.resolve([]);
    return this.prisma.levelAssignment.findMany({ where: { nominationId: { in: nominationIds } } });
  }

  /** Outbox rows not delivered after this many attempts, the oldest first. */
  failingDeliveries(minAttempts: number, limit: number) {
    return this.prisma.delivery.findMany({
      where: { deliveredAt: null, attempts: { gte: minAttempts } },
      select: {
        id: true,
        nominationId: true,
        kind: true,
        recipient: true,
        address: true,
        attempts: true,
        lastError: true,
        lastAttemptAt: true,
        createdAt: true,
      },
      orderBy: { createdAt: 'asc' },
      take: limit,
    });
  }
}
