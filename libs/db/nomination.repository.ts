import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { findAward } from '../domain/award-catalogue';
import { hanoiDay } from '../domain/hanoi-time';
import type { Level } from '../domain/levels';
import type { Audience, NominationState, Transition } from '../domain/nomination-machine';
import { requestIdReused, type CommandRef } from '../domain/command-fingerprint';
import type { DomainError } from '../domain/errors';
import type { NominationStatus } from '../domain/nomination-status';
import { emailText, notificationText } from '../domain/notification-text';
import type { Nominee } from '../domain/schemas';
import type { OrgTree } from '../domain/access-policy';
import { recordAudit } from './audit.repository';
import { recordDecisionLatency } from './decision-latency.repository';
import { Prisma } from './generated/client';
import { PrismaService } from './prisma.service';
import { OrgRepository } from './org.repository';
import { QuotaRepository } from './quota.repository';

const withDecisions = {
  decisions: { orderBy: { seq: 'asc' } },
  objections: { orderBy: { createdAt: 'asc' } },
  opinions: { orderBy: { agency: 'asc' } },
  documents: { orderBy: [{ attachedAt: 'asc' }, { version: 'asc' }] },
} satisfies Prisma.NominationInclude;
export type NominationRecord = Prisma.NominationGetPayload<{ include: typeof withDecisions }>;

export interface NominationFilter {
  status?: NominationStatus;
  statuses?: NominationStatus[];
  overdueBefore?: Date;
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
  // Held apart from `scopes` (its own AND) so that both may narrow one query.
  return { AND: [{ OR: [...atOwnLevel, ...forDelegators, ...forOpinion, ...assigned.map((a) => ({ id: a.nominationId, currentLevel: a.level }))] }] };
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

const requestIdOf = (data: unknown): string | null =>
  data && typeof data === 'object' && 'requestId' in data && typeof data.requestId === 'string' ? data.requestId : null;

/** The sequence number is taken: by this very transition (a retried commit), or by another one. */
function sameCommit(seen: { kind: string; data: unknown }, t: Transition, request?: CommandRef): boolean {
  return seen.kind === t.kind && requestIdOf(seen.data) === (request?.requestId ?? null);
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
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly quotas: QuotaRepository,
    private readonly orgs: OrgRepository,
  ) {}

  findById(id: string): Promise<NominationRecord | null> {
    return this.prisma.nomination.findUnique({ where: { id }, include: withDecisions });
  }

  findByRequest(submittedBy: string, requestId: string): Promise<NominationRecord | null> {
    return this.prisma.nomination.findUnique({
      where: { submittedBy_requestId: { submittedBy, requestId } },
      include: withDecisions,
    });
  }

  assignment(nominationId: string, level: Level) {
    return this.prisma.levelAssignment.findUnique({ where: { nominationId_level: { nominationId, level } } });
  }

  assignedTo(reviewer: string): Promise<{ nominationId: string; level: Level }[]> {
    return this.prisma.levelAssignment.findMany({ where: { reviewer }, select: { nominationId: true, level: true } });
  }

