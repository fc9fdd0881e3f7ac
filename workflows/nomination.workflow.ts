import {
  ActivityFailure,
  allHandlersFinished,
  ApplicationFailure,
  condition,
  continueAsNew,
  log,
  patched,
  proxyLocalActivities,
  setHandler,
  sleep,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import type { LocalActivityOptions, UpdateDefinition } from '@temporalio/common';
import type { z } from 'zod';
import type { CommitInput, NominationActivities } from '../activities/nomination.activities';
import type { ReviewRuleActivities } from '../activities/review-rules.activities';
import type { LevelPlan } from '../libs/deadlines/deadline-planner';
import { catalogueVersion } from '../libs/domain/award-catalogue';
import { commandFingerprint, requestIdReused, type CommandRef } from '../libs/domain/command-fingerprint';
import { PERSISTENCE_FAILED, type DomainError } from '../libs/domain/errors';
import type { Level } from '../libs/domain/levels';
import {
  adminCommandSchema,
  closeVoteCommandSchema,
  decideCommandSchema,
  liftHoldCommandSchema,
  opinionCommandSchema,
  reassignCommandSchema,
  resubmitCommandSchema,
  setDeadlineCommandSchema,
  suspendCommandSchema,
  withdrawCommandSchema,
} from '../libs/domain/nomination-commands';
import {
  changeDeadline,
  checkDecide,
  checkGates,
  checkLiftHold,
  checkOpinion,
  checkResubmit,
  checkWithdraw,
  decide,
  endConsultation,
  endPosting,
  escalate,
  expire,
  giveOpinion,
  liftHold,
  isDuplicate,
  lapseOpinions,
  nextAgencyDeadline,
  markOverdue,
  nudge,
  reassign,
  redrive,
  remind,
  resubmit,
  resumedDeadline,
  submit,
  suspend,
  withdraw,
  type Entering,
  type LiftHoldCommand,
  type NominationState,
  type OpinionCommand,
  type SuspendCommand,
  type Planner,
  type Step,
} from '../libs/domain/nomination-machine';
import {
  closeVoteUpdate,
  decideUpdate,
  liftHoldUpdate,
  nudgeUpdate,
  opinionUpdate,
  reassignUpdate,
  resubmitUpdate,
  setDeadlineUpdate,
  stateQuery,
  suspendUpdate,
  withdrawUpdate,
  type CloseVoteCommand,
  type NominationWorkflowInput,
} from '../libs/domain/nomination-messages';
import { isFinal } from '../libs/domain/nomination-status';
import { nominationSearchAttributes } from '../libs/domain/search-attributes';
import { parse, reject, untilMs } from './failures';
import { nominationWorkflowV3 } from './nomination-v3.workflow';

/**
 * v4: a transition is committed to the database (one local activity, one transaction) before the
 * workflow adopts it, and a command is answered once it is committed; mail leaves from the outbox.
 */
export const DURABLE_WRITE_PATCH = 'durable-write-v4';

/**
 * v5: the steps the law adds. An award the city only proposes ends FORWARDED; one with public posting
 * waits out its posting period before its council level decides; one with a consultation asks the
 * agencies in parallel at the city level, each answer an update, the deadline a timer; a hold recorded
 * during review suspends the level, and its lifting or end resumes it with the deadline moved.
 */
export const LAW_STEPS_PATCH = 'law-steps-v5';

/**
 * v6: each consulted agency has its own deadline, set as its request is sent, and is marked overdue
 * alone when it passes unanswered; the consultation closes once every agency answered or is overdue.
 */
export const AGENCY_DEADLINES_PATCH = 'agency-deadlines-v6';

/**
 * Local activities: no server round trip per call. Transient database trouble is retried for up to
 * ten minutes (the API has long answered 503 by then, and a retry with the same request id attaches
 * to this very execution); a write no retry will fix fails at once and the command is refused.
 */
const local: LocalActivityOptions = {
  // Longer than the commit's own transaction timeout (10 s), so an attempt never outlives its transaction.
  startToCloseTimeout: '15 seconds',
  scheduleToCloseTimeout: '10 minutes',
  retry: { initialInterval: '200 milliseconds', backoffCoefficient: 2, maximumInterval: '10 seconds', nonRetryableErrorTypes: [PERSISTENCE_FAILED] },
};
const { commitTransition } = proxyLocalActivities<NominationActivities>(local);
const { planLevel, planReturn, planPeriod, closeBallot } = proxyLocalActivities<ReviewRuleActivities>(local);

/** How many recent commands a run remembers by request id; older ones are found in the database's request log. */
const RECENT_REQUESTS = 50;
const DEFAULT_HISTORY_LIMIT = 1000;
/** How long a timer's transition waits before it is tried again after its commit failed. */
const SYSTEM_RETRY = '1 minute';

/** A transition ready to commit, and what the workflow adopts with it. */
interface Planned {
  step: Step;
  /** The current level's plan after the transition (undefined: unchanged). */
  plan?: LevelPlan | null;
  claimQuota?: boolean;
}

const planned = (dueAt: string | null, returnDeadline: string | null = null): Planner => ({
  levelDue: () => dueAt,
  returnDeadline: () => returnDeadline,
});

const UNAVAILABLE: DomainError = {
  code: 'UNAVAILABLE',
  message: 'Cơ sở dữ liệu chưa sẵn sàng; thao tác chưa được thực hiện, vui lòng thử lại với cùng requestId',
};
const NOT_WRITTEN: DomainError = { code: 'INTERNAL', message: 'Thao tác không ghi được vào cơ sở dữ liệu và đã bị từ chối; hồ sơ giữ nguyên trạng thái' };

/**
 * One workflow per nomination. Nominations started before v4 keep the earlier versions' behaviour;
 * every newer one runs the loop below.
 */
export async function nominationWorkflow(input: NominationWorkflowInput): Promise<NominationState> {
  if (!patched(DURABLE_WRITE_PATCH)) return nominationWorkflowV3(input);
  const lawSteps = patched(LAW_STEPS_PATCH);
  const agencyDeadlines = lawSteps && patched(AGENCY_DEADLINES_PATCH);

  const award = catalogueVersion(input.catalogueVersion ?? '')?.awards.find((a) => a.code === input.awardCode);
  const isCouncil = (level: Level) => award?.councils?.[level] !== undefined;
  const isLast = (level: Level) => input.route[input.route.length - 1] === level;
  const historyLimit = input.historyLimit ?? DEFAULT_HISTORY_LIMIT;
  // What the plans need of the nomination, so that a plan does not read its row (runs started without a
  // catalogue version leave it out, and the plan reads the row).
  const planning = {
    nominationId: input.nominationId,
    ...(input.catalogueVersion !== undefined && {
      nomination: { catalogueVersion: input.catalogueVersion, campaignId: input.campaignId ?? null, awardCode: input.awardCode },
    }),
  };
  // The posting comes before the level a council decides, or else before the last (deciding) level.
  const postingLevel = lawSteps && award?.publicPostingWorkingDays ? (input.route.find(isCouncil) ?? input.route[input.route.length - 1]) : undefined;
  const consultationLevel = lawSteps && award?.consultation && input.route.includes('CITY') ? 'CITY' : undefined;

  const opening: Step | null = input.carry
    ? null
    : input.resume
      ? redrive(input.resume.state, new Date(), input.resume.actor, input.resume.reason)
      : submit(input.nominationId, input.route, new Date(input.submittedAt), planned(input.firstDueAt ?? null));
  // The row already shows the opening state (the API wrote it from the same pure step), so it is
  // adopted at once; its transition commits first, while every command waits.
  let state: NominationState = input.carry?.state ?? opening!.state;
  let plan: LevelPlan | null = input.carry?.plan ?? null;
  let busy = opening !== null;
  let attributes = attributeValues(state);

  /** Runs one command or timer transition at a time; the others wait their turn, then see its result. */
  const exclusively = async <T>(work: () => Promise<T>): Promise<T> => {
    // Looked at again after every wake-up: two waiters woken together must not both go ahead.
    while (busy) await condition(() => !busy);
    busy = true;
    try {
      return await work();
    } finally {
      busy = false;
    }
  };

  /** Commits, then adopts: the workflow's state never runs ahead of the database. */
  const commit = async (next: Planned, request?: CommandRef): Promise<DomainError | null> => {
    const args: CommitInput = { transition: next.step.transition, request, claimQuota: next.claimQuota };
    let refused: DomainError | null;
    try {
      refused = await commitTransition(args);
    } catch (error) {
      const failure = error instanceof ActivityFailure ? error.cause : error;
      const permanent = failure instanceof ApplicationFailure && failure.type === PERSISTENCE_FAILED;
      log.warn('transition not committed', { seq: next.step.transition.seq, kind: next.step.transition.kind, permanent, error: String(error) });
      return permanent ? NOT_WRITTEN : UNAVAILABLE;
    }
    if (refused) return refused;
    adopt(next, request);
    return null;
  };

  const adopt = (next: Planned, request?: CommandRef) => {
    const recent = request ? [...(state.recent ?? []), { key: keyOf(request), fingerprint: request.fingerprint }] : (state.recent ?? []);
    state = { ...next.step.state, requestIds: next.step.state.requestIds.slice(-RECENT_REQUESTS), recent: recent.slice(-RECENT_REQUESTS) };
    if (next.plan !== undefined) plan = next.plan;
    const now = attributeValues(state);
    const changed = nominationSearchAttributes(input, state).filter((pair) => now.get(pair.key.name) !== attributes.get(pair.key.name));
    if (changed.length) upsertSearchAttributes(changed);
    attributes = now;
  };

  /** The same request again is answered with the state; the request id reused for another command is refused. */
  const repeated = (request: CommandRef): boolean => {
    const earlier = state.recent?.find((r) => r.key === keyOf(request));
    if (earlier && earlier.fingerprint !== request.fingerprint) {
      reject(requestIdReused());
    }
    return earlier !== undefined || isDuplicate(state, request.requestId);
  };

  /** Registers one command: checked in its validator (nothing malformed enters history) and again in its turn. */
  function command<C extends { requestId: string }>(
    definition: UpdateDefinition<NominationState, [C]>,
    schema: z.ZodType,
    actorOf: (cmd: C) => string,
    check: (cmd: C) => DomainError | null,
    perform: (cmd: C, now: Date) => Promise<Planned>,
  ): void {
    const operation = definition.name;
    const requestOf = (cmd: C): CommandRef => ({ actor: actorOf(cmd), requestId: cmd.requestId, fingerprint: commandFingerprint(operation, cmd), operation });
    setHandler(
      definition,
      (cmd) =>
        exclusively(async () => {
          const request = requestOf(cmd);
          if (repeated(request)) return state;
          reject(check(cmd));
          reject(await commit(await perform(cmd, new Date()), request));
          return state;
        }),
      {
        validator: (cmd) => {
          parse(schema, cmd);
          if (!repeated(requestOf(cmd))) reject(check(cmd));
        },
      },
    );
  }

  type Law = { forward?: boolean; entering?: Entering };

  /** What a decision leads to: the next level and its plan (with the periods the law starts there), or the return window. */
  const after = async (level: Level, decision: string, now: Date): Promise<{ planner: Planner; plan: LevelPlan | null; law: Law }> => {
    const next = input.route[input.route.indexOf(level) + 1];
    if (decision === 'APPROVE' && next) {
      const nextPlan = await planLevel({ ...planning, level: next, enteredAt: now.toISOString() });
      return { planner: planned(nextPlan.dueAt), plan: nextPlan, law: { entering: await entering(next, now) } };
    }
    if (decision === 'RETURN') return { planner: planned(null, await planReturn({ returnedAt: now.toISOString() })), plan: null, law: {} };
    return { planner: planned(null), plan: null, law: { forward: lawSteps && decision === 'APPROVE' && !!award?.forwardTo } };
  };

  /** The posting and the consultation that start, in parallel, as `level` is entered the first time. */
  const entering = async (level: Level, now: Date): Promise<Entering | undefined> => {
    if (!lawSteps) return undefined;
    const from = now.toISOString();
    const law: Entering = {};
    if (level === postingLevel && !state.posting) law.postingEndsAt = await planPeriod({ ...planning, kind: 'posting', from });
    if (level === consultationLevel && !state.consultation) {
      const agencies = [...award!.consultation!.agencies];
      const dueAt = await planPeriod({ ...planning, kind: 'consultation', from });
      // The requests all leave now, each agency's period counted from its own.
      law.consultation = agencyDeadlines ? { dueAt, agencies, deadlines: Object.fromEntries(agencies.map((a) => [a, dueAt])) } : { dueAt, agencies };
    }
    return law;
  };

  /** Lifting a hold: when it was the last, the level resumes with its deadline moved by the time suspended. */
  const resumed = async (holdId: string, now: Date, cmd?: LiftHoldCommand): Promise<Planned> => {
    const last = (state.holds ?? []).every((h) => h.holdId === holdId);
    if (!last || !state.dueAt) return { step: liftHold(state, holdId, now, state.dueAt, cmd) };
    const dueAt = resumedDeadline(state, now)!;
    const levelPlan = await planLevel({ ...planning, level: state.currentLevel!, enteredAt: state.levelEnteredAt ?? input.submittedAt, dueOverride: dueAt });
    return { step: liftHold(state, holdId, now, dueAt, cmd), plan: levelPlan };
  };

  const notCouncil = (level: Level): DomainError | null =>
    isCouncil(level) ? { code: 'INVALID_STATE', message: `Cấp ${level} quyết định bằng biểu quyết của Hội đồng` } : null;
  const council = (level: Level): DomainError | null =>
    isCouncil(level) ? null : { code: 'INVALID_STATE', message: `Cấp ${level} không biểu quyết bằng Hội đồng` };
  const inReview = (): DomainError | null =>
    state.status === 'IN_REVIEW' ? null : { code: 'INVALID_STATE', message: `Hồ sơ đang ở trạng thái ${state.status}` };

  setHandler(stateQuery, () => state);

  command<Parameters<typeof decide>[1]>(
    decideUpdate,
    decideCommandSchema,
    (cmd) => cmd.reviewer,
    (cmd) => checkDecide(state, cmd) ?? checkGates(state) ?? notCouncil(cmd.level),
    async (cmd, now) => {
      const { planner, plan: nextPlan, law } = await after(cmd.level, cmd.decision, now);
      return { step: decide(state, cmd, now, planner, law), plan: nextPlan, claimQuota: cmd.decision === 'APPROVE' && isLast(cmd.level) && !!award?.quota };
    },
  );

  command<CloseVoteCommand>(
    closeVoteUpdate,
    closeVoteCommandSchema,
    (cmd) => cmd.actor,
    (cmd) => checkDecide(state, cmd) ?? checkGates(state) ?? council(cmd.level),
    async (cmd, now) => {
      // Closing, counting and (when it passes at the deciding level) taking a quota place happen in one transaction.
      const ballot = await closeBallot({ nominationId: input.nominationId, level: cmd.level, closedBy: cmd.actor });
      reject(ballot.error);
      const decision = ballot.passed ? 'APPROVE' : 'REJECT';
      const { planner, plan: nextPlan, law } = await after(cmd.level, decision, now);
      const step = decide(
        state,
        {
          level: cmd.level,
          decision,
          ...(ballot.passed ? {} : { ground: 'CRITERIA_NOT_MET' as const }),
          comment: ballot.minutes,
          requestId: cmd.requestId,
          reviewer: cmd.actor,
          tally: ballot.tally,
          minutes: ballot.minutes,
          // Data of the command, not a branch: an older close carries none and replays as it ran.
          ...(cmd.documents && { documents: cmd.documents }),
        },
        now,
        planner,
        law,
      );
      return { step, plan: nextPlan };
    },
  );

  command<Parameters<typeof resubmit>[1]>(
    resubmitUpdate,
    resubmitCommandSchema,
    (cmd) => cmd.actor,
    () => checkResubmit(state),
    async (cmd, now) => {
      const levelPlan = await planLevel({ ...planning, level: state.currentLevel!, enteredAt: now.toISOString() });
      return { step: resubmit(state, cmd, now, planned(levelPlan.dueAt)), plan: levelPlan };
    },
  );

  command<Parameters<typeof withdraw>[1]>(
    withdrawUpdate,
    withdrawCommandSchema,
    (cmd) => cmd.actor,
    () => checkWithdraw(state),
    async (cmd, now) => ({ step: withdraw(state, cmd, now), plan: null }),
  );

  command<{ requestId: string; actor: string; reason: string }>(
    nudgeUpdate,
    adminCommandSchema,
    (cmd) => cmd.actor,
    inReview,
    async (cmd, now) => ({ step: nudge(state, now, cmd.actor, cmd.reason) }),
  );

  command<{ requestId: string; actor: string; reason: string; dueAt: string }>(
    setDeadlineUpdate,
    setDeadlineCommandSchema,
    (cmd) => cmd.actor,
    inReview,
    async (cmd, now) => {
      const dueAt = new Date(cmd.dueAt).toISOString();
      const levelPlan = await planLevel({ ...planning, level: state.currentLevel!, enteredAt: state.levelEnteredAt ?? input.submittedAt, dueOverride: dueAt });
      return { step: changeDeadline(state, dueAt, now, cmd), plan: levelPlan };
    },
  );

  command<{ requestId: string; actor: string; reason: string; level: Level; reviewer: string }>(
    reassignUpdate,
    reassignCommandSchema,
    (cmd) => cmd.actor,
    (cmd) => inReview() ?? checkDecide(state, cmd),
    async (cmd, now) => ({ step: reassign(state, cmd.reviewer, now, cmd.actor, cmd.reason) }),
  );

  if (lawSteps) {
    command<OpinionCommand>(
      opinionUpdate,
      opinionCommandSchema,
      (cmd) => cmd.actor,
      (cmd) => inReview() ?? checkOpinion(state, cmd.agency),
      async (cmd, now) => ({ step: giveOpinion(state, cmd, now) }),
    );

    command<SuspendCommand>(
      suspendUpdate,
      suspendCommandSchema,
      (cmd) => cmd.actor,
      inReview,
      async (cmd, now) => ({ step: suspend(state, cmd, now) }),
    );

    command<LiftHoldCommand>(
      liftHoldUpdate,
      liftHoldCommandSchema,
      (cmd) => cmd.actor,
      (cmd) => checkLiftHold(state, cmd.holdId),
      (cmd, now) => resumed(cmd.holdId, now, cmd),
    );
  }

  if (opening) {
    // Until the opening transition is written nothing else may be: retried until the database takes it.
    while (await commitOpening(opening)) await sleep(SYSTEM_RETRY);
    busy = false;
  }

  while (!isFinal(state.status)) {
    if (workflowInfo().historyLength >= historyLimit || workflowInfo().continueAsNewSuggested) {
      await condition(() => !busy && allHandlersFinished());
      return continueAsNew<typeof nominationWorkflow>({ ...input, resume: undefined, carry: { state, plan } });
    }
    const seq = state.seq;
    const changed = () => state.seq !== seq;
    if (state.status === 'RETURNED' && state.returnDeadline) {
      if (!(await condition(changed, untilMs(state.returnDeadline)))) await system(() => (changed() ? null : { step: expire(state, new Date()), plan: null }));
      continue;
    }
    if (state.status !== 'IN_REVIEW') {
      await condition(changed);
      continue;
    }
    if (state.holds?.length) {
      await watchHolds(changed);
      continue;
    }
    await watchLevel(changed);
  }

  await condition(allHandlersFinished);
  return state;

  /** Commits the opening transition; true when it must be tried again. */
  async function commitOpening(step: Step): Promise<boolean> {
    const refused = await commit({ step });
    if (refused) log.error('opening transition not committed', { code: refused.code, message: refused.message });
    return refused !== null;
  }

  /** A transition the workflow makes on its own (a timer fired); one that cannot be written is tried again later. */
  async function system(make: () => Planned | null): Promise<void> {
    const refused = await exclusively(async () => {
      const next = make();
      return next ? commit(next) : null;
    });
    if (refused) await sleep(SYSTEM_RETRY);
  }

  /** While suspended no alert fires; the earliest hold to end by itself resumes the level when it does. */
  async function watchHolds(changed: () => boolean): Promise<void> {
    const first = [...state.holds!].sort((a, b) => a.endsAt.localeCompare(b.endsAt))[0]!;
    if (Date.parse(first.endsAt) > Date.now() && (await condition(changed, untilMs(first.endsAt)))) return;
    const next = await resumed(first.holdId, new Date());
    await system(() => (changed() ? null : next));
  }

  /** The posting's end or the consultation's deadline, whichever comes first, while either is running. */
  function nextGate(): { at: string; fire: () => Step } | null {
    const gates: { at: string; fire: () => Step }[] = [];
    if (state.posting && !state.posting.ended) gates.push({ at: state.posting.endsAt, fire: () => endPosting(state, new Date()) });
    if (state.consultation && !state.consultation.closed) {
      const agencyDue = nextAgencyDeadline(state.consultation);
      // A consultation begun before v6 has one deadline for all (no `deadlines`).
      if (agencyDue) gates.push({ at: agencyDue, fire: () => lapseOpinions(state, new Date()) });
      else gates.push({ at: state.consultation.dueAt, fire: () => endConsultation(state, new Date()) });
    }
    return gates.sort((a, b) => a.at.localeCompare(b.at))[0] ?? null;
  }

  /**
   * Waits at the current level until something changes or its next alert falls due: the reminder,
   * the deadline (overdue), the second escalation. The plan is read again before an alert fires, so
   * a calendar or deadline changed meanwhile moves the alert instead of firing it early.
   */
  async function watchLevel(changed: () => boolean): Promise<void> {
    const level = state.currentLevel!;
    const enteredAt = state.levelEnteredAt ?? input.submittedAt;
    const current = plan ?? (await planLevel({ ...planning, level, enteredAt, dueOverride: state.dueOverride }));
    if (changed()) return;
    plan = current;
    if (current.dueAt !== state.dueAt) {
      await system(() => (changed() ? null : { step: changeDeadline(state, current.dueAt, new Date()) }));
      return;
    }
    const alert: { at: string; fire: () => Step } | null = !state.overdue
      ? !state.reminded && Date.parse(current.remindAt) < Date.parse(current.dueAt) && Date.parse(current.remindAt) > Date.parse(enteredAt)
        ? { at: current.remindAt, fire: () => remind(state, new Date()) }
        : { at: current.dueAt, fire: () => markOverdue(state, new Date()) }
      : !state.escalated
        ? { at: current.escalateAt, fire: () => escalate(state, new Date()) }
        : null;
    // The law's periods run beside the level's own clock; the earlier of the two wakes the workflow.
    const gate = lawSteps ? nextGate() : null;
    if (gate && (!alert || Date.parse(gate.at) <= Date.parse(alert.at))) {
      if (Date.parse(gate.at) > Date.now() && (await condition(changed, untilMs(gate.at)))) return;
      await system(() => (changed() ? null : { step: gate.fire() }));
      return;
    }
    if (!alert) {
      await condition(changed);
      return;
    }
    if (Date.parse(alert.at) > Date.now() && (await condition(changed, untilMs(alert.at)))) return;
    const fresh = await planLevel({ ...planning, level, enteredAt, dueOverride: state.dueOverride });
    if (changed()) return;
    plan = fresh;
    if (fresh.dueAt !== state.dueAt) {
      await system(() => (changed() ? null : { step: changeDeadline(state, fresh.dueAt, new Date()) }));
      return;
    }
    await system(() => (changed() ? null : { step: alert.fire() }));
  }
}

const keyOf = (request: CommandRef) => `${request.actor}:${request.requestId}`;

/** The search attributes' values by name, comparable across transitions (dates as ISO text). */
function attributeValues(state: NominationState): Map<string, string> {
  const identity = { awardCode: '', unitCode: '' };
  return new Map(
    nominationSearchAttributes(identity, state).map((pair) => [
      pair.key.name,
      pair.value instanceof Date ? pair.value.toISOString() : JSON.stringify(pair.value),
    ]),
  );
}
