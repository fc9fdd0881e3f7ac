import { API_MESSAGES } from './api-messages';
import type { DomainError } from './errors';
import { LEVELS, type Level } from './levels';
import { isFinal, type DecisionKind, type NominationStatus, type RejectGround } from './nomination-status';

/**
 * The nomination's state machine, as pure functions over plain data so that the workflow
 * (deterministic, sandboxed) and the unit tests share exactly one definition of the rules.
 */

export interface Timing {
  /** How long each level may take before the nomination is overdue. */
  levelLimitMs: Record<Level, number>;
  /** How long a returned nomination waits for the unit to resubmit before it expires. */
  returnWindowMs: number;
}

/**
 * Where deadlines come from: fixed durations (the first workflow version) or dates the worker
 * planned on the working-day calendar before the transition (later versions).
 */
export interface Planner {
  levelDue(level: Level, now: Date): string | null;
  returnDeadline(now: Date): string | null;
}

export function timingPlanner(timing: Timing): Planner {
  return {
    levelDue: (level, now) => plus(now, timing.levelLimitMs[level]),
    returnDeadline: (now) => plus(now, timing.returnWindowMs),
  };
}

/** A council's secret ballot as counted when its chair closed it. */
export interface Tally {
  for: number;
  against: number;
  membersTotal: number;
  threshold: number;
}

export interface DecisionRecord {
  level: Level;
  decision: DecisionKind;
  reviewer: string;
  onBehalfOf: string | null;
  comment: string | null;
  ground: RejectGround | null;
  requestId: string;
  decidedAt: string;
  tally?: Tally | null;
  /** The minutes (biên bản) of a council vote. */
  minutes?: string | null;
  /** The dossier's document versions current when the decision was made; absent in older histories. */
  documents?: DocumentRef[];
}

/** A document version as the workflow carries it: never the bytes. */
export interface DocumentRef {
  id: string;
  sha256: string;
}

export interface NominationState {
  nominationId: string;
  route: Level[];
  status: NominationStatus;
  currentLevel: Level | null;
  dueAt: string | null;
  overdue: boolean;
  returnDeadline: string | null;
  returnCount: number;
  decisions: DecisionRecord[];
  /** Request ids of resubmissions and withdrawals already applied (decisions carry their own). */
  requestIds: string[];
  /** Number of transitions so far; orders the rows the activities write. */
  seq: number;
  /** When the nomination reached (or came back to) its current level; deadlines count from it. */
  levelEnteredAt?: string | null;
  /** The reminder and the second escalation of the current level, each sent once. */
  reminded?: boolean;
  escalated?: boolean;
  /** A deadline an admin set for the current level; it wins over the calendar's. */
  dueOverride?: string | null;
  /** The latest commands applied, by caller and request id, with what each was (a bounded window). */
  recent?: RecentRequest[];
  /** The public posting (công khai) before the council level of an award that has one. */
  posting?: Posting | null;
  /** The agencies consulted in parallel (hiệp y) at the city level. */
  consultation?: Consultation | null;
  /** Holds (discipline, investigation) recorded while in review: the level is suspended while any is in force. */
  holds?: HeldBy[];
  suspendedSince?: string | null;
}

export interface Posting {
  endsAt: string;
  ended: boolean;
}

export interface Consultation {
  /** The consultation's end at the latest: the last agency's deadline (the one deadline of all before v6). */
  dueAt: string;
  agencies: string[];
  answered: string[];
  closed: boolean;
  /** v6: each agency's own deadline, counted from when its request was sent; absent, `dueAt` is every agency's. */
  deadlines?: Record<string, string>;
  /** v6: the agencies whose own deadline passed before they answered; they can no longer answer. */
  lapsed?: string[];
}

export interface HeldBy {
  holdId: string;
  /** The instant the hold ends by itself (the end of its last day, Hà Nội time). */
  endsAt: string;
}

/** The agencies asked for their opinion and by when (each its own deadline from v6). */
export interface ConsultationRequest {
  dueAt: string;
  agencies: string[];
  deadlines?: Record<string, string>;
}

