import { allHandlersFinished, condition, patched, proxyActivities, setHandler, upsertSearchAttributes } from '@temporalio/workflow';
import type { RetryPolicy } from '@temporalio/common';
import type { z } from 'zod';
import type { NominationActivities } from '../activities/nomination.activities';
import type { ReviewRuleActivities } from '../activities/review-rules.activities';
import { findAwardOf } from '../libs/domain/nomination-catalogue';
import { PERSISTENCE_FAILED, type DomainError } from '../libs/domain/errors';
import type { Level } from '../libs/domain/levels';
import {
  adminCommandSchema,
  closeVoteCommandSchema,
  decideCommandSchema,
  reassignCommandSchema,
  resubmitCommandSchema,
  setDeadlineCommandSchema,
  withdrawCommandSchema,
} from '../libs/domain/nomination-commands';
import {
  changeDeadline,
  checkDecide,
  checkResubmit,
  checkWithdraw,
  decide,
  escalate,
  expire,
  isDuplicate,
  markOverdue,
  nudge,
  reassign,
  redrive,
  remind,
  resubmit,
  submit,
  withdraw,
  type NominationState,
  type Planner,
  type Step,
} from '../libs/domain/nomination-machine';
import {
  closeVoteUpdate,
  decideUpdate,
  nudgeUpdate,
  reassignUpdate,
  resubmitUpdate,
  setDeadlineUpdate,
  stateQuery,
  withdrawUpdate,
  type NominationWorkflowInput,
} from '../libs/domain/nomination-messages';
import { nominationSearchAttributes } from '../libs/domain/search-attributes';
import { isFinal } from '../libs/domain/nomination-status';
import { parse, reject, untilMs } from './failures';
import { nominationWorkflowV1 } from './nomination-v1.workflow';

/** Working-day deadlines, reminders and escalation, council votes and quotas (the rules of review). */
export const REVIEW_RULES_PATCH = 'review-rules-v2';
/** Search attributes kept current for the admins' filters, and re-driving from the database. */
export const ADMIN_VISIBILITY_PATCH = 'admin-visibility-v3';

// Bounded: a transition this version already adopted that cannot be written within about an hour
// fails the run instead of jamming it, and an admin's repair re-drives it from the database.
const retry: RetryPolicy = { initialInterval: '1 second', maximumInterval: '1 minute', maximumAttempts: 60, nonRetryableErrorTypes: [PERSISTENCE_FAILED] };
const { persistTransition, deliverEmails } = proxyActivities<NominationActivities>({
  startToCloseTimeout: '30 seconds',
  retry,
});
const { planLevel, planReturn, closeBallot, claimQuota } = proxyActivities<ReviewRuleActivities>({
  startToCloseTimeout: '30 seconds',
  retry,
});

const planned = (dueAt: string | null, returnDeadline: string | null = null): Planner => ({
  levelDue: () => dueAt,
  returnDeadline: () => returnDeadline,
});
/** Admin actions are recorded under their request id, so that the same click twice acts once. */
const withRequest = (s: Step, requestId: string): Step => ({ ...s, state: { ...s.state, requestIds: [...s.state.requestIds, requestId] } });
const BUSY: DomainError = { code: 'INVALID_STATE', message: 'Một quyết định khác về hồ sơ này đang được ghi nhận' };

/**
 * The nomination workflow as it ran before the durable-write shape (v1 to v3): it adopts a
 * transition first and persists it after. Kept, unchanged but for bounded retries, for the
 * nominations that started on it. Nominations started before the rules of review keep the first
 * version's behaviour; every newer one runs the loop below.
 */