  async isAssignee(nominationId: string, reviewer: string): Promise<boolean> {
    return (await this.prisma.levelAssignment.count({ where: { nominationId, reviewer } })) > 0;
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
      ...(filter.overdueBefore && { overdue: true, dueAt: { lte: filter.overdueBefore } }),
      currentLevel: filter.level,
      unitCode: filter.unitCode,
      awardCode: filter.awardCode,
      campaignId: filter.campaignId,
      ...(filter.scopes && scopeWhere(filter.scopes)),
      ...(filter.waitingFor && waitingWhere(filter.waitingFor)),
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
            // One statement when the request is new, as it nearly always is; a second one only to say why not.
            const { count } = await tx.commandRequest.createMany({ data: [{ ...options.request, nominationId: t.nominationId }], skipDuplicates: true });
            if (count === 0) {
              const { actor, requestId } = options.request;
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

  addObjection(nominationId: string, author: string, text: string) {
    return this.prisma.$transaction(async (tx) => {
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
    const nomination = await tx.nomination.findUniqueOrThrow({ where: { id: t.nominationId } });
    await tx.auditEvent.create({
      data: {
        nominationId: t.nominationId,
        seq: t.seq,
        kind: t.kind,
        actor: t.actor,
        at: new Date(t.at),
        data: JSON.parse(JSON.stringify({ state: t.state, decision: t.decision, comment: t.comment, requestId })),
      },
    });
    if (t.decision) {
      const { decidedAt, tally, documents, ...decision } = t.decision;
      await tx.decision.create({
        data: {
          ...decision,
          tally: tally ? { ...tally } : undefined,
          documents: documents ? documents.map((d) => ({ id: d.id, sha256: d.sha256 })) : undefined,
          nominationId: t.nominationId,
          seq: t.seq,
          decidedAt: new Date(decidedAt),
        },
      });
      await recordDecisionLatency(tx, { nominationId: t.nominationId, seq: t.seq, level: decision.level, decidedAt: new Date(decidedAt) });
    }
    if (t.state.status === 'APPROVED') await this.addToHistory(tx, nomination, t.at, t.externalDecision?.decisionRef);
    if (t.consultation) {
      const deadlines = t.consultation.deadlines;
      await tx.opinion.createMany({
        data: t.consultation.agencies.map((agency) => ({
          nominationId: t.nominationId,
          agency,
          dueAt: deadlines?.[agency] ? new Date(deadlines[agency]) : null,
        })),
        skipDuplicates: true,
      });
    }
    if (t.overdueAgencies?.length) {
      await tx.opinion.updateMany({ where: { nominationId: t.nominationId, agency: { in: t.overdueAgencies } }, data: { overdue: true } });
    }
    if (t.opinion) {
      const { agency, answeredAt, ...answer } = t.opinion;
      await tx.opinion.update({
        where: { nominationId_agency: { nominationId: t.nominationId, agency } },
        data: { ...answer, answeredAt: new Date(answeredAt) },
      });
    }
    if (t.assignee) {
      const data = { reviewer: t.assignee.reviewer, assignedBy: t.actor ?? 'system', reason: t.comment ?? '' };
      await tx.levelAssignment.upsert({
        where: { nominationId_level: { nominationId: t.nominationId, level: t.assignee.level } },
        create: { nominationId: t.nominationId, level: t.assignee.level, ...data },
        update: data,
      });
    }
    await tx.nomination.updateMany({
      // A transition older than the one already written never overwrites it.
      where: { id: t.nominationId, version: { lt: t.seq } },
      data: {
        status: t.state.status,
        currentLevel: t.state.currentLevel,
        dueAt: t.state.dueAt ? new Date(t.state.dueAt) : null,
        overdue: t.state.overdue,
        returnDeadline: t.state.returnDeadline ? new Date(t.state.returnDeadline) : null,
        returnCount: t.state.returnCount,
        version: t.seq,
        ...(t.achievements && { achievements: t.achievements }),
        ...(t.gates && {
          postingEndsAt: t.gates.postingEndsAt ? new Date(t.gates.postingEndsAt) : null,
          postingOpen: t.gates.postingOpen,
          consultationDueAt: t.gates.consultationDueAt ? new Date(t.gates.consultationDueAt) : null,
          consultationOpen: t.gates.consultationOpen,
          suspendedSince: t.gates.suspendedSince ? new Date(t.gates.suspendedSince) : null,
        }),
        ...(t.externalDecision && { externalDecisionRef: t.externalDecision.decisionRef, externalDecidedOn: t.externalDecision.decidedOn }),
      },
    });
    await this.notify(tx, t, nomination);
  }

  /** A final approval becomes award history, which later nominations' eligibility is judged by. */
  private async addToHistory(
    tx: Tx,
    n: { id: string; unitCode: string; awardCode: string; year: number; nominee: unknown; campaignId: string | null },
    at: string,
    decisionRef?: string,
  ) {
    const nominee = n.nominee as Nominee;
    const day = hanoiDay(new Date(at)).split('-').reverse().join('/');
    // A themed campaign's result is kept, but marked so that it never grounds a higher award.
    const campaign = n.campaignId ? await tx.campaign.findUnique({ where: { id: n.campaignId }, select: { kind: true } }) : null;
    await tx.awardHistory.createMany({
      data: [
        {
          fullName: nominee.kind === 'INDIVIDUAL' ? nominee.fullName : nominee.name,
          unitCode: n.unitCode,
          awardCode: n.awardCode,
          year: n.year,
          decisionRef: decisionRef ?? `Hồ sơ ${n.id.slice(0, 8)}, phê duyệt ngày ${day}`,
          source: 'NOMINATION',
          basis: campaign?.kind ?? 'REGULAR',
          nominationId: n.id,
        },
      ],
      skipDuplicates: true,
    });
  }

  /**
   * Brings a row in line with the state its (closed) workflow ended in, when the final transitions
   * never reached the database; audited as an admin repair.
   */
  async closeAsWorkflow(id: string, state: NominationState, actor: string, reason: string): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      const last = await tx.auditEvent.findFirst({ where: { nominationId: id }, orderBy: { seq: 'desc' } });
      const seq = Math.max(last?.seq ?? 0, state.seq) + 1;
      await tx.auditEvent.create({
        data: {
          nominationId: id,
          seq,
          kind: 'REPAIRED',
          actor,
          at: new Date(),
          data: { reason, state: { status: state.status, currentLevel: state.currentLevel } },
        },
      });
      await tx.nomination.update({
        where: { id },
        data: {
          status: state.status,
          currentLevel: state.currentLevel,
          dueAt: state.dueAt ? new Date(state.dueAt) : null,
          overdue: state.overdue,
          returnDeadline: state.returnDeadline ? new Date(state.returnDeadline) : null,
          returnCount: state.returnCount,
          version: seq,
        },
      });
    });
  }

  private async notify(tx: Tx, t: Transition, nomination: { unitCode: string; awardCode: string; nominee: unknown; createdAt: Date }) {
    if (t.notify.length === 0) return;
    const tree = await this.orgs.tree(tx);
    const award = findAward(nomination.awardCode, hanoiDay(nomination.createdAt));
    const context = {
      transition: t,
      nominee: nomination.nominee as Nominee,
      awardName: award?.nameVi ?? nomination.awardCode,
      unitName: tree.get(nomination.unitCode)?.name ?? nomination.unitCode,
    };
    for (const intent of t.notify) {
      const recipients = intent.username
        ? [intent.username]
        : await this.recipients(tx, tree, t.nominationId, nomination.unitCode, intent.audience, intent.level);
      const { title, body } = notificationText(intent.kind, context);
      await tx.notification.createMany({
        data: recipients.map((username) => ({ username, nominationId: t.nominationId, seq: t.seq, kind: intent.kind, title, body })),
        skipDuplicates: true,
      });
      if (this.config.SMTP_URL) await this.queueEmails(tx, t, intent.kind, recipients, title, body);
    }
  }

  /** Emails join the outbox in the transition's own transaction; the dispatcher sends them afterwards. */
  private async queueEmails(tx: Tx, t: Transition, kind: string, usernames: string[], subject: string, body: string) {
    const users = await tx.user.findMany({ where: { username: { in: usernames } }, select: { username: true, email: true, displayName: true } });
    await tx.delivery.createMany({
      data: users
        .filter((u) => u.email)
        .map((u) => ({
          channel: 'EMAIL',
          nominationId: t.nominationId,
          seq: t.seq,
          kind,
          recipient: u.username,
          address: u.email,
          subject,
          body: emailText(u.displayName, body),
        })),
      skipDuplicates: true,
    });
  }

  private async recipients(tx: Tx, tree: OrgTree, nominationId: string, unitCode: string, audience: Audience | 'USER', level?: Level): Promise<string[]> {
    const reviewingOrg = (at: Level | undefined) => (at && tree.reviewingOrg(unitCode, at)?.code) ?? '';
    const where: Prisma.UserWhereInput =
      audience === 'ADMINS'
        ? { role: 'ADMIN' }
        : audience === 'CLERKS'
          ? { role: 'CLERK', orgCode: unitCode }
          : audience === 'SUPERVISORS'
            ? { role: 'REVIEWER', orgCode: tree.get(reviewingOrg(level))?.parentCode ?? reviewingOrg(level) }
            : { role: 'REVIEWER', orgCode: reviewingOrg(level) };
    const users = await tx.user.findMany({ where, select: { username: true }, orderBy: { username: 'asc' } });
    // A reviewer an admin assigned to the level hears what its own reviewers hear.
    const assigned =
      audience === 'LEVEL_REVIEWERS' && level ? await tx.levelAssignment.findUnique({ where: { nominationId_level: { nominationId, level } } }) : null;
    return [...new Set([...users.map((u) => u.username), ...(assigned ? [assigned.reviewer] : [])])];
  }
}