/** What the law adds when the nomination enters a level: its posting period, its consultation. */
export interface Entering {
  postingEndsAt?: string;
  consultation?: ConsultationRequest;
}

export const OPINION_ANSWERS = ['AGREE', 'DISAGREE'] as const;
export type OpinionAnswer = (typeof OPINION_ANSWERS)[number];

export interface OpinionCommand {
  agency: string;
  answer: OpinionAnswer;
  comment?: string;
  actor: string;
  requestId: string;
}

export interface SuspendCommand {
  holdId: string;
  endsAt: string;
  actor: string;
  requestId: string;
}

export interface LiftHoldCommand {
  holdId: string;
  actor: string;
  requestId: string;
}

export interface ExternalDecision {
  decisionRef: string;
  decidedOn: string;
  outcome: 'APPROVED' | 'REJECTED';
}

export interface RecentRequest {
  /** `actor:requestId` */
  key: string;
  fingerprint: string;
}

export interface DecideCommand {
  level: Level;
  decision: DecisionKind;
  comment?: string;
  ground?: RejectGround;
  requestId: string;
  reviewer: string;
  onBehalfOf?: string | null;
  tally?: Tally;
  minutes?: string;
  documents?: DocumentRef[];
}

export interface ResubmitCommand {
  requestId: string;
  actor: string;
  comment: string;
  achievements?: string;
}

export interface WithdrawCommand {
  requestId: string;
  actor: string;
  reason: string;
}

export type NotificationKind = 'REVIEW_REQUESTED' | 'DECIDED' | 'RETURNED' | 'REMINDER' | 'OVERDUE' | 'ESCALATED' | 'WITHDRAWN' | 'EXPIRED' | 'SUSPENDED';
/** LEVEL_REVIEWERS of `level`; SUPERVISORS are the reviewers of the level above it (the city's for the top). */
export type Audience = 'LEVEL_REVIEWERS' | 'SUPERVISORS' | 'CLERKS' | 'ADMINS';

export interface NotifyIntent {
  kind: NotificationKind;
  audience: Audience | 'USER';
  level?: Level;
  /** The one recipient, for audience USER. */
  username?: string;
}

export type TransitionKind =
  | 'SUBMITTED'
  | 'DECIDED'
  | 'RESUBMITTED'
  | 'WITHDRAWN'
  | 'REMINDED'
  | 'OVERDUE'
  | 'ESCALATED'
  | 'EXPIRED'
  | 'DEADLINE_CHANGED'
  | 'NUDGED'
  | 'REASSIGNED'
  | 'REDRIVEN'
  | 'POSTING_ENDED'
  | 'OPINION_GIVEN'
  | 'CONSULTATION_ENDED'
  | 'OPINIONS_OVERDUE'
  | 'SUSPENDED'
  | 'RESUMED'
  | 'EXTERNAL_DECIDED';

/** The columns the law's steps keep on the nomination row, written with every transition of a workflow that has them. */
export interface Gates {
  postingEndsAt: string | null;
  postingOpen: boolean;
  consultationDueAt: string | null;
  consultationOpen: boolean;
  suspendedSince: string | null;
}

/** Everything one transition changes, handed to the persisting activity. */
export interface Transition {
  nominationId: string;
  seq: number;
  kind: TransitionKind;
  at: string;
  actor: string | null;
  state: Pick<NominationState, 'status' | 'currentLevel' | 'dueAt' | 'overdue' | 'returnDeadline' | 'returnCount'>;
  decision?: DecisionRecord;
  comment?: string;
  achievements?: string;
  /** The reviewer an admin handed the current level to. */
  assignee?: { level: Level; reviewer: string };
  notify: NotifyIntent[];
  gates?: Gates;
  /** The agencies asked for their opinion, as the consultation starts. */
  consultation?: ConsultationRequest;
  /** The agencies whose own deadline passed unanswered with this transition. */
  overdueAgencies?: string[];
  opinion?: { agency: string; answer: OpinionAnswer; comment: string | null; answeredBy: string; answeredAt: string };
  externalDecision?: ExternalDecision;
}

