import type { DeadlineRules } from '../libs/config/config';
import type { CalendarService } from '../libs/calendar/calendar.service';
import type { BallotRepository, BallotResult } from '../libs/db/ballot.repository';
import type { CampaignRepository } from '../libs/db/campaign.repository';
import type { NominationRepository } from '../libs/db/nomination.repository';
import type { OrgRepository } from '../libs/db/org.repository';
import type { QuotaRepository } from '../libs/db/quota.repository';
import type { LevelPlan } from '../libs/deadlines/deadline-planner';
import type { DomainError } from '../libs/domain/errors';
import type { Level } from '../libs/domain/levels';
import { awardOf } from '../libs/domain/nomination-catalogue';
import { plannerFor } from '../libs/domain/nomination-planner';

/** What a plan needs of the nomination; the row has it all, the workflow sends it without `createdAt`. */
type PlannedNomination = { catalogueVersion: string; campaignId: string | null; awardCode: string; createdAt?: Date };

export interface PlanInput {
  nominationId: string;
  nomination?: PlannedNomination;
}

export interface ReviewRuleDeps {
  nominations: NominationRepository;
  campaigns: CampaignRepository;
  orgs: OrgRepository;
  calendar: CalendarService;
  ballots: BallotRepository;
  quotas: QuotaRepository;
  rules: DeadlineRules;
}

/**
 * What the workflow must ask the outside world to apply the rules of review: deadlines on the
 * working-day calendar as it stands now, the council's ballot, the award's quota. Each is safe to
 * run twice: plans are pure reads, a closed ballot answers with its stored result, a quota claim is
 * keyed by nomination.
 */
export function createReviewRuleActivities({ nominations, campaigns, orgs, calendar, ballots, quotas, rules }: ReviewRuleDeps) {
  /** The nomination's planner, its campaign's own limits included; none for a plan that does not depend on the nomination. */
  const planner = async (nomination: PlannedNomination | null) => {
    const campaign = nomination?.campaignId ? await campaigns.findById(nomination.campaignId) : null;
    return plannerFor(nomination, { calendar: await calendar.calendar(), rules, campaign });
  };

  /** What a plan needs of the nomination: as the workflow sent it, or (runs that do not send it) from its row. */
  const planned = async (input: PlanInput): Promise<PlannedNomination | null> => input.nomination ?? (await nominations.findById(input.nominationId));

  return {
    async planLevel(input: PlanInput & { level: Level; enteredAt: string; dueOverride?: string | null }): Promise<LevelPlan> {
      const nomination = await planned(input);
      const override = input.dueOverride ? new Date(input.dueOverride) : null;
      return (await planner(nomination)).level(input.level, new Date(input.enteredAt), override);
    },

    /** The end of a nomination's posting or consultation period, counted from `from` (catalogue working days, or configuration). */
    async planPeriod(input: PlanInput & { kind: 'posting' | 'consultation'; from: string }): Promise<string> {
      const nomination = await planned(input);
      const award = nomination && awardOf(nomination);
      const days = input.kind === 'posting' ? award?.publicPostingWorkingDays : award?.consultation?.workingDays;
      return (await planner(nomination)).period(input.kind, new Date(input.from), days ?? 0);
    },

    async planReturn(input: { returnedAt: string }): Promise<string> {
      return (await planner(null)).returnDeadline(new Date(input.returnedAt));
    },

    async closeBallot(input: { nominationId: string; level: Level; closedBy: string }): Promise<BallotResult> {
      const nomination = await nominations.findById(input.nominationId);
      if (!nomination) throw new Error(`nomination ${input.nominationId} not found`);
      const council = (await orgs.tree()).reviewingOrg(nomination.unitCode, input.level);
      const isLast = nomination.route[nomination.route.length - 1] === input.level;
      return ballots.close(input.nominationId, input.level, input.closedBy, await orgs.councilSize(council?.code ?? ''), isLast);
    },

    async claimQuota(input: { nominationId: string }): Promise<DomainError | null> {
      return quotas.claim(input.nominationId);
    },
  };
}

export type ReviewRuleActivities = ReturnType<typeof createReviewRuleActivities>;
