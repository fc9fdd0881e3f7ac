import type { LevelPlan } from '../deadlines/deadline-planner';
import {
  changeDeadline,
  endConsultation,
  endPosting,
  escalate,
  expire,
  lapseOpinions,
  markOverdue,
  nextAgencyDeadline,
  remind,
  type NominationState,
  type Step,
} from './nomination-machine';

/**
 * What a nomination waits for besides its commands: the return window closing (EXPIRE), a hold ending
 * by itself, the level's own clock (REMIND, OVERDUE, ESCALATE), the law's periods (the posting's end,
 * the consultation's deadline, or in v6 the next agency's own), and a plan that no longer agrees with
 * the deadline (DEADLINE_MOVED, at once).
 */
export type AlarmKind = 'EXPIRE' | 'HOLD_ENDS' | 'DEADLINE_MOVED' | 'REMIND' | 'OVERDUE' | 'ESCALATE' | 'POSTING_ENDS' | 'CONSULTATION_ENDS' | 'AGENCY_LAPSES';

/** An alarm that only its time tells apart. */
interface Timed {
  kind: Exclude<AlarmKind, 'HOLD_ENDS' | 'DEADLINE_MOVED'>;
  /** When it falls due. */
  at: string;
}

export type Alarm = (Timed | { kind: 'HOLD_ENDS'; holdId: string; at: string } | { kind: 'DEADLINE_MOVED'; dueAt: string; at: string }) & {
  /** How long to wait for it from the clock it was chosen by; 0: it rings now. */
  waitMs: number;
};

/** An alarm whose transition the state and the clock decide alone (a hold's end needs the level planned again). */
export type PlainAlarm = Exclude<Alarm, { kind: 'HOLD_ENDS' }>;

/** The level's own clock: its plan is read again before one rings, so a calendar changed meanwhile moves it instead. */
export const LEVEL_CLOCK: ReadonlySet<AlarmKind> = new Set(['REMIND', 'OVERDUE', 'ESCALATE']);

/**
 * The next alarm of a nomination at `now` (ms), or null when only a command can move it on. `plan` is
 * the current level's plan, needed in review unless suspended (without it only the law's periods are
 * seen); `submittedAt` stands in for the level's entry in states that predate `levelEnteredAt`.
 */
export function nextAlarm(state: NominationState, plan: LevelPlan | null, now: number, submittedAt: string): Alarm | null {
  if (state.status !== 'IN_REVIEW') return expiryAlarm(state, now);
  if (state.holds?.length) {
    // While suspended no other alarm rings; the earliest hold to end resumes the level.
    const first = [...state.holds].sort((a, b) => a.endsAt.localeCompare(b.endsAt))[0]!;
    return { kind: 'HOLD_ENDS', holdId: first.holdId, at: first.endsAt, waitMs: waitFor(first.endsAt, now) };
  }
  const moved = plan && deadlineMoved(state, plan, now);
  if (moved) return moved;
  const level = plan && levelAlarm(state, plan, state.levelEnteredAt ?? submittedAt);
  // The law's periods run beside the level's own clock: the earlier wakes the nomination, the period on a tie.
  const period = lawAlarm(state);
  const next = period && (!level || Date.parse(period.at) <= Date.parse(level.at)) ? period : level;
  return next ? { ...next, waitMs: waitFor(next.at, now) } : null;
}

/** A returned nomination expires when its window for resubmission closes; outside review nothing else rings. */
export function expiryAlarm(state: NominationState, now: number): PlainAlarm | null {
  if (state.status !== 'RETURNED' || !state.returnDeadline) return null;
  // Waited on a timer even when already past: the recorded runs did, and replay must find that timer.
  return { kind: 'EXPIRE', at: state.returnDeadline, waitMs: Math.max(1, Date.parse(state.returnDeadline) - now) };
}

/** The level's plan moved its deadline (the calendar changed): the state takes it at once. */
export function deadlineMoved(state: NominationState, plan: LevelPlan, now: number): PlainAlarm | null {
  return plan.dueAt === state.dueAt ? null : { kind: 'DEADLINE_MOVED', dueAt: plan.dueAt, at: new Date(now).toISOString(), waitMs: 0 };
}

/** The transition an alarm makes when it rings at `now`. */
export function alarmStep(state: NominationState, alarm: PlainAlarm, now: Date): Step {
  switch (alarm.kind) {
    case 'DEADLINE_MOVED':
      return changeDeadline(state, alarm.dueAt, now);
    case 'EXPIRE':
      return expire(state, now);
    case 'REMIND':
      return remind(state, now);
    case 'OVERDUE':
      return markOverdue(state, now);
    case 'ESCALATE':
      return escalate(state, now);
    case 'POSTING_ENDS':
      return endPosting(state, now);
    case 'CONSULTATION_ENDS':
      return endConsultation(state, now);
    case 'AGENCY_LAPSES':
      return lapseOpinions(state, now);
  }
}

const waitFor = (at: string, now: number) => (Date.parse(at) > now ? Math.max(1, Date.parse(at) - now) : 0);

/** The reminder (when it falls inside the level's time), then the deadline, then the second escalation. */
function levelAlarm(state: NominationState, plan: LevelPlan, enteredAt: string): Timed | null {
  const remindAt = Date.parse(plan.remindAt);
  if (state.overdue) return state.escalated ? null : { kind: 'ESCALATE', at: plan.escalateAt };
  if (!state.reminded && remindAt < Date.parse(plan.dueAt) && remindAt > Date.parse(enteredAt)) return { kind: 'REMIND', at: plan.remindAt };
  return { kind: 'OVERDUE', at: plan.dueAt };
}

/** The posting's end or the consultation's deadline, whichever comes first, while either runs. */
function lawAlarm(state: NominationState): Timed | null {
  const periods: Timed[] = [];
  if (state.posting && !state.posting.ended) periods.push({ kind: 'POSTING_ENDS', at: state.posting.endsAt });
  if (state.consultation && !state.consultation.closed) {
    // A consultation begun before v6 has one deadline for all (no `deadlines`).
    const agencyDue = nextAgencyDeadline(state.consultation);
    periods.push(agencyDue ? { kind: 'AGENCY_LAPSES', at: agencyDue } : { kind: 'CONSULTATION_ENDS', at: state.consultation.dueAt });
  }
  return periods.sort((a, b) => a.at.localeCompare(b.at))[0] ?? null;
}