export interface Step {
  state: NominationState;
  transition: Transition;
}

const plus = (now: Date, ms: number) => new Date(now.getTime() + ms).toISOString();

function step(prev: NominationState, next: NominationState, kind: TransitionKind, now: Date, extra: Partial<Transition>): Step {
  const state = { ...next, seq: prev.seq + 1 };
  const { status, currentLevel, dueAt, overdue, returnDeadline, returnCount } = state;
  const gates = gatesOf(state);
  return {
    state,
    transition: {
      nominationId: state.nominationId,
      seq: state.seq,
      kind,
      at: now.toISOString(),
      actor: null,
      state: { status, currentLevel, dueAt, overdue, returnDeadline, returnCount },
      notify: [],
      ...(gates && { gates }),
      ...extra,
    },
  };
}

/** Only the states of workflows that run the law's steps carry them (older transitions keep their shape). */
function gatesOf(state: NominationState): Gates | undefined {
  if (state.posting === undefined && state.consultation === undefined && state.holds === undefined) return undefined;
  return {
    postingEndsAt: state.posting?.endsAt ?? null,
    postingOpen: !!state.posting && !state.posting.ended,
    consultationDueAt: state.consultation?.dueAt ?? null,
    consultationOpen: !!state.consultation && !state.consultation.closed,
    suspendedSince: state.suspendedSince ?? null,
  };
}

/** A level entered afresh: its clock restarts and none of its reminders or escalations has been sent. */
function freshLevel(now: Date) {
  return { overdue: false, reminded: false, escalated: false, dueOverride: null, levelEnteredAt: now.toISOString() };
}

export function validateRoute(route: readonly string[]): route is Level[] {
  const order = route.map((l) => LEVELS.indexOf(l as Level));
  return route.length > 0 && order.every((i, k) => i >= 0 && (k === 0 || i > order[k - 1]!));
}

export function submit(nominationId: string, route: Level[], now: Date, planner: Planner): Step {
  const first = route[0]!;
  const empty: NominationState = {
    nominationId,
    route,
    status: 'IN_REVIEW',
    currentLevel: first,
    dueAt: null,
    overdue: false,
    returnDeadline: null,
    returnCount: 0,
    decisions: [],
    requestIds: [],
    seq: 0,
  };
  return step(empty, { ...empty, dueAt: planner.levelDue(first, now), levelEnteredAt: now.toISOString() }, 'SUBMITTED', now, {
    notify: [{ kind: 'REVIEW_REQUESTED', audience: 'LEVEL_REVIEWERS', level: first }],
  });
}

export function isDuplicate(state: NominationState, requestId: string): boolean {
  return state.requestIds.includes(requestId) || state.decisions.some((d) => d.requestId === requestId);
}

export function checkDecide(state: NominationState, cmd: Pick<DecideCommand, 'level'>): DomainError | null {
  if (state.status !== 'IN_REVIEW') {
    return { code: 'INVALID_STATE', message: API_MESSAGES.nomination.cannotDecide(state.status) };
  }
  if (state.currentLevel !== cmd.level) {
    return {
      code: 'LEVEL_MISMATCH',
      message: API_MESSAGES.nomination.awaitsOtherLevel(state.currentLevel, cmd.level),
      details: [{ path: 'level', message: API_MESSAGES.nomination.currentLevelIs(state.currentLevel) }],
    };
  }
  return null;
}

/**
 * `forward`: the last level proposes the award to the central level instead of granting it (FORWARDED).
 * `entering`: the posting period and the consultation that begin as the next level is entered.
 */
