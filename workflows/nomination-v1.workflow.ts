import { allHandlersFinished, condition, proxyActivities, setHandler } from '@temporalio/workflow';
import type { NominationActivities } from '../activities/nomination.activities';
import { decideCommandSchema, resubmitCommandSchema, withdrawCommandSchema } from '../libs/domain/nomination-commands';
import {
  checkDecide,
  checkResubmit,
  checkWithdraw,
  decide,
  expire,
  isDuplicate,
  markOverdue,
  resubmit,
  submit,
  timingPlanner,
  withdraw,
  type NominationState,
  type Step,
} from '../libs/domain/nomination-machine';
import { decideUpdate, resubmitUpdate, stateQuery, withdrawUpdate, type NominationWorkflowInput } from '../libs/domain/nomination-messages';
import { isFinal } from '../libs/domain/nomination-status';
import { parse, reject, untilMs } from './failures';

const { persistTransition, deliverEmails } = proxyActivities<NominationActivities>({
  startToCloseTimeout: '30 seconds',
  // No maximum attempts: a transition already decided must reach the database eventually.
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

/**
 * The first version of the nomination workflow, frozen: nominations started before working-day
 * deadlines replay through it (see the patch in nomination.workflow.ts). Do not change its commands.
 */
export async function nominationWorkflowV1(input: NominationWorkflowInput): Promise<NominationState> {
  const timing = timingPlanner(input.timing!);
  const submitted = submit(input.nominationId, input.route, new Date(input.submittedAt), timing);
  // Set before the handlers are registered: updates buffered at start are delivered on registration.
  let state: NominationState = submitted.state;
  // Transitions are persisted strictly in order, whichever handler or timer produced them.
  let persisted: Promise<void> = Promise.resolve();

  const record = (s: Step): Promise<NominationState> => {
    state = s.state;
    persisted = persisted.then(async () => {
      await persistTransition(s.transition);
      await deliverEmails({ nominationId: s.transition.nominationId, seq: s.transition.seq });
    });
    return persisted.then(() => s.state);
  };

  setHandler(stateQuery, () => state);

  setHandler(
    decideUpdate,
    async (cmd) => {
      if (isDuplicate(state, cmd.requestId)) return state;
      reject(checkDecide(state, cmd));
      return record(decide(state, cmd, new Date(), timing));
    },
    {
      validator: (cmd) => {
        parse(decideCommandSchema, cmd);
        if (!isDuplicate(state, cmd.requestId)) reject(checkDecide(state, cmd));
      },
    },
  );

  setHandler(
    resubmitUpdate,
    async (cmd) => {
      if (isDuplicate(state, cmd.requestId)) return state;
      reject(checkResubmit(state));
      return record(resubmit(state, cmd, new Date(), timing));
    },
    {
      validator: (cmd) => {
        parse(resubmitCommandSchema, cmd);
        if (!isDuplicate(state, cmd.requestId)) reject(checkResubmit(state));
      },
    },
  );

  setHandler(
    withdrawUpdate,
    async (cmd) => {
      if (isDuplicate(state, cmd.requestId)) return state;
      reject(checkWithdraw(state));
      return record(withdraw(state, cmd, new Date()));
    },
    {
      validator: (cmd) => {
        parse(withdrawCommandSchema, cmd);
        if (!isDuplicate(state, cmd.requestId)) reject(checkWithdraw(state));
      },
    },
  );

  await record(submitted);

  while (!isFinal(state.status)) {
    const seq = state.seq;
    const changed = () => state.seq !== seq;
    if (state.status === 'IN_REVIEW' && !state.overdue && state.dueAt) {
      // Overdue does not end the review: the reviewers and admins are told and the wait goes on.
      if (!(await condition(changed, untilMs(state.dueAt))) && !changed()) await record(markOverdue(state, new Date()));
    } else if (state.status === 'RETURNED' && state.returnDeadline) {
      if (!(await condition(changed, untilMs(state.returnDeadline))) && !changed()) await record(expire(state, new Date()));
    } else {
      await condition(changed);
    }
  }

  await condition(allHandlersFinished);
  await persisted;
  return state;
}
