import type { LevelPlan } from '../libs/deadlines/deadline-planner';
import { findAwardOf } from '../libs/domain/nomination-catalogue';
import type { Level } from '../libs/domain/levels';
import { liftHold, resumedDeadline, type Entering, type LiftHoldCommand, type NominationState, type Planner } from '../libs/domain/nomination-machine';
import type { NominationWorkflowInput } from '../libs/domain/nomination-messages';
import { planLevel, planPeriod, planReturn } from './activity-proxies';
import type { Planned } from './nomination-run';

/** Which of the law's steps this run keeps, as its patches say. */
export interface LawSteps {
  /** v5: public posting, consultation, holds, forwarding. */
  lawSteps: boolean;
  /** v6: each consulted agency its own deadline. */
  agencyDeadlines: boolean;
}

/** A planner that answers with what the activities already planned. */
export const planned = (dueAt: string | null, returnDeadline: string | null = null): Planner => ({
  levelDue: () => dueAt,
  returnDeadline: () => returnDeadline,
});

/**
 * The nomination's way through its levels: its award's councils and quota, where the law's posting and
 * consultation fall, and the plans (deadlines on the working-day calendar) that each step needs.
 */
export class NominationRoute {
  private readonly award;
  // What the plans need of the nomination, so that a plan does not read its row (runs started without a
  // catalogue version leave it out, and the plan reads the row).
  private readonly planning;
  private readonly postingLevel: Level | undefined;
  private readonly consultationLevel: Level | undefined;

  constructor(
    private readonly input: NominationWorkflowInput,
    private readonly law: LawSteps,
  ) {
    this.award = findAwardOf({ awardCode: input.awardCode, catalogueVersion: input.catalogueVersion });
    this.planning = {
      nominationId: input.nominationId,
      ...(input.catalogueVersion !== undefined && {
        nomination: { catalogueVersion: input.catalogueVersion, campaignId: input.campaignId ?? null, awardCode: input.awardCode },
      }),
    };
    // The posting comes before the level a council decides, or else before the last (deciding) level.
    this.postingLevel =
      law.lawSteps && this.award?.publicPostingWorkingDays ? (input.route.find((l) => this.isCouncil(l)) ?? input.route[input.route.length - 1]) : undefined;
    this.consultationLevel = law.lawSteps && this.award?.consultation && input.route.includes('CITY') ? 'CITY' : undefined;
  }

  isCouncil(level: Level): boolean {
    return this.award?.councils?.[level] !== undefined;
  }

  /** Approving at the last level takes one of the award's places, when it has a quota. */
  claimsQuota(level: Level): boolean {
    return this.input.route[this.input.route.length - 1] === level && !!this.award?.quota;
  }

  /** The current level's plan, its deadline fixed at `dueOverride` when given. */
  levelPlan(state: NominationState, dueOverride?: string | null): Promise<LevelPlan> {
    return planLevel({ ...this.planning, level: state.currentLevel!, enteredAt: state.levelEnteredAt ?? this.input.submittedAt, dueOverride });
  }

  /** The plan of a level entered (or re-entered) now. */
  enteredPlan(level: Level, now: Date): Promise<LevelPlan> {
    return planLevel({ ...this.planning, level, enteredAt: now.toISOString() });
  }

  /** What a decision leads to: the next level and its plan (with the periods the law starts there), or the return window. */
  async after(
    state: NominationState,
    level: Level,
    decision: string,
    now: Date,
  ): Promise<{ planner: Planner; plan: LevelPlan | null; law: { forward?: boolean; entering?: Entering } }> {
    const next = this.input.route[this.input.route.indexOf(level) + 1];
    if (decision === 'APPROVE' && next) {
      const nextPlan = await this.enteredPlan(next, now);
      return { planner: planned(nextPlan.dueAt), plan: nextPlan, law: { entering: await this.entering(state, next, now) } };
    }
    if (decision === 'RETURN') return { planner: planned(null, await planReturn({ returnedAt: now.toISOString() })), plan: null, law: {} };
    return { planner: planned(null), plan: null, law: { forward: this.law.lawSteps && decision === 'APPROVE' && !!this.award?.forwardTo } };
  }

  /** Lifting a hold: when it was the last, the level resumes with its deadline moved by the time suspended. */
  async resumed(state: NominationState, holdId: string, now: Date, cmd?: LiftHoldCommand): Promise<Planned> {
    const last = (state.holds ?? []).every((h) => h.holdId === holdId);
    if (!last || !state.dueAt) return { step: liftHold(state, holdId, now, state.dueAt, cmd) };
    const dueAt = resumedDeadline(state, now)!;
    const levelPlan = await this.levelPlan(state, dueAt);
    return { step: liftHold(state, holdId, now, dueAt, cmd), plan: levelPlan };
  }

  /** The posting and the consultation that start, in parallel, as `level` is entered the first time. */
  private async entering(state: NominationState, level: Level, now: Date): Promise<Entering | undefined> {
    if (!this.law.lawSteps) return undefined;
    const from = now.toISOString();
    const law: Entering = {};
    if (level === this.postingLevel && !state.posting) law.postingEndsAt = await planPeriod({ ...this.planning, kind: 'posting', from });
    if (level === this.consultationLevel && !state.consultation) {
      const agencies = [...this.award!.consultation!.agencies];
      const dueAt = await planPeriod({ ...this.planning, kind: 'consultation', from });
      // The requests all leave now, each agency's period counted from its own.
      law.consultation = this.law.agencyDeadlines ? { dueAt, agencies, deadlines: Object.fromEntries(agencies.map((a) => [a, dueAt])) } : { dueAt, agencies };
    }
    return law;
  }
}