export function decide(state: NominationState, cmd: DecideCommand, now: Date, planner: Planner, law: { forward?: boolean; entering?: Entering } = {}): Step {
  const error = checkDecide(state, cmd);
  if (error) throw new Error(error.message);
  const level = cmd.level;
  const decision: DecisionRecord = {
    level,
    decision: cmd.decision,
    reviewer: cmd.reviewer,
    onBehalfOf: cmd.onBehalfOf ?? null,
    comment: cmd.comment ?? null,
    ground: cmd.decision === 'REJECT' ? (cmd.ground ?? null) : null,
    requestId: cmd.requestId,
    decidedAt: now.toISOString(),
    ...(cmd.tally && { tally: cmd.tally, minutes: cmd.minutes ?? null }),
    ...(cmd.documents && { documents: cmd.documents }),
  };
  const decided = { ...state, decisions: [...state.decisions, decision], ...freshLevel(now) };
  const extra = { actor: cmd.reviewer, decision, comment: cmd.comment };

  if (cmd.decision === 'RETURN') {
    return step(
      state,
      { ...decided, status: 'RETURNED', dueAt: null, returnDeadline: planner.returnDeadline(now), returnCount: state.returnCount + 1 },
      'DECIDED',
      now,
      { ...extra, notify: [{ kind: 'RETURNED', audience: 'CLERKS' }] },
    );
  }
  const next = state.route[state.route.indexOf(level) + 1];
  if (cmd.decision === 'REJECT' || next === undefined) {
    const outcome = cmd.decision === 'REJECT' ? 'REJECTED' : law.forward ? 'FORWARDED' : 'APPROVED';
    return step(state, { ...decided, status: outcome, currentLevel: null, dueAt: null }, 'DECIDED', now, {
      ...extra,
      notify: [{ kind: 'DECIDED', audience: 'CLERKS' }],
    });
  }
  const entering = law.entering ?? {};
  const consultation = entering.consultation;
  return step(
    state,
    {
      ...decided,
      currentLevel: next,
      dueAt: planner.levelDue(next, now),
      ...(entering.postingEndsAt && { posting: { endsAt: entering.postingEndsAt, ended: false } }),
      ...(consultation && {
        consultation: {
          dueAt: consultation.dueAt,
          agencies: [...consultation.agencies],
          answered: [],
          closed: false,
          ...(consultation.deadlines && { deadlines: { ...consultation.deadlines }, lapsed: [] }),
        },
      }),
    },
    'DECIDED',
    now,
    {
      ...extra,
      notify: [{ kind: 'REVIEW_REQUESTED', audience: 'LEVEL_REVIEWERS', level: next }],
      ...(consultation && {
        consultation: {
          dueAt: consultation.dueAt,
          agencies: [...consultation.agencies],
          ...(consultation.deadlines && { deadlines: { ...consultation.deadlines } }),
        },
      }),
    },
  );
}

/**
 * What keeps the current level from deciding although it is in review: a hold in force (ON_HOLD),
 * the public posting not yet over, the consultation neither answered by all nor past its deadline.
 */
export function checkGates(state: NominationState): DomainError | null {
  const gates = gatesOf(state);
  return gates ? gateRefusal(gates) : null;
}

/** The same refusal from the gates as the nomination row keeps them, for the routes that never reach the workflow (council ballots). */
export function gateRefusal(gates: Gates): DomainError | null {
  if (gates.suspendedSince) {
    return { code: 'ON_HOLD', message: API_MESSAGES.nomination.onHold };
  }
  if (gates.postingOpen) {
    return { code: 'INVALID_STATE', message: API_MESSAGES.nomination.postingUntil(gates.postingEndsAt) };
  }
  if (gates.consultationOpen) {
    return { code: 'INVALID_STATE', message: API_MESSAGES.nomination.consultingUntil(gates.consultationDueAt) };
  }
  return null;
}

const gatesOpenAfter = (state: NominationState): NotifyIntent[] =>
  checkGates(state) === null ? [{ kind: 'REVIEW_REQUESTED', audience: 'LEVEL_REVIEWERS', level: state.currentLevel! }] : [];

/** The posting period is over: the level may decide (once the consultation is closed too). */
export function endPosting(state: NominationState, now: Date): Step {
  const next = { ...state, posting: { ...state.posting!, ended: true } };
  return step(state, next, 'POSTING_ENDED', now, { notify: gatesOpenAfter(next) });
}