export async function nominationWorkflowV3(input: NominationWorkflowInput): Promise<NominationState> {
  if (!patched(REVIEW_RULES_PATCH)) return nominationWorkflowV1(input);
  const visible = patched(ADMIN_VISIBILITY_PATCH);

  const award = findAwardOf({ awardCode: input.awardCode, catalogueVersion: input.catalogueVersion });
  const isCouncil = (level: Level) => award?.councils?.[level] !== undefined;
  const isLast = (level: Level) => input.route[input.route.length - 1] === level;

  const submitted =
    visible && input.resume
      ? redrive(input.resume.state, new Date(), input.resume.actor, input.resume.reason)
      : submit(input.nominationId, input.route, new Date(input.submittedAt), planned(input.firstDueAt ?? null));
  // Set before the handlers are registered: updates buffered at start are delivered on registration.
  let state: NominationState = submitted.state;
  // While a handler waits on the database (a quota, a ballot, a plan), every other command is refused.
  let busy = false;
  let persisted: Promise<void> = Promise.resolve();

  const record = (s: Step): Promise<NominationState> => {
    state = s.state;
    if (visible) upsertSearchAttributes(nominationSearchAttributes(input, state));
    persisted = persisted.then(async () => {
      await persistTransition(s.transition);
      await deliverEmails({ nominationId: s.transition.nominationId, seq: s.transition.seq });
    });
    return persisted.then(() => s.state);
  };

  const exclusively = async (work: () => Promise<NominationState>): Promise<NominationState> => {
    busy = true;
    try {
      return await work();
    } finally {
      busy = false;
    }
  };

  const checkSingleDecision = (level: Level): DomainError | null =>
    busy
      ? BUSY
      : (checkDecide(state, { level }) ??
        (isCouncil(level) ? { code: 'INVALID_STATE', message: `Cấp ${level} quyết định bằng biểu quyết của Hội đồng` } : null));

  /** Plans what the decision leads to: the next level's deadline, or the return window. */
  const planAfter = async (level: Level, decision: string, now: Date): Promise<Planner> => {
    const next = input.route[input.route.indexOf(level) + 1];
    if (decision === 'APPROVE' && next) {
      return planned((await planLevel({ nominationId: input.nominationId, level: next, enteredAt: now.toISOString() })).dueAt);
    }
    if (decision === 'RETURN') return planned(null, await planReturn({ returnedAt: now.toISOString() }));
    return planned(null);
  };

  setHandler(stateQuery, () => state);

  setHandler(
    decideUpdate,
    async (cmd) => {
      if (isDuplicate(state, cmd.requestId)) return state;
      reject(checkSingleDecision(cmd.level));
      return exclusively(async () => {
        const now = new Date();
        if (cmd.decision === 'APPROVE' && isLast(cmd.level) && award?.quota) {
          reject(await claimQuota({ nominationId: input.nominationId }));
        }
        const planner = await planAfter(cmd.level, cmd.decision, now);
        return record(decide(state, cmd, now, planner));
      });
    },
    {
      validator: (cmd) => {
        parse(decideCommandSchema, cmd);
        if (!isDuplicate(state, cmd.requestId)) reject(checkSingleDecision(cmd.level));
      },
    },
  );

  const checkClose = (level: Level): DomainError | null =>
    busy
      ? BUSY
      : (checkDecide(state, { level }) ?? (isCouncil(level) ? null : { code: 'INVALID_STATE', message: `Cấp ${level} không biểu quyết bằng Hội đồng` }));

  setHandler(
    closeVoteUpdate,
    async (cmd) => {
      if (isDuplicate(state, cmd.requestId)) return state;
      reject(checkClose(cmd.level));
      return exclusively(async () => {
        // Closing, counting and (when it passes at the deciding level) taking a quota place happen in one transaction.
        const ballot = await closeBallot({ nominationId: input.nominationId, level: cmd.level, closedBy: cmd.actor });
        reject(ballot.error);
        const now = new Date();
        const decision = ballot.passed ? 'APPROVE' : 'REJECT';
        const planner = await planAfter(cmd.level, decision, now);
        return record(
          decide(
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
            },
            now,
            planner,
          ),
        );
      });
    },
    {
      validator: (cmd) => {
        parse(closeVoteCommandSchema, cmd);
        if (!isDuplicate(state, cmd.requestId)) reject(checkClose(cmd.level));
      },
    },
  );

  setHandler(
    resubmitUpdate,
    async (cmd) => {
      if (isDuplicate(state, cmd.requestId)) return state;
      reject(busy ? BUSY : checkResubmit(state));
      return exclusively(async () => {
        const now = new Date();
        const plan = await planLevel({ nominationId: input.nominationId, level: state.currentLevel!, enteredAt: now.toISOString() });
        return record(resubmit(state, cmd, now, planned(plan.dueAt)));
      });
    },
    {
      validator: (cmd) => {
        parse(resubmitCommandSchema, cmd);
        if (!isDuplicate(state, cmd.requestId)) reject(busy ? BUSY : checkResubmit(state));
      },
    },
  );

  setHandler(
    withdrawUpdate,
    async (cmd) => {
      if (isDuplicate(state, cmd.requestId)) return state;
      reject(busy ? BUSY : checkWithdraw(state));
      return record(withdraw(state, cmd, new Date()));
    },
    {
      validator: (cmd) => {
        parse(withdrawCommandSchema, cmd);
        if (!isDuplicate(state, cmd.requestId)) reject(busy ? BUSY : checkWithdraw(state));
      },
    },
  );

  const checkAdmin = (): DomainError | null =>
    busy ? BUSY : state.status === 'IN_REVIEW' ? null : { code: 'INVALID_STATE', message: `Hồ sơ đang ở trạng thái ${state.status}` };

  setHandler(
    nudgeUpdate,
    async (cmd) => {
      if (isDuplicate(state, cmd.requestId)) return state;
      reject(checkAdmin());
      return record(withRequest(nudge(state, new Date(), cmd.actor, cmd.reason), cmd.requestId));
    },
    { validator: (cmd) => adminValidator(adminCommandSchema, cmd, checkAdmin) },
  );

  setHandler(
    setDeadlineUpdate,
    async (cmd) => {
      if (isDuplicate(state, cmd.requestId)) return state;
      reject(checkAdmin());
      return record(withRequest(changeDeadline(state, new Date(cmd.dueAt).toISOString(), new Date(), cmd), cmd.requestId));
    },
    { validator: (cmd) => adminValidator(setDeadlineCommandSchema, cmd, checkAdmin) },
  );

  const checkReassign = (level: Level): DomainError | null => checkAdmin() ?? checkDecide(state, { level });
  setHandler(
    reassignUpdate,
    async (cmd) => {
      if (isDuplicate(state, cmd.requestId)) return state;
      reject(checkReassign(cmd.level));
      return record(withRequest(reassign(state, cmd.reviewer, new Date(), cmd.actor, cmd.reason), cmd.requestId));
    },
    { validator: (cmd) => adminValidator(reassignCommandSchema, cmd, () => checkReassign(cmd.level)) },
  );

  function adminValidator(schema: z.ZodType, cmd: { requestId: string }, check: () => DomainError | null): void {
    parse(schema, cmd);
    if (!isDuplicate(state, cmd.requestId)) reject(check());
  }

  await record(submitted);

  while (!isFinal(state.status)) {
    const seq = state.seq;
    const changed = () => state.seq !== seq;
    if (state.status === 'RETURNED' && state.returnDeadline) {
      if (!(await condition(changed, untilMs(state.returnDeadline)))) {
        await condition(() => !busy);
        if (!changed()) await record(expire(state, new Date()));
      }
      continue;
    }
    if (state.status !== 'IN_REVIEW') {
      await condition(changed);
      continue;
    }
    await watchLevel(changed);
  }

  await condition(allHandlersFinished);
  await persisted;
  return state;

  /**
   * Waits at the current level until something changes or its next alert falls due: the reminder,
   * the deadline (overdue), the second escalation. The plan is read again before each alert, so a
   * calendar or deadline changed meanwhile moves the alert instead of firing it early.
   */
  async function watchLevel(changed: () => boolean): Promise<void> {
    const level = state.currentLevel!;
    const plan = await planLevel({
      nominationId: input.nominationId,
      level,
      enteredAt: state.levelEnteredAt ?? input.submittedAt,
      dueOverride: state.dueOverride,
    });
    if (changed()) return;
    if (plan.dueAt !== state.dueAt) {
      await record(changeDeadline(state, plan.dueAt, new Date()));
      return;
    }
    const now = Date.now();
    const alert: { at: string; fire: () => Step } | null = !state.overdue
      ? !state.reminded &&
        Date.parse(plan.remindAt) < Date.parse(plan.dueAt) &&
        Date.parse(plan.remindAt) > Date.parse(state.levelEnteredAt ?? input.submittedAt)
        ? { at: plan.remindAt, fire: () => remind(state, new Date()) }
        : { at: plan.dueAt, fire: () => markOverdue(state, new Date()) }
      : !state.escalated
        ? { at: plan.escalateAt, fire: () => escalate(state, new Date()) }
        : null;
    if (!alert) {
      await condition(changed);
      return;
    }
    if (Date.parse(alert.at) > now && (await condition(changed, untilMs(alert.at)))) return;
    await condition(() => !busy);
    if (changed()) return;
    const fresh = await planLevel({
      nominationId: input.nominationId,
      level,
      enteredAt: state.levelEnteredAt ?? input.submittedAt,
      dueOverride: state.dueOverride,
    });
    if (changed()) return;
    if (fresh.dueAt !== state.dueAt) {
      await record(changeDeadline(state, fresh.dueAt, new Date()));
      return;
    }
    await record(alert.fire());
  }
}
