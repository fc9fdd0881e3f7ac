import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { draftDecision, type Draft, type DraftCandidate, type DraftRequest } from '../award-decisions/award-decision-draft';
import { decisionNumber, numberingYear } from '../award-decisions/decision-number';
import { searchFold } from '../award-decisions/search-fold';
import { nomineeName, type Authority, type Nominee } from '../campaigns/campaign-result';
import { awardHistoryEntry } from '../domain/award-history-entry';
import type { ErrorDetail } from '../domain/errors';
import type { AwardDecisionStatus, Prisma } from './generated/client';
import { isUniqueViolation } from './nomination.repository';
import { recordAudit } from './audit.repository';
import { PrismaService } from './prisma.service';

type Tx = Prisma.TransactionClient;

const withItems = { items: { orderBy: { position: 'asc' } } } satisfies Prisma.AwardDecisionInclude;
export type AwardDecisionRecord = Prisma.AwardDecisionGetPayload<{ include: typeof withItems }>;

/** What the issuing transaction knows when the document is drawn: the decision, its number and day. */
export interface IssuingDecision {
  decision: AwardDecisionRecord;
  number: string;
  signer: string;
  issuedAt: Date;
}

/**
 * Issuing waits for the counter row while other issues of the same authority hold it; twenty at once
 * queue behind each other's document signing, which Prisma's 5 s default would cut short.
 */
const ISSUE_TX = { maxWait: 30_000, timeout: 60_000 } as const;

@Injectable()
export class AwardDecisionRepository {
  constructor(private readonly prisma: PrismaService) {}

  findById(id: string): Promise<AwardDecisionRecord | null> {
    return this.prisma.awardDecision.findUnique({ where: { id }, include: withItems });
  }

  /** The signed document as issued (and kept after a revocation). */
  async document(id: string): Promise<Buffer | null> {
    const row = await this.prisma.awardDecision.findUnique({ where: { id }, select: { document: true } });
    return row?.document ? Buffer.from(row.document) : null;
  }

  /** Newest first; `unitCodes`, when given, keeps the decisions naming one of those units. */
  list(filter: { year?: number; awardCode?: string; status?: AwardDecisionStatus; unitCodes?: readonly string[] }): Promise<AwardDecisionRecord[]> {
    return this.prisma.awardDecision.findMany({
      where: {
        year: filter.year,
        awardCode: filter.awardCode,
        status: filter.status,
        ...(filter.unitCodes && { items: { some: { unitCode: { in: [...filter.unitCodes] } } } }),
      },
      include: withItems,
      orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
    });
  }

  /**
   * Drafts the decision, or returns the one this caller drafted under the same request id. The named
   * nominations are locked while they are checked, so two drafts cannot both take the same one.
   */
  async createDraft(
    request: Omit<DraftRequest, 'baseSalaries'>,
    caller: { createdBy: string; requestId: string },
  ): Promise<AwardDecisionRecord | { refused: ErrorDetail[] }> {
    const existing = () => this.prisma.awardDecision.findUnique({ where: { createdBy_requestId: caller }, include: withItems });
    const found = await existing();
    if (found) return found;
    try {
      return await this.prisma.$transaction(async (tx) => {
        const ids = [...request.nominationIds];
        await tx.$queryRaw`SELECT id FROM nominations WHERE id = ANY(${ids}::uuid[]) ORDER BY id FOR UPDATE`;
        const draft = draftDecision({ ...request, baseSalaries: await baseSalaries(tx) }, await candidates(tx, ids));
        if ('refused' in draft) return draft;
        return this.insertDraft(tx, request, draft, caller);
      });
    } catch (error) {
      // The same request sent twice at once: the other one drafted it.
      if (!isUniqueViolation(error)) throw error;
      const again = await existing();
      if (!again) throw error;
      return again;
    }
  }

  private insertDraft(tx: Tx, request: Omit<DraftRequest, 'baseSalaries'>, draft: Draft, caller: { createdBy: string; requestId: string }) {
    return tx.awardDecision.create({
      data: {
        authority: draft.authority,
        awardCode: request.awardCode,
        awardName: draft.awardName,
        catalogueVersion: draft.catalogueVersion,
        year: request.year,
        total: draft.total,
        ...caller,
        items: {
          create: draft.items.map((item, position) => ({
            ...item,
            position,
            nominee: { ...item.nominee },
            searchText: searchFold(`${nomineeName(item.nominee)} ${item.unitName}`),
          })),
        },
      },
      include: withItems,
    });
  }

