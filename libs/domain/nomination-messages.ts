import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { Level } from './levels';
import type { DecideCommand, NominationState, ResubmitCommand, Timing, WithdrawCommand } from './nomination-machine';

/** Task queue and workflow naming shared by the API, the worker and the tests. */
export const NOMINATIONS_TASK_QUEUE = 'nominations';
export const nominationWorkflowId = (nominationId: string) => `nomination-${nominationId}`;

export interface NominationWorkflowInput {
  nominationId: string;
  awardCode: string;
  unitCode: string;
  route: Level[];
  /** The instant the API accepted the submission; the first deadline counts from it. */
  submittedAt: string;
  timing: Timing;
}

export const decideUpdate = defineUpdate<NominationState, [DecideCommand]>('decide');
export const resubmitUpdate = defineUpdate<NominationState, [ResubmitCommand]>('resubmit');
export const withdrawUpdate = defineUpdate<NominationState, [WithdrawCommand]>('withdraw');
export const stateQuery = defineQuery<NominationState>('state');