export function checkOpinion(state: NominationState, agency: string): DomainError | null {
  const consultation = state.consultation;
  if (!consultation || consultation.closed) return { code: 'INVALID_STATE', message: API_MESSAGES.nomination.notInConsultation };
  if (!consultation.agencies.includes(agency)) return { code: 'FORBIDDEN', message: API_MESSAGES.nomination.agencyNotConsulted(agency) };
  if (consultation.answered.includes(agency)) return { code: 'INVALID_STATE', message: API_MESSAGES.nomination.agencyAnswered(agency) };
  if (consultation.lapsed?.includes(agency)) {
    return { code: 'INVALID_STATE', message: API_MESSAGES.nomination.agencyOverdue(agency, consultation.deadlines?.[agency] ?? consultation.dueAt) };
  }
  return null;
}

/** Every agency asked has answered or let its own deadline pass. */
const consulted = (c: Consultation, answered: readonly string[], lapsed: readonly string[]) =>
  c.agencies.every((a) => answered.includes(a) || lapsed.includes(a));

/** The earliest deadline of an agency still to answer (v6, per agency), or null. */
export function nextAgencyDeadline(consultation: Consultation): string | null {
  if (!consultation.deadlines || consultation.closed) return null;
  const waiting = consultation.agencies.filter((a) => !consultation.answered.includes(a) && !consultation.lapsed?.includes(a));
  return waiting.map((a) => consultation.deadlines![a] ?? consultation.dueAt).sort()[0] ?? null;
}

/**
 * The agencies whose own deadline has passed unanswered by `now` are marked overdue (they can no
 * longer answer); the consultation closes once every agency answered or is overdue.
 */
export function lapseOpinions(state: NominationState, now: Date): Step {
  const consultation = state.consultation!;
  const lapsed = consultation.lapsed ?? [];
  const overdue = consultation.agencies.filter(
    (a) => !consultation.answered.includes(a) && !lapsed.includes(a) && Date.parse(consultation.deadlines?.[a] ?? consultation.dueAt) <= now.getTime(),
  );
  const nowLapsed = [...lapsed, ...overdue];
  const closed = consulted(consultation, consultation.answered, nowLapsed);
  const next = { ...state, consultation: { ...consultation, lapsed: nowLapsed, closed } };
  return step(state, next, 'OPINIONS_OVERDUE', now, { overdueAgencies: overdue, notify: closed ? gatesOpenAfter(next) : [] });
}

/** One agency's opinion; the consultation closes when every agency asked has answered. */
export function giveOpinion(state: NominationState, cmd: OpinionCommand, now: Date): Step {
  const error = checkOpinion(state, cmd.agency);
  if (error) throw new Error(error.message);
  const answered = [...state.consultation!.answered, cmd.agency];
  const closed = consulted(state.consultation!, answered, state.consultation!.lapsed ?? []);
  const next = { ...state, consultation: { ...state.consultation!, answered, closed }, requestIds: [...state.requestIds, cmd.requestId] };
  return step(state, next, 'OPINION_GIVEN', now, {
    actor: cmd.actor,
    opinion: { agency: cmd.agency, answer: cmd.answer, comment: cmd.comment ?? null, answeredBy: cmd.actor, answeredAt: now.toISOString() },
    notify: closed ? gatesOpenAfter(next) : [],
  });
}

/** The consultation's deadline passed: the reviewer decides, seeing who did not answer. */
export function endConsultation(state: NominationState, now: Date): Step {
  const next = { ...state, consultation: { ...state.consultation!, closed: true } };
  return step(state, next, 'CONSULTATION_ENDED', now, { notify: gatesOpenAfter(next) });
}

/** A hold recorded while in review suspends the level; its clock stops from now. */
export function suspend(state: NominationState, cmd: SuspendCommand, now: Date): Step {
  const holds = [...(state.holds ?? []).filter((h) => h.holdId !== cmd.holdId), { holdId: cmd.holdId, endsAt: cmd.endsAt }];
  return step(
    state,
    { ...state, holds, suspendedSince: state.suspendedSince ?? now.toISOString(), requestIds: [...state.requestIds, cmd.requestId] },
    'SUSPENDED',
    now,
    { actor: cmd.actor, notify: [{ kind: 'SUSPENDED', audience: 'LEVEL_REVIEWERS', level: state.currentLevel! }] },
  );
}