  /**
   * Issues a draft: the authority's next number of the calendar year from its counter row, which this
   * transaction holds locked until it commits; the award history of every item; the signed document.
   * All or nothing, so a number is spent only by a decision issued with its history. An issued decision
   * is returned as it is (issuing twice gives the same number); a revoked one is `'REVOKED'`.
   */
  issue(id: string, signer: string, actor: string, render: (issuing: IssuingDecision) => Promise<Buffer>): Promise<AwardDecisionRecord | 'REVOKED' | null> {
    return this.prisma.$transaction(async (tx) => {
      const locked = await tx.$queryRaw<{ status: AwardDecisionStatus }[]>`SELECT status FROM award_decisions WHERE id = ${id}::uuid FOR UPDATE`;
      if (locked.length === 0) return null;
      const decision = await tx.awardDecision.findUniqueOrThrow({ where: { id }, include: withItems });
      if (decision.status !== 'DRAFT') return decision.status === 'REVOKED' ? 'REVOKED' : decision;
      const issuedAt = new Date();
      const year = numberingYear(issuedAt);
      const [counter] = await tx.$queryRaw<{ last: number }[]>`
        INSERT INTO award_decision_counters (authority, year, last) VALUES (${decision.authority}, ${year}, 1)
        ON CONFLICT (authority, year) DO UPDATE SET last = award_decision_counters.last + 1
        RETURNING last`;
      const last = counter!.last;
      const number = decisionNumber(decision.authority as Authority, last);
      await writeHistory(tx, decision, number, issuedAt);
      const document = await render({ decision, number, signer, issuedAt });
      const subject = `award-decision:${id}` as const;
      await recordAudit(tx, {
        actor,
        action: 'AWARD_DECISION_ISSUED',
        subject,
        details: { number, signer, items: decision.items.length, total: decision.total },
      });
      return tx.awardDecision.update({
        where: { id },
        data: {
          status: 'ISSUED',
          seq: last,
          numberYear: year,
          number,
          signer,
          issuedAt,
          document: new Uint8Array(document),
          sha256: createHash('sha256').update(document).digest('hex'),
        },
        include: withItems,
      });
    }, ISSUE_TX);
  }

  /**
   * Revokes an issued decision: its history entries stop counting at once, its number stays spent and
   * its document stays as issued. Revoking a revoked one returns it; a draft is `'DRAFT'`.
   */
  revoke(id: string, reason: string, actor: string): Promise<AwardDecisionRecord | 'DRAFT' | null> {
    return this.prisma.$transaction(async (tx) => {
      const locked = await tx.$queryRaw<{ status: AwardDecisionStatus }[]>`SELECT status FROM award_decisions WHERE id = ${id}::uuid FOR UPDATE`;
      if (locked.length === 0) return null;
      const decision = await tx.awardDecision.findUniqueOrThrow({ where: { id }, include: withItems });
      if (decision.status === 'DRAFT') return 'DRAFT';
      if (decision.status === 'REVOKED') return decision;
      const revokedAt = new Date();
      await tx.awardHistory.updateMany({
        where: { nominationId: { in: decision.items.map((i) => i.nominationId) }, decisionRef: decision.number! },
        data: { revokedAt },
      });
      await recordAudit(tx, { actor, action: 'AWARD_DECISION_REVOKED', subject: `award-decision:${id}`, details: { number: decision.number, reason } });
      return tx.awardDecision.update({
        where: { id },
        data: { status: 'REVOKED', revokedAt, revokedBy: actor, revokeReason: reason },
        include: withItems,
      });
    });
  }

  /** The issued decision, not revoked, that lists each of these nominations. */
  async standingFor(nominationIds: readonly string[]): Promise<Map<string, { id: string; number: string; issuedAt: Date }>> {
    const items = await this.prisma.awardDecisionItem.findMany({
      where: { nominationId: { in: [...nominationIds] }, decision: { status: 'ISSUED' } },
      select: { nominationId: true, decision: { select: { id: true, number: true, issuedAt: true } } },
    });
    return new Map(items.map((i) => [i.nominationId, { id: i.decision.id, number: i.decision.number!, issuedAt: i.decision.issuedAt! }]));
  }

