import { Inject, Injectable } from '@nestjs/common';
import { API_MESSAGES } from '../domain/api-messages';
import type { Level } from '../domain/levels';
import type { NominationState, Transition } from '../domain/nomination-machine';
import { callersRequestId, requestIdReused, type CommandRef } from '../domain/command-fingerprint';
import type { DomainError } from '../domain/errors';
import type { NominationStatus } from '../domain/nomination-status';
import type { NotificationSettings } from '../domain/notification-policy';
import type { Nominee } from '../domain/schemas';
import { recordAudit } from './audit.repository';
import { Prisma, type Objection } from './generated/client';
import { sameCommit, writeRepair, writeTransition } from './nomination.writer';
import { NOTIFICATION_SETTINGS, writeNotifications } from './notification.writer';
import { PrismaService } from './prisma.service';
import { OrgRepository } from './org.repository';
import { QuotaRepository } from './quota.repository';

const withDecisions = {
  decisions: { orderBy: { seq: 'asc' } },
  opinions: { orderBy: { agency: 'asc' } },
  documents: { orderBy: [{ attachedAt: 'asc' }, { version: 'asc' }] },
  awardDecisionItems: { where: { decision: { status: 'ISSUED' } }, select: { decision: { select: { id: true, number: true, issuedAt: true } } } },
} satisfies Prisma.NominationInclude;
/** Objections are read with one nomination only: a list's rows leave them out, however many a posting gathered. */
const withObjections = { ...withDecisions, objections: { orderBy: { createdAt: 'asc' } } } satisfies Prisma.NominationInclude;
export type NominationRecord = Prisma.NominationGetPayload<{ include: typeof withDecisions }> & { objections?: Objection[] };

export interface NominationFilter {
  status?: NominationStatus;
  statuses?: NominationStatus[];
  overdueBefore?: Date;
  /** Past the due date (true) or not (false). */
  overdue?: boolean;
  /** Part of the nominee's or the collective's name, in any letter case. */
  nameContains?: string;
  level?: Level;
  unitCode?: string;
  awardCode?: string;
  campaignId?: string;
  /** Visibility: any of these (units, level on the route) pairs; absent means everything. */
  scopes?: { unitCodes: string[]; routeHas?: Level }[];
  /**
   * An inbox: waiting at the level its owner reviews in these units, at a level an admin assigned to them,
   * or at a level a reviewer delegated to them for today (in that reviewer's units).
   */
  waitingFor?: {
    level: Level | null;
    unitCodes: string[];
    assigned: { nominationId: string; level: Level }[];
    delegated?: { level: Level; unitCodes: string[] }[];
    /** A consulted agency's code: what awaits its opinion (hiệp y) while the consultation is open. */
    opinionOf?: string;
  };
}

type Tx = Prisma.TransactionClient;

export type VisibilityScopes = NonNullable<NominationFilter['scopes']>;

/** The nominations within any of the scopes (`visibleScopes` of the access policy). */
export function scopeWhere(scopes: VisibilityScopes): Prisma.NominationWhereInput {
  return { OR: scopes.map((s) => ({ unitCode: { in: s.unitCodes }, ...(s.routeHas && { route: { has: s.routeHas } }) })) };
}

function waitingWhere({ level, unitCodes, assigned, delegated = [], opinionOf }: NonNullable<NominationFilter['waitingFor']>): Prisma.NominationWhereInput {
  const at = (l: Level, units: string[]) => ({ currentLevel: l, unitCode: { in: units }, route: { has: l } });
  const atOwnLevel = level ? [at(level, unitCodes)] : [];
  const forDelegators = delegated.map((d) => at(d.level, d.unitCodes));
  const forOpinion = opinionOf ? [{ consultationOpen: true, opinions: { some: { agency: opinionOf, answer: null, overdue: false } } }] : [];
  // Under the filter's AND, apart from `scopes` (its own OR), so that both may narrow one query.
  return { OR: [...atOwnLevel, ...forDelegators, ...forOpinion, ...assigned.map((a) => ({ id: a.nominationId, currentLevel: a.level }))] };
}

/** An individual's full name or a collective's name: the nominee is kept as JSON, one of the two keys per kind. */
function nameWhere(part: string): Prisma.NominationWhereInput {
  const contains = { string_contains: part, mode: 'insensitive' } as const;
  return { OR: [{ nominee: { path: ['fullName'], ...contains } }, { nominee: { path: ['name'], ...contains } }] };
}

