import { allHandlersFinished, condition, continueAsNew, patched, workflowInfo } from '@temporalio/workflow';
import { alarmStep, deadlineMoved, expiryAlarm, LEVEL_CLOCK, nextAlarm, type PlainAlarm } from '../libs/domain/next-alarm';
import { redrive, submit, type NominationState, type Step } from '../libs/domain/nomination-machine';
import type { NominationWorkflowInput } from '../libs/domain/nomination-messages';
import { isFinal } from '../libs/domain/nomination-status';
import { nominationWorkflowV3 } from './nomination-v3.workflow';
import { NominationRoute, planned } from './nomination-route';
import { NominationRun } from './nomination-run';
import { acceptUpdates } from './nomination-updates';

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

const DEFAULT_HISTORY_LIMIT = 1000;

/**
 * One workflow per nomination. Nominations started before v4 keep the earlier versions' behaviour;
 * every newer one runs the story below: its opening is committed, then it answers its commands and
 * rings its alarms until it ends.
 */
export async function nominationWorkflow(input: NominationWorkflowInput): Promise<NominationState> {
  if (!patched(DURABLE_WRITE_PATCH)) return nominationWorkflowV3(input);
  const lawSteps = patched(LAW_STEPS_PATCH);
  const agencyDeadlines = lawSteps && patched(AGENCY_DEADLINES_PATCH);

  const route = new NominationRoute(input, { lawSteps, agencyDeadlines });
  const opening: Step | null = input.carry
    ? null
    : input.resume
      ? redrive(input.resume.state, new Date(), input.resume.actor, input.resume.reason)
      : submit(input.nominationId, input.route, new Date(input.submittedAt), planned(input.firstDueAt ?? null));
  const run = new NominationRun(input, opening);
  acceptUpdates(run, route, lawSteps);
  if (opening) await run.open(opening);

  while (!isFinal(run.state.status)) {
    if (workflowInfo().historyLength >= (input.historyLimit ?? DEFAULT_HISTORY_LIMIT) || workflowInfo().continueAsNewSuggested) {
      await condition(() => run.idle && allHandlersFinished());
      return continueAsNew<typeof nominationWorkflow>({ ...input, resume: undefined, carry: { state: run.state, plan: run.plan } });
    }
    const seq = run.state.seq;
    const changed = () => run.state.seq !== seq;
    // Review waits one call deep, the return window here: how deep each wait sits decides how it interleaves
    // with a command woken at the same moment, and the recorded runs interleaved so.
    if (run.state.status === 'IN_REVIEW') {
      await watchReview(changed);
      continue;
    }
    const expiry = expiryAlarm(run.state, Date.now());
    if (!expiry) await condition(changed);
    else if (!(await condition(changed, expiry.waitMs))) await run.system(() => (changed() ? null : { step: ring(expiry), plan: null }));
  }

  await condition(allHandlersFinished);
  return run.state;

  /**
   * Waits in review until something changes or the next alarm rings. The level's plan is read when the
   * run has none, and again before a level alarm rings: a calendar or deadline changed meanwhile moves
   * the alarm instead of ringing it early.
   */
  async function watchReview(changed: () => boolean): Promise<void> {
    const watched = run.state;
    if (!watched.holds?.length && !run.plan) {
      const current = await route.levelPlan(watched, watched.dueOverride);
      if (changed()) return;
      run.plan = current;
    }
    const alarm = nextAlarm(run.state, run.plan, Date.now(), input.submittedAt);
    if (!alarm) {
      await condition(changed);
      return;
    }
    if (alarm.waitMs > 0 && (await condition(changed, alarm.waitMs))) return;
    if (alarm.kind === 'HOLD_ENDS') {
      const next = await route.resumed(run.state, alarm.holdId, new Date());
      await run.system(() => (changed() ? null : next));
      return;
    }
    let rung: PlainAlarm = alarm;
    if (LEVEL_CLOCK.has(alarm.kind)) {
      // Asked as recorded runs asked it (the level watched, the override now); a change meanwhile drops the answer.
      const fresh = await route.levelPlan(watched, run.state.dueOverride);
      if (changed()) return;
      run.plan = fresh;
      rung = deadlineMoved(run.state, fresh, Date.now()) ?? alarm;
    }
    await run.system(() => (changed() ? null : { step: ring(rung) }));
  }

  /** The transition an alarm makes, dated when it rings. */
  function ring(alarm: PlainAlarm): Step {
    return alarmStep(run.state, alarm, new Date());
  }
}
