import { setHandler } from '@temporalio/workflow';
import type { DomainError } from '../libs/domain/errors';
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
  giveOpinion,
  nudge,
  reassign,
  resubmit,
  suspend,
  withdraw,
  type DecideCommand,
  type NominationState,
  type ResubmitCommand,
  type WithdrawCommand,
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
  type AdminCommand,
} from '../libs/domain/nomination-messages';
import { reject } from './failures';
import { closeBallot } from './activity-proxies';
import { planned, type NominationRoute } from './nomination-route';
import type { NominationRun } from './nomination-run';

const inReview = (state: NominationState): DomainError | null =>
  state.status === 'IN_REVIEW' ? null : { code: 'INVALID_STATE', message: `Hồ sơ đang ở trạng thái ${state.status}` };

/**
 * What a nomination answers to: the reviewers' decisions and the council's vote, the clerk's
 * resubmission and withdrawal, the admins' actions, and with the law's steps (v5) the agencies'
 * opinions and the holds. Each is a transition of the pure machine, with the plans it needs.
 */
export function acceptUpdates(run: NominationRun, route: NominationRoute, lawSteps: boolean): void {
  const notCouncil = (level: Level): DomainError | null =>
    route.isCouncil(level) ? { code: 'INVALID_STATE', message: `Cấp ${level} quyết định bằng biểu quyết của Hội đồng` } : null;
  const council = (level: Level): DomainError | null =>
    route.isCouncil(level) ? null : { code: 'INVALID_STATE', message: `Cấp ${level} không biểu quyết bằng Hội đồng` };

  setHandler(stateQuery, () => run.state);

  run.command<DecideCommand>(decideUpdate, {
    schema: decideCommandSchema,
    actorOf: (cmd) => cmd.reviewer,
    check: (cmd, state) => checkDecide(state, cmd) ?? checkGates(state) ?? notCouncil(cmd.level),
    perform: async (cmd, state, now) => {
      const { planner, plan, law } = await route.after(state, cmd.level, cmd.decision, now);
      return { step: decide(state, cmd, now, planner, law), plan, claimQuota: cmd.decision === 'APPROVE' && route.claimsQuota(cmd.level) };
    },
  });

  run.command(closeVoteUpdate, {
    schema: closeVoteCommandSchema,
    actorOf: (cmd) => cmd.actor,
    check: (cmd, state) => checkDecide(state, cmd) ?? checkGates(state) ?? council(cmd.level),
    perform: async (cmd, state, now) => {
      // Closing, counting and (when it passes at the deciding level) taking a quota place happen in one transaction.
      const ballot = await closeBallot({ nominationId: state.nominationId, level: cmd.level, closedBy: cmd.actor });
      reject(ballot.error);
      const decision = ballot.passed ? 'APPROVE' : 'REJECT';
      const { planner, plan, law } = await route.after(state, cmd.level, decision, now);
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
      return { step, plan };
    },
  });

  run.command<ResubmitCommand>(resubmitUpdate, {
    schema: resubmitCommandSchema,
    actorOf: (cmd) => cmd.actor,
    check: (_, state) => checkResubmit(state),
    perform: async (cmd, state, now) => {
      const levelPlan = await route.enteredPlan(state.currentLevel!, now);
      return { step: resubmit(state, cmd, now, planned(levelPlan.dueAt)), plan: levelPlan };
    },
  });

  run.command<WithdrawCommand>(withdrawUpdate, {
    schema: withdrawCommandSchema,
    actorOf: (cmd) => cmd.actor,
    check: (_, state) => checkWithdraw(state),
    perform: async (cmd, state, now) => ({ step: withdraw(state, cmd, now), plan: null }),
  });

  run.command<AdminCommand>(nudgeUpdate, {
    schema: adminCommandSchema,
    actorOf: (cmd) => cmd.actor,
    check: (_, state) => inReview(state),
    perform: async (cmd, state, now) => ({ step: nudge(state, now, cmd.actor, cmd.reason) }),
  });

  run.command(setDeadlineUpdate, {
    schema: setDeadlineCommandSchema,
    actorOf: (cmd) => cmd.actor,
    check: (_, state) => inReview(state),
    perform: async (cmd, state, now) => {
      const dueAt = new Date(cmd.dueAt).toISOString();
      const levelPlan = await route.levelPlan(state, dueAt);
      return { step: changeDeadline(state, dueAt, now, cmd), plan: levelPlan };
    },
  });

  run.command(reassignUpdate, {
    schema: reassignCommandSchema,
    actorOf: (cmd) => cmd.actor,
    check: (cmd, state) => inReview(state) ?? checkDecide(state, cmd),
    perform: async (cmd, state, now) => ({ step: reassign(state, cmd.reviewer, now, cmd.actor, cmd.reason) }),
  });

  if (!lawSteps) return;

  run.command(opinionUpdate, {
    schema: opinionCommandSchema,
    actorOf: (cmd) => cmd.actor,
    check: (cmd, state) => inReview(state) ?? checkOpinion(state, cmd.agency),
    perform: async (cmd, state, now) => ({ step: giveOpinion(state, cmd, now) }),
  });

  run.command(suspendUpdate, {
    schema: suspendCommandSchema,
    actorOf: (cmd) => cmd.actor,
    check: (_, state) => inReview(state),
    perform: async (cmd, state, now) => ({ step: suspend(state, cmd, now) }),
  });

  run.command(liftHoldUpdate, {
    schema: liftHoldCommandSchema,
    actorOf: (cmd) => cmd.actor,
    check: (cmd, state) => checkLiftHold(state, cmd.holdId),
    perform: (cmd, state, now) => route.resumed(state, cmd.holdId, now, cmd),
  });
}
