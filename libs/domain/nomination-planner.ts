import type { DeadlineRules } from '../config/config';
import { deadlineSpecSchema } from '../config/deadline-spec';
import { DeadlinePlanner, type WorkingDays } from '../deadlines/deadline-planner';
import { catalogueOf, type JudgedNomination } from './nomination-catalogue';

export interface PlanningFacts {
  /** The working-day calendar as it stands now. */
  calendar: WorkingDays;
  /** Configuration's rules (`deadlineRulesFrom`). */
  rules: DeadlineRules;
  /** The nomination's campaign, if it has one: its own time limits per level, as stored (`{ "DEPARTMENT": "3s" }`). */
  campaign: { levelDeadlines: unknown } | null;
}

/** A campaign may set its own time limits per level; they win over configuration and the catalogue. */
export function withCampaignDeadlines(rules: DeadlineRules, levelDeadlines: unknown): DeadlineRules {
  const own = Object.entries((levelDeadlines ?? {}) as Record<string, unknown>).flatMap(([level, spec]) => {
    const parsed = deadlineSpecSchema.safeParse(spec);
    return parsed.success ? [[level, parsed.data] as const] : [];
  });
  return own.length ? { ...rules, level: { ...rules.level, ...Object.fromEntries(own) } } : rules;
}

/**
 * The deadline planner for one nomination: the level limits of its catalogue version, configuration's
 * rules, and its campaign's own limits over both. The submission and the workflow plan with the same
 * one, so the first deadline the row shows is the one the workflow keeps.
 */
export function plannerFor(nomination: Omit<JudgedNomination, 'awardCode'> | null, { calendar, rules, campaign }: PlanningFacts): DeadlinePlanner {
  const catalogue = catalogueOf(nomination ?? { catalogueVersion: undefined });
  return new DeadlinePlanner(calendar, campaign ? withCampaignDeadlines(rules, campaign.levelDeadlines) : rules, catalogue.levelLimitWorkingDays);
}
