// The bare shape the product's nomination workflow is measured against: one persisting activity at
// start, per level an update whose handler runs two activities, a final persist. Nothing else: no
// API, no rules, no search attributes, no timers.
import { allHandlersFinished, ApplicationFailure, condition, defineUpdate, proxyActivities, setHandler } from '@temporalio/workflow';
import type { BareActivities } from './bare.activities';

export interface BareInput {
  id: string;
  levels: string[];
}

export interface BareDecision {
  level: string;
  reviewer: string;
}

export interface BareState {
  id: string;
  decided: number;
  done: boolean;
}

export const bareDecideUpdate = defineUpdate<BareState, [BareDecision]>('bareDecide');

// The same bounded retry a product activity would have; a bench failure should surface, not hang.
const { persistSubmission, planLevel, persistDecision, persistFinal } = proxyActivities<BareActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { maximumAttempts: 5 },
});

export async function bareNominationWorkflow(input: BareInput): Promise<BareState> {
  const state: BareState = { id: input.id, decided: 0, done: false };
  let submitted = false;
  setHandler(
    bareDecideUpdate,
    async (decision) => {
      // A decision is recorded only after the submission is, as in the product.
      await condition(() => submitted);
      await planLevel(input.id, decision.level);
      await persistDecision(input.id, decision.level, decision.reviewer);
      state.decided += 1;
      return { ...state };
    },
    {
      validator: (decision) => {
        if (decision.level !== input.levels[state.decided]) {
          throw ApplicationFailure.nonRetryable(`expected level ${input.levels[state.decided]}, got ${decision.level}`, 'LEVEL_MISMATCH');
        }
      },
    },
  );
  await persistSubmission(input.id, input.levels[0]!);
  submitted = true;
  await condition(() => state.decided >= input.levels.length && allHandlersFinished());
  await persistFinal(input.id);
  state.done = true;
  return state;
}