export interface CommitOptions {
  request?: CommandRef;
  /** Take the award's quota place in the same transaction (the deciding approval). */
  claimQuota?: boolean;
}

/** Below the workflow's 15 s limit on one commit attempt, so an attempt never outlives its transaction. */
const COMMIT_TIMEOUT_MS = 10_000;

class Refusal extends Error {
  constructor(readonly refusal: DomainError) {
    super(refusal.message);
  }
}

const STATE_MISMATCH = (t: Transition): DomainError => ({
  code: 'INVALID_STATE',
  message: `Bước ${t.seq} của hồ sơ đã được ghi cho một thao tác khác; quản trị viên cần đối chiếu (repair)`,
});

const requestReused = (same: boolean, operation: string): DomainError =>
  same ? { code: 'INVALID_STATE', message: 'Yêu cầu này đã được thực hiện trước đó' } : requestIdReused(operation);

export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';
}

@Injectable()
export class NominationRepository {
  constructor(
    private readonly prisma: PrismaService,
    @Inject(NOTIFICATION_SETTINGS) private readonly notificationSettings: NotificationSettings,
    private readonly quotas: QuotaRepository,
    private readonly orgs: OrgRepository,
  ) {}

  findById(id: string): Promise<NominationRecord | null> {
    return this.prisma.nomination.findUnique({ where: { id }, include: withObjections });
  }

  findByRequest(submittedBy: string, requestId: string): Promise<NominationRecord | null> {
    return this.prisma.nomination.findUnique({
      where: { submittedBy_requestId: { submittedBy, requestId } },
      include: withDecisions,
    });
  }

  assignedTo(reviewer: string): Promise<{ nominationId: string; level: Level }[]> {
    return this.prisma.levelAssignment.findMany({ where: { reviewer }, select: { nominationId: true, level: true } });
  }

  /** The nomination, the caller's request that created it and whatever `alsoWrite` adds (its documents), together. */
  async create(data: Prisma.NominationUncheckedCreateInput, request: CommandRef, tx?: Tx, alsoWrite?: (t: Tx) => Promise<void>): Promise<NominationRecord> {
    const write = async (t: Tx) => {
      const created = await t.nomination.create({ data });
      await t.commandRequest.create({ data: { ...request, nominationId: created.id } });
      await alsoWrite?.(t);
      return t.nomination.findUniqueOrThrow({ where: { id: created.id }, include: withDecisions });
    };
    return tx ? write(tx) : this.prisma.$transaction(write);
  }

  async list(filter: NominationFilter, page: number, pageSize: number, orderBy: Prisma.NominationOrderByWithRelationInput[]) {
    const where = this.where(filter);
    const [items, total] = await this.prisma.$transaction([
      this.prisma.nomination.findMany({ where, include: withDecisions, orderBy, skip: (page - 1) * pageSize, take: pageSize }),
      this.prisma.nomination.count({ where }),
    ]);
    return { items, total };
  }

  private where(filter: NominationFilter): Prisma.NominationWhereInput {
    return {
      status: filter.status ?? (filter.statuses && { in: filter.statuses }),
      ...(filter.overdue !== undefined && { overdue: filter.overdue }),
      ...(filter.overdueBefore && { overdue: true, dueAt: { lte: filter.overdueBefore } }),
      currentLevel: filter.level,
      unitCode: filter.unitCode,
      awardCode: filter.awardCode,
      campaignId: filter.campaignId,
      ...(filter.scopes && scopeWhere(filter.scopes)),
      AND: [...(filter.waitingFor ? [waitingWhere(filter.waitingFor)] : []), ...(filter.nameContains ? [nameWhere(filter.nameContains)] : [])],
    };
  }

