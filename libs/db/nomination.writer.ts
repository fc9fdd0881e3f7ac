import { awardHistoryEntry } from '../domain/award-history-entry';
import type { CommandRef } from '../domain/command-fingerprint';
import type { NominationState, Transition } from '../domain/nomination-machine';
import type { Nominee } from '../domain/schemas';
import { recordDecisionLatency } from './decision-latency.repository';
import type { Nomination, Prisma } from './generated/client';

type Tx = Prisma.TransactionClient;

/** The row's copy of the state the workflow holds. */
const stateColumns = (state: Transition['state']) => ({
  status: state.status,
  currentLevel: state.currentLevel,
  dueAt: state.dueAt ? new Date(state.dueAt) : null,
  overdue: state.overdue,
  returnDeadline: state.returnDeadline ? new Date(state.returnDeadline) : null,
  returnCount: state.returnCount,
});

const requestIdOf = (data: unknown): string | null =>
  data && typeof data === 'object' && 'requestId' in data && typeof data.requestId === 'string' ? data.requestId : null;

/** Whether the audit event holding a sequence number is this very transition (a retried commit) or another one: it keeps the request id for this. */
export function sameCommit(seen: { kind: string; data: unknown }, t: Transition, request?: CommandRef): boolean {
  return seen.kind === t.kind && requestIdOf(seen.data) === (request?.requestId ?? null);
}

/**
 * Writes what one transition changes, inside the caller's transaction: the audit event, the decision, the
 * award history of a final approval, the consultation's opinions, an assignment and the nomination row.
 * Returns the row as it was before, whose facts the transition's notifications name.
 */
export async function writeTransition(tx: Tx, t: Transition, requestId?: string): Promise<Nomination> {
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
    await recordDecisionLatency(tx, { nominationId: t.nominationId, seq: t.seq, level: decision.level });
  }
  if (t.state.status === 'APPROVED') {
    const campaign = nomination.campaignId ? await tx.campaign.findUnique({ where: { id: nomination.campaignId }, select: { kind: true } }) : null;
    const entry = awardHistoryEntry({ ...nomination, nominee: nomination.nominee as Nominee }, t.at, t.externalDecision?.decisionRef, campaign?.kind);
    await tx.awardHistory.createMany({ data: [entry], skipDuplicates: true });
  }
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
      ...stateColumns(t.state),
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
  return nomination;
}

/** The repair's audit event, after every other, and the row set to the workflow's final state. */
export async function writeRepair(tx: Tx, id: string, state: NominationState, actor: string, reason: string): Promise<void> {
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
  await tx.nomination.update({ where: { id }, data: { ...stateColumns(state), version: seq } });
}