  /** The decisions issued (revoked ones too, marked so) that list any of these nominations, in the order of their numbers. */
  async issuedFrom(nominationIds: readonly string[]) {
    const decisions = await this.prisma.awardDecision.findMany({
      where: { status: { in: ['ISSUED', 'REVOKED'] }, items: { some: { nominationId: { in: [...nominationIds] } } } },
      select: { id: true, number: true, status: true, awardCode: true, issuedAt: true, items: { select: { nominationId: true } } },
      orderBy: [{ numberYear: 'asc' }, { authority: 'asc' }, { seq: 'asc' }],
    });
    return decisions.map(({ items, ...d }) => ({ ...d, nominationIds: items.map((i) => i.nominationId) }));
  }

  /** Issued, unrevoked awards, for the public lookup: a name or unit matched in any case and without diacritics. */
  async publicAwards(filter: { q?: string; year?: number; awardCode?: string }, take: number) {
    const items = await this.prisma.awardDecisionItem.findMany({
      where: {
        decision: { status: 'ISSUED', year: filter.year, awardCode: filter.awardCode },
        ...(filter.q && { searchText: { contains: searchFold(filter.q) } }),
      },
      select: { nominee: true, unitName: true, decision: { select: { awardName: true, number: true, issuedAt: true } } },
      orderBy: [{ decision: { issuedAt: 'desc' } }, { position: 'asc' }],
      take,
    });
    return items.map((i) => ({
      nominee: i.nominee as Nominee,
      unitName: i.unitName,
      awardName: i.decision.awardName,
      number: i.decision.number!,
      issuedAt: i.decision.issuedAt!,
    }));
  }
}

async function baseSalaries(tx: Tx) {
  const rows = await tx.baseSalary.findMany({ orderBy: { effectiveFrom: 'asc' }, select: { amount: true, effectiveFrom: true } });
  return rows.map((r) => ({ amount: r.amount, effectiveFrom: r.effectiveFrom.toISOString().slice(0, 10) }));
}

async function candidates(tx: Tx, ids: string[]): Promise<Map<string, DraftCandidate>> {
  const [rows, taken] = await Promise.all([
    tx.nomination.findMany({ where: { id: { in: ids } } }),
    tx.awardDecisionItem.findMany({
      where: { nominationId: { in: ids }, decision: { status: { not: 'REVOKED' } } },
      select: { nominationId: true, decision: { select: { number: true } } },
    }),
  ]);
  const units = new Map((await tx.org.findMany({ where: { code: { in: rows.map((r) => r.unitCode) } } })).map((o) => [o.code, o.name]));
  const inDecision = new Map(taken.map((t) => [t.nominationId, t.decision]));
  return new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        status: r.status,
        awardCode: r.awardCode,
        year: r.year,
        catalogueVersion: r.catalogueVersion,
        unitCode: r.unitCode,
        unitName: units.get(r.unitCode) ?? r.unitCode,
        nominee: r.nominee as Nominee,
        route: r.route,
        inDecision: inDecision.get(r.id),
      },
    ]),
  );
}

/**
 * Each awardee's history row: the one the final approval wrote (found by person, unit, award and year)
 * now cites the decision's number and counts again if an earlier decision had been revoked; a
 * nomination approved before approvals wrote history gets its row here, its basis from its campaign.
 */
async function writeHistory(tx: Tx, decision: AwardDecisionRecord, number: string, issuedAt: Date): Promise<void> {
  const nominations = await tx.nomination.findMany({ where: { id: { in: decision.items.map((i) => i.nominationId) } } });
  const campaignIds = nominations.flatMap((n) => (n.campaignId ? [n.campaignId] : []));
  const kinds = new Map((await tx.campaign.findMany({ where: { id: { in: campaignIds } }, select: { id: true, kind: true } })).map((c) => [c.id, c.kind]));
  for (const n of nominations) {
    const entry = awardHistoryEntry(
      { ...n, nominee: n.nominee as Nominee },
      issuedAt.toISOString(),
      number,
      n.campaignId ? kinds.get(n.campaignId) : undefined,
    );
    const { fullName, unitCode, awardCode, year } = entry;
    await tx.awardHistory.upsert({
      where: { fullName_unitCode_awardCode_year: { fullName, unitCode, awardCode, year } },
      create: entry,
      update: { decisionRef: number, nominationId: n.id, revokedAt: null },
    });
  }
}
