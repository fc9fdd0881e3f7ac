import type { Level } from './levels';
import type { DecisionRecord, HeldBy, NominationState } from './nomination-machine';
import type { NominationStatus } from './nomination-status';

/** What the database row of a nomination holds of its state (the repository's record has all of it and more). */
export interface NominationRow {
  id: string;
  route: Level[];
  status: NominationStatus;
  currentLevel: Level | null;
  dueAt: Date | null;
  overdue: boolean;
  returnDeadline: Date | null;
  returnCount: number;
  version: number;
  updatedAt: Date;
  postingEndsAt: Date | null;
  postingOpen: boolean;
  consultationDueAt: Date | null;
  consultationOpen: boolean;
  suspendedSince: Date | null;
  decisions: readonly {
    level: Level;
    decision: DecisionRecord['decision'];
    reviewer: string;
    onBehalfOf: string | null;
    comment: string | null;
    ground: string | null;
    requestId: string;
    decidedAt: Date;
  }[];
  opinions: readonly { agency: string; answer: string | null; dueAt: Date | null; overdue: boolean }[];
}

/**
 * The nomination's state as its row holds it, with the law's gates (a posting, a consultation with each
 * agency's answer and deadline, a suspension and the `holds` in force behind it). The row is written
 * before the workflow adopts a transition, so it is the state the API checks commands against and the
 * state a re-driven run takes over.
 */
export function stateFromRecord(row: NominationRow, holds: readonly HeldBy[] = []): NominationState {
  const opinions = row.opinions;
  const deadlines = opinions.filter((o) => o.dueAt).map((o) => [o.agency, o.dueAt!.toISOString()] as const);
  return {
    ...(row.postingEndsAt && { posting: { endsAt: row.postingEndsAt.toISOString(), ended: !row.postingOpen } }),
    ...(row.consultationDueAt &&
      opinions.length > 0 && {
        consultation: {
          dueAt: row.consultationDueAt.toISOString(),
          agencies: opinions.map((o) => o.agency),
          answered: opinions.filter((o) => o.answer !== null).map((o) => o.agency),
          closed: !row.consultationOpen,
          ...(deadlines.length > 0 && { deadlines: Object.fromEntries(deadlines), lapsed: opinions.filter((o) => o.overdue).map((o) => o.agency) }),
        },
      }),
    ...(row.suspendedSince && { holds: [...holds], suspendedSince: row.suspendedSince.toISOString() }),
    nominationId: row.id,
    route: row.route,
    status: row.status,
    currentLevel: row.currentLevel,
    dueAt: row.dueAt?.toISOString() ?? null,
    overdue: row.overdue,
    returnDeadline: row.returnDeadline?.toISOString() ?? null,
    returnCount: row.returnCount,
    decisions: row.decisions.map((d) => ({
      level: d.level,
      decision: d.decision,
      reviewer: d.reviewer,
      onBehalfOf: d.onBehalfOf,
      comment: d.comment,
      ground: d.ground as DecisionRecord['ground'],
      requestId: d.requestId,
      decidedAt: d.decidedAt.toISOString(),
    })),
    requestIds: [],
    seq: row.version,
    levelEnteredAt: row.updatedAt.toISOString(),
    // The row does not know which alerts went out; at worst a reminder is sent once more.
    reminded: row.overdue,
    escalated: false,
  };
}
