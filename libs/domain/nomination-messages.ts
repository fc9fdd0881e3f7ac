import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { LevelPlan } from '../deadlines/deadline-planner';
import type { Level } from './levels';
import type {
  DecideCommand,
  DocumentRef,
  LiftHoldCommand,
  NominationState,
  OpinionCommand,
  ResubmitCommand,
  SuspendCommand,
  Timing,
  WithdrawCommand,
} from './nomination-machine';

/** Workflow naming shared by the API, the worker and the tests. */
export const nominationWorkflowId = (nominationId: string) => `nomination-${nominationId}`;

export interface NominationWorkflowInput {
  nominationId: string;
  awardCode: string;
  unitCode: string;
  route: Level[];
  /** The instant the API accepted the submission; the first deadline counts from it. */
  submittedAt: string;
  /** Fixed durations: only workflows started before working-day deadlines (v1) use them. */
  timing?: Timing;
  /** The catalogue version the nomination is judged by (councils, quota). */
  catalogueVersion?: string;
  /** The first level's deadline, planned by the API on the working-day calendar. */
  firstDueAt?: string;
  campaignId?: string | null;
  /** Set when an admin re-drives a nomination whose workflow was lost: the state to take over from. */
  resume?: { state: NominationState; actor: string; reason: string };
  /** A run's history is cut (continue-as-new) after this many events; the default suits a nomination's years. */
  historyLimit?: number;
  /** Set by the previous run when it continued as new: where it stood, already committed. */
  carry?: { state: NominationState; plan: LevelPlan | null };
}

/** What every admin action carries: who, and why (both end up in the audit trail). */
export interface AdminCommand {
  requestId: string;
  actor: string;
  reason: string;
}

export interface CloseVoteCommand {
  level: Level;
  requestId: string;
  actor: string;
  /** The document versions the council had; absent from older commands. */
  documents?: DocumentRef[];
}

export const decideUpdate = defineUpdate<NominationState, [DecideCommand]>('decide');
export const resubmitUpdate = defineUpdate<NominationState, [ResubmitCommand]>('resubmit');
export const withdrawUpdate = defineUpdate<NominationState, [WithdrawCommand]>('withdraw');
export const closeVoteUpdate = defineUpdate<NominationState, [CloseVoteCommand]>('closeVote');
export const nudgeUpdate = defineUpdate<NominationState, [AdminCommand]>('nudge');
export const setDeadlineUpdate = defineUpdate<NominationState, [AdminCommand & { dueAt: string }]>('setDeadline');
export const reassignUpdate = defineUpdate<NominationState, [AdminCommand & { level: Level; reviewer: string }]>('reassign');
export const opinionUpdate = defineUpdate<NominationState, [OpinionCommand]>('giveOpinion');
export const suspendUpdate = defineUpdate<NominationState, [SuspendCommand]>('suspend');
export const liftHoldUpdate = defineUpdate<NominationState, [LiftHoldCommand]>('liftHold');
export const stateQuery = defineQuery<NominationState>('state');