/** The level's deadline once the suspension ends now: moved by the time it was suspended. */
export function resumedDeadline(state: NominationState, now: Date): string | null {
  if (!state.dueAt || !state.suspendedSince) return state.dueAt;
  return new Date(Date.parse(state.dueAt) + Math.max(0, now.getTime() - Date.parse(state.suspendedSince))).toISOString();
}

/**
 * A hold lifted (or ended): the last one resumes the level with its deadline moved by the time
 * suspended (`dueAt`, from resumedDeadline), its alerts re-armed.
 */
export function liftHold(state: NominationState, holdId: string, now: Date, dueAt: string | null, cmd?: { actor: string; requestId: string }): Step {
  const holds = (state.holds ?? []).filter((h) => h.holdId !== holdId);
  const requestIds = cmd ? [...state.requestIds, cmd.requestId] : state.requestIds;
  if (holds.length > 0) return step(state, { ...state, holds, requestIds }, 'RESUMED', now, { actor: cmd?.actor ?? null });
  const overdue = !!dueAt && Date.parse(dueAt) <= now.getTime() && state.overdue;
  return step(
    state,
    { ...state, holds, suspendedSince: null, requestIds, dueAt, dueOverride: dueAt, overdue, reminded: false, escalated: overdue && !!state.escalated },
    'RESUMED',
    now,
    { actor: cmd?.actor ?? null, notify: [{ kind: 'REVIEW_REQUESTED', audience: 'LEVEL_REVIEWERS', level: state.currentLevel! }] },
  );
}

export function checkLiftHold(state: NominationState, holdId: string): DomainError | null {
  return state.holds?.some((h) => h.holdId === holdId) ? null : { code: 'INVALID_STATE', message: API_MESSAGES.nomination.notHeldByThis };
}

export function checkExternalDecision(status: NominationStatus): DomainError | null {
  return status === 'FORWARDED' ? null : { code: 'INVALID_STATE', message: API_MESSAGES.nomination.externalOnlyForwarded(status) };
}

/**
 * The central level's decision on a forwarded award, recorded by an admin after the workflow ended:
 * the row's transition counter continues, and an approval enters the award history with its reference.
 */
export function recordExternalDecision(
  row: { id: string; version: number; returnCount: number; status: NominationStatus },
  decision: ExternalDecision,
  now: Date,
  actor: string,
): Transition {
  const error = checkExternalDecision(row.status);
  if (error) throw new Error(error.message);
  return {
    nominationId: row.id,
    seq: row.version + 1,
    kind: 'EXTERNAL_DECIDED',
    at: now.toISOString(),
    actor,
    state: { status: decision.outcome, currentLevel: null, dueAt: null, overdue: false, returnDeadline: null, returnCount: row.returnCount },
    comment: decision.decisionRef,
    externalDecision: decision,
    notify: [{ kind: 'DECIDED', audience: 'CLERKS' }],
  };
}

export function checkResubmit(state: NominationState): DomainError | null {
  return state.status === 'RETURNED' ? null : { code: 'INVALID_STATE', message: API_MESSAGES.nomination.resubmitOnlyReturned(state.status) };
}

export function resubmit(state: NominationState, cmd: ResubmitCommand, now: Date, planner: Planner): Step {
  const error = checkResubmit(state);
  if (error) throw new Error(error.message);
  const level = state.currentLevel!;
  return step(
    state,
    {
      ...state,
      status: 'IN_REVIEW',
      dueAt: planner.levelDue(level, now),
      ...freshLevel(now),
      returnDeadline: null,
      requestIds: [...state.requestIds, cmd.requestId],
    },
    'RESUBMITTED',
    now,
    {
      actor: cmd.actor,
      comment: cmd.comment,
      achievements: cmd.achievements,
      notify: [{ kind: 'REVIEW_REQUESTED', audience: 'LEVEL_REVIEWERS', level }],
    },
  );
}