  /**
   * Writes one workflow transition in a single transaction (the path of workflows started before the
   * durable-write shape): a retried activity finds the event and writes nothing.
   */
  async applyTransition(t: Transition): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      if (await tx.auditEvent.findUnique({ where: { nominationId_seq: { nominationId: t.nominationId, seq: t.seq } } })) return;
      await this.write(tx, t);
    });
  }

  /**
   * Commits one transition before the workflow adopts it: the audit event (one per nomination and
   * sequence number), the decision, the nomination row, the notifications, the outbox, the caller's
   * request id and, for a deciding approval, the quota place. A refusal (quota used up, request id
   * reused) writes nothing and is returned; the same transition committed again is a no-op.
   */
  async commit(t: Transition, options: CommitOptions = {}): Promise<DomainError | null> {
    return this.prisma
      .$transaction(
        async (tx) => {
          const seen = await tx.auditEvent.findUnique({ where: { nominationId_seq: { nominationId: t.nominationId, seq: t.seq } } });
          if (seen) return sameCommit(seen, t, options.request) ? null : STATE_MISMATCH(t);
          if (options.request) {
            const logged = { ...options.request, requestId: callersRequestId(options.request) };
            // One statement when the request is new, as it nearly always is; a second one only to say why not.
            const { count } = await tx.commandRequest.createMany({ data: [{ ...logged, nominationId: t.nominationId }], skipDuplicates: true });
            if (count === 0) {
              const { actor, requestId } = logged;
              const earlier = await tx.commandRequest.findUniqueOrThrow({ where: { actor_requestId: { actor, requestId } } });
              return requestReused(earlier.fingerprint === options.request.fingerprint, earlier.operation);
            }
          }
          if (options.claimQuota) {
            const refused = await this.quotas.claimIn(tx, t.nominationId);
            // Thrown so that the request id written above is rolled back with everything else.
            if (refused) throw new Refusal(refused);
          }
          await this.write(tx, t, options.request?.requestId);
          return null;
        },
        { maxWait: COMMIT_TIMEOUT_MS, timeout: COMMIT_TIMEOUT_MS },
      )
      .catch((error: unknown) => {
        if (error instanceof Refusal) return error.refusal;
        throw error;
      });
  }

  /** The nominations now posted publicly (công khai), the soonest to end first. */
  posted(now: Date) {
    return this.prisma.nomination.findMany({
      where: { status: 'IN_REVIEW', postingOpen: true, postingEndsAt: { gt: now } },
      orderBy: [{ postingEndsAt: 'asc' }, { createdAt: 'asc' }],
      take: 500,
    });
  }

  /**
   * One more objection of `author` on the nomination, unless they already posted `limit` (`OBJECTIONS_PER_USER`): a
   * 409, not a 429, since waiting does not lift it. A lock per author and nomination makes the count and
   * the insert one step, so concurrent posts cannot pass the limit together; the audit event is written with it.
   */
  addObjection(nominationId: string, author: string, text: string, limit: number): Promise<Objection | DomainError> {
    return this.prisma.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`objection:${nominationId}:${author}`}))`;
      if ((await tx.objection.count({ where: { nominationId, author } })) >= limit) {
        return {
          code: 'INVALID_STATE',
          message: API_MESSAGES.nomination.objectionLimit(limit),
          details: [{ path: 'text', message: API_MESSAGES.nomination.objectionLimitDetail(limit) }],
        } satisfies DomainError;
      }
      const objection = await tx.objection.create({ data: { nominationId, author, text } });
      await recordAudit(tx, { actor: author, action: 'OBJECTION_FILED', subject: `nomination:${nominationId}`, details: { objectionId: objection.id, text } });
      return objection;
    });
  }

  /** The nominations of a nominee (by name and unit) in review now: those a hold recorded today suspends. */
  inReviewFor(fullName: string, unitCode: string) {
    return this.prisma.nomination.findMany({
      where: {
        unitCode,
        status: 'IN_REVIEW',
        OR: [{ nominee: { path: ['fullName'], equals: fullName } }, { nominee: { path: ['name'], equals: fullName } }],
      },
      select: { id: true, workflowId: true },
    });
  }

  /** The command a caller's request id named, if it was ever committed. */
  findRequest(actor: string, requestId: string) {
    return this.prisma.commandRequest.findUnique({ where: { actor_requestId: { actor, requestId } } });
  }

  private async write(tx: Tx, t: Transition, requestId?: string): Promise<void> {
    const nomination = await writeTransition(tx, t, requestId);
    if (t.notify.length === 0) return;
    await writeNotifications(tx, t, { ...nomination, nominee: nomination.nominee as Nominee }, await this.orgs.tree(tx), this.notificationSettings);
  }

  /**
   * Brings a row in line with the state its (closed) workflow ended in, when the final transitions
   * never reached the database; audited as an admin repair.
   */
  async closeAsWorkflow(id: string, state: NominationState, actor: string, reason: string): Promise<void> {
    await this.prisma.$transaction((tx) => writeRepair(tx, id, state, actor, reason));
  }
}
