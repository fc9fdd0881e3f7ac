import { Injectable } from '@nestjs/common';
import { ChainWalk, GENESIS_HASH, type ChainCheck, type StoredAuditEvent } from './audit-chain';
import type { Prisma } from './generated/client';
import { PrismaService } from './prisma.service';

/** The actions recorded besides a nomination's workflow transitions (whose kinds are actions too). */
export type AuditAction =
  | 'HOLD_PLACED'
  | 'HOLD_LIFTED'
  | 'DELEGATION_GIVEN'
  | 'DELEGATION_REVOKED'
  | 'AWARD_HISTORY_IMPORTED'
  | 'CALENDAR_SAVED'
  | 'BASE_SALARY_ADDED'
  | 'SCHEDULE_PAUSED'
  | 'SCHEDULE_RESUMED'
  | 'SCHEDULE_TRIGGERED'
  | 'CAMPAIGN_CREATED'
  | 'VOTE_CAST'
  | 'OBJECTION_FILED'
  | 'DOCUMENT_UPLOADED'
  | 'DOCUMENT_ATTACHED'
  | 'ORGANISATION_IMPORTED'
  | 'ORGANISATION_USERS_IMPORTED'
  | 'AWARD_DECISION_ISSUED'
  | 'AWARD_DECISION_REVOKED';

/** What changed, as `<kind>:<id>`. */
export type AuditSubject =
  | `${'nomination' | 'hold' | 'delegation' | 'document' | 'calendar' | 'base-salary' | 'award-history' | 'schedule' | 'campaign' | 'award-decision'}:${string}`
  | 'organisation';

export interface AuditEntry {
  actor: string;
  action: AuditAction;
  subject: AuditSubject;
  details: Prisma.InputJsonObject;
}

export interface AuditEventView {
  seq: number;
  at: string;
  actor: string | null;
  action: string;
  subject: string;
  details: unknown;
  hash: string;
}

export interface AuditFilter {
  subject?: string;
  actor?: string;
  action?: string;
  from?: Date;
  to?: Date;
}

type Writer = Pick<Prisma.TransactionClient, 'auditEvent'>;

/**
 * Writes the event inside the caller's transaction, so that it commits or rolls back with the change.
 * The database gives it its place in the chain and its hash; appending holds the chain's head until
 * the transaction ends, so a writer records the event as late in its transaction as it can.
 */
export async function recordAudit(tx: Writer, entry: AuditEntry): Promise<void> {
  await tx.auditEvent.createMany({ data: [{ kind: entry.action, actor: entry.actor, subject: entry.subject, data: entry.details }] });
}

const VERIFY_BATCH = 5000;
// Long enough to read a few million events; an admin's occasional check, not a request path.
const VERIFY_TIMEOUT_MS = 10 * 60_000;
// Below any chain_seq, even a forged negative one.
const BEFORE_ALL = -2_147_483_649;

@Injectable()
export class AuditRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** For a change made outside the database (a Temporal schedule): recorded once it is done. */
  record(entry: AuditEntry): Promise<void> {
    return recordAudit(this.prisma, entry);
  }

  /** Newest first. */
  async page(filter: AuditFilter, page: { skip: number; take: number }): Promise<{ items: AuditEventView[]; total: number }> {
    const where: Prisma.AuditEventWhereInput = {
      subject: filter.subject,
      actor: filter.actor,
      kind: filter.action,
      at: { gte: filter.from, lte: filter.to },
    };
    const [rows, total] = await Promise.all([
      this.prisma.auditEvent.findMany({ where, orderBy: { chainSeq: 'desc' }, skip: page.skip, take: page.take }),
      this.prisma.auditEvent.count({ where }),
    ]);
    const items = rows.map((r) => ({
      seq: r.chainSeq,
      at: r.at.toISOString(),
      actor: r.actor,
      action: r.kind,
      subject: r.subject,
      details: r.data,
      hash: r.hash,
    }));
    return { items, total };
  }

  /**
   * Recomputes every hash from the stored rows, in one snapshot (head and rows alike), so that events
   * appended meanwhile are neither missed nor taken for forgeries. Trusts nothing the database
   * computes: only the stored values, `details` as the text that was hashed.
   */
  verify(): Promise<ChainCheck> {
    return this.prisma.$transaction(
      async (tx) => {
        const head = (await tx.auditChainHead.findUnique({ where: { id: true } })) ?? { seq: 0, hash: GENESIS_HASH };
        const walk = new ChainWalk(head);
        for (let after = BEFORE_ALL; ;) {
          const rows = await tx.$queryRaw<StoredAuditEvent[]>`
            SELECT chain_seq AS seq, at, actor, kind AS action, subject, data::text AS details, hash
            FROM audit_events WHERE chain_seq > ${after}::bigint ORDER BY chain_seq LIMIT ${VERIFY_BATCH}`;
          rows.forEach((row) => walk.add(row));
          if (rows.length < VERIFY_BATCH) return walk.result();
          after = rows[rows.length - 1]!.seq;
        }
      },
      { isolationLevel: 'RepeatableRead', timeout: VERIFY_TIMEOUT_MS },
    );
  }
}