export function checkWithdraw(state: NominationState): DomainError | null {
  return isFinal(state.status) ? { code: 'INVALID_STATE', message: API_MESSAGES.nomination.withdrawFinal(state.status) } : null;
}

export function withdraw(state: NominationState, cmd: WithdrawCommand, now: Date): Step {
  const error = checkWithdraw(state);
  if (error) throw new Error(error.message);
  const level = state.currentLevel!;
  return step(
    state,
    { ...state, status: 'WITHDRAWN', currentLevel: null, dueAt: null, returnDeadline: null, requestIds: [...state.requestIds, cmd.requestId] },
    'WITHDRAWN',
    now,
    {
      actor: cmd.actor,
      comment: cmd.reason,
      notify: state.status === 'IN_REVIEW' ? [{ kind: 'WITHDRAWN', audience: 'LEVEL_REVIEWERS', level }] : [],
    },
  );
}

export function markOverdue(state: NominationState, now: Date): Step {
  const level = state.currentLevel!;
  return step(state, { ...state, overdue: true }, 'OVERDUE', now, {
    notify: [
      { kind: 'OVERDUE', audience: 'LEVEL_REVIEWERS', level },
      { kind: 'OVERDUE', audience: 'ADMINS', level },
    ],
  });
}

export function expire(state: NominationState, now: Date): Step {
  return step(state, { ...state, status: 'EXPIRED', currentLevel: null, returnDeadline: null }, 'EXPIRED', now, {
    notify: [{ kind: 'EXPIRED', audience: 'CLERKS' }],
  });
}

export function remind(state: NominationState, now: Date): Step {
  const level = state.currentLevel!;
  return step(state, { ...state, reminded: true }, 'REMINDED', now, {
    notify: [{ kind: 'REMINDER', audience: 'LEVEL_REVIEWERS', level }],
  });
}

/** The second escalation, a further period after the deadline: it goes one level up. */
export function escalate(state: NominationState, now: Date): Step {
  const level = state.currentLevel!;
  return step(state, { ...state, escalated: true }, 'ESCALATED', now, {
    notify: [
      { kind: 'ESCALATED', audience: 'SUPERVISORS', level },
      { kind: 'ESCALATED', audience: 'ADMINS', level },
    ],
  });
}

/** The current level's deadline moved (the calendar changed, or an admin set it); its alerts re-arm. */
export function changeDeadline(state: NominationState, dueAt: string, now: Date, admin?: { actor: string; reason: string }): Step {
  const overdue = state.overdue && Date.parse(dueAt) <= now.getTime();
  return step(
    state,
    { ...state, dueAt, overdue, reminded: false, escalated: overdue && !!state.escalated, ...(admin && { dueOverride: dueAt }) },
    'DEADLINE_CHANGED',
    now,
    { actor: admin?.actor ?? null, comment: admin?.reason },
  );
}

/** An admin re-notifies the reviewers of the current level. */
export function nudge(state: NominationState, now: Date, actor: string, reason: string): Step {
  return step(state, state, 'NUDGED', now, {
    actor,
    comment: reason,
    notify: [{ kind: 'REMINDER', audience: 'LEVEL_REVIEWERS', level: state.currentLevel! }],
  });
}

/** An admin hands the current level to another reviewer, who is asked to review. */
export function reassign(state: NominationState, reviewer: string, now: Date, actor: string, reason: string): Step {
  const level = state.currentLevel!;
  return step(state, state, 'REASSIGNED', now, {
    actor,
    comment: reason,
    assignee: { level, reviewer },
    notify: [{ kind: 'REVIEW_REQUESTED', audience: 'USER', username: reviewer }],
  });
}

/** A new run taking over from the database's state after its workflow was lost (admin repair). */
export function redrive(state: NominationState, now: Date, actor: string, reason: string): Step {
  return step(state, state, 'REDRIVEN', now, { actor, comment: reason });
}
