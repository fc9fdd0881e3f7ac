import { Injectable } from '@nestjs/common';
import { API_MESSAGES } from '../domain/api-messages';
import type { DomainError } from '../domain/errors';
import { FINAL_STATUSES } from '../domain/nomination-status';
import { recordAudit } from './audit.repository';
import type { Prisma } from './generated/client';
import { scopeWhere, type VisibilityScopes } from './nomination.repository';
import { PrismaService } from './prisma.service';

type Tx = Prisma.TransactionClient;

@Injectable()
export class CampaignRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Audited as its creator's act: an admin's username, or `schedule` for a yearly campaign the schedule launched. */
  create(data: Prisma.CampaignUncheckedCreateInput) {
    return this.prisma.$transaction(async (tx) => {
      const campaign = await tx.campaign.create({ data });
      const { code, name, year, kind, awardCodes, opensAt, closesAt, decisionDeadline, levelDeadlines } = campaign;
      await recordAudit(tx, {
        actor: campaign.createdBy,
        action: 'CAMPAIGN_CREATED',
        subject: `campaign:${campaign.id}`,
        details: {
          code,
          name,
          year,
          kind,
          awardCodes,
          opensAt: opensAt.toISOString(),
          closesAt: closesAt.toISOString(),
          decisionDeadline: decisionDeadline.toISOString(),
          levelDeadlines: levelDeadlines ?? {},
        },
      });
      return campaign;
    });
  }

  findById(id: string) {
    return this.prisma.campaign.findUnique({ where: { id } });
  }

  findByCode(code: string) {
    return this.prisma.campaign.findUnique({ where: { code } });
  }

  list() {
    return this.prisma.campaign.findMany({ orderBy: [{ year: 'desc' }, { opensAt: 'desc' }] });
  }

  /** Counted over the nominations within `scopes` (all of them when absent), so a count tells no more than the list. */
  async counts(campaignId: string, scopes?: VisibilityScopes) {
    const where = { campaignId, ...(scopes && scopeWhere(scopes)) };
    const rows = await this.prisma.nomination.groupBy({ by: ['status', 'currentLevel'], where, _count: { _all: true } });
    const byStatus: Record<string, number> = {};
    const byLevel: Record<string, number> = {};
    for (const row of rows) {
      byStatus[row.status] = (byStatus[row.status] ?? 0) + row._count._all;
      if (row.currentLevel) byLevel[row.currentLevel] = (byLevel[row.currentLevel] ?? 0) + row._count._all;
    }
    return { byStatus, byLevel };
  }

  /**
   * Runs `work` (the nomination's insert) only while the campaign accepts submissions, holding a
   * share lock on its row: the close, which updates the row, waits for it or goes first, so a
   * submission racing the close is either in before it or refused.
   */
  async whileAccepting<T>(campaignId: string, awardCode: string, work: (tx: Tx) => Promise<T>): Promise<T | DomainError> {
    return this.prisma.$transaction(async (tx) => {
      const [campaign] = await tx.$queryRaw<{ status: string; opens_at: Date; closes_at: Date; award_codes: string[] }[]>`
        SELECT status, opens_at, closes_at, award_codes FROM campaigns WHERE id = ${campaignId}::uuid FOR SHARE`;
      if (!campaign)
        return {
          code: 'VALIDATION_FAILED',
          message: API_MESSAGES.campaign.unknown,
          details: [{ path: 'campaignId', message: API_MESSAGES.campaign.unknownDetail }],
        } satisfies DomainError;
      if (!campaign.award_codes.includes(awardCode)) {
        return {
          code: 'VALIDATION_FAILED',
          message: API_MESSAGES.campaign.rejectsAward,
          details: [{ path: 'awardCode', message: API_MESSAGES.campaign.acceptedAwards(campaign.award_codes) }],
        } satisfies DomainError;
      }
      const now = Date.now();
      if (campaign.status !== 'OPEN' || now < campaign.opens_at.getTime() || now >= campaign.closes_at.getTime()) {
        return { code: 'CAMPAIGN_CLOSED', message: API_MESSAGES.campaign.notAccepting(campaign.status) } satisfies DomainError;
      }
      return work(tx);
    });
  }

  async open(campaignId: string): Promise<boolean> {
    const { count } = await this.prisma.campaign.updateMany({ where: { id: campaignId, status: 'SCHEDULED' }, data: { status: 'OPEN' } });
    return count > 0;
  }

  async close(campaignId: string): Promise<void> {
    await this.prisma.campaign.updateMany({
      where: { id: campaignId, status: { in: ['SCHEDULED', 'OPEN'] } },
      data: { status: 'CLOSED', closedAt: new Date() },
    });
  }

  async finish(campaignId: string, result: Prisma.InputJsonValue): Promise<void> {
    await this.prisma.campaign.update({ where: { id: campaignId }, data: { status: 'FINISHED', result } });
  }

  openNominations(campaignId: string): Promise<number> {
    return this.prisma.nomination.count({ where: { campaignId, status: { notIn: [...FINAL_STATUSES] } } });
  }

  /** What the access policy needs to judge each of the campaign's nominations: its unit and route. */
  reachOf(campaignId: string) {
    return this.prisma.nomination.findMany({ where: { campaignId }, select: { id: true, unitCode: true, route: true } });
  }

  /** With each one's latest approval, whose day prices its reward. */
  nominationsOf(campaignId: string) {
    return this.prisma.nomination.findMany({
      where: { campaignId },
      orderBy: { createdAt: 'asc' },
      include: { decisions: { where: { decision: 'APPROVE' }, orderBy: { seq: 'desc' }, take: 1, select: { decidedAt: true } } },
    });
  }

  async unitCodes(): Promise<string[]> {
    return (await this.prisma.org.findMany({ where: { kind: { in: ['UNIT', 'ENTERPRISE'] }, active: true }, select: { code: true } })).map((u) => u.code);
  }

  /** Units under the Sở with no nomination in the campaign yet. */
  async unitsWithoutSubmissions(campaignId: string): Promise<string[]> {
    const [units, submitted] = await Promise.all([
      this.prisma.org.findMany({ where: { kind: { in: ['UNIT', 'ENTERPRISE'] }, active: true }, select: { code: true } }),
      this.prisma.nomination.findMany({ where: { campaignId }, select: { unitCode: true }, distinct: ['unitCode'] }),
    ]);
    const done = new Set(submitted.map((s) => s.unitCode));
    return units.map((u) => u.code).filter((code) => !done.has(code));
  }

  /** Tells the clerks of the given units, once per (clerk, kind, title) however often a retry runs it. */
  async notifyClerks(unitCodes: string[], kind: string, title: string, body: string): Promise<{ username: string; email: string; id: string }[]> {
    const clerks = await this.prisma.user.findMany({ where: { role: 'CLERK', orgCode: { in: unitCodes }, active: true } });
    const created: { username: string; email: string; id: string }[] = [];
    for (const clerk of clerks) {
      const seen = await this.prisma.notification.findFirst({ where: { username: clerk.username, kind, title, nominationId: null } });
      if (seen) continue;
      const row = await this.prisma.notification.create({ data: { username: clerk.username, kind, title, body, seq: 0, nominationId: null } });
      created.push({ username: clerk.username, email: clerk.email, id: row.id });
    }
    return created;
  }
}
