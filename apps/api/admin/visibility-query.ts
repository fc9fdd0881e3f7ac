import type { OpenNominationFilter } from '../../../libs/db/stuck.repository';
import { nominationWorkflow } from '../../../workflows';

/**
 * Temporal visibility queries over the nomination workflows, narrowed by the same filters as the database
 * rows (the workflows keep `NominationLevel`, `UnitCode`, `AwardCode`, `CampaignId` and `OverdueSince` current).
 */
const quote = (value: string) => `"${value.replace(/["\\]/g, '')}"`;

export const OPEN_STATUSES = ['IN_REVIEW', 'RETURNED'] as const;

export function nominationQuery(filter: OpenNominationFilter, ...clauses: string[]): string {
  const parts = [`WorkflowType = ${quote(nominationWorkflow.name)}`, ...clauses];
  if (filter.level) parts.push(`NominationLevel = ${quote(filter.level)}`);
  if (filter.unitCode) parts.push(`UnitCode = ${quote(filter.unitCode)}`);
  if (filter.awardCode) parts.push(`AwardCode = ${quote(filter.awardCode)}`);
  if (filter.campaignId) parts.push(`CampaignId = ${quote(filter.campaignId)}`);
  if (filter.overdueBefore) parts.push(`OverdueSince <= ${quote(filter.overdueBefore.toISOString())}`);
  return parts.join(' AND ');
}

export const RUNNING = 'ExecutionStatus = "Running"';
export const OPEN_IN_WORKFLOW = `NominationStatus IN (${OPEN_STATUSES.map(quote).join(', ')})`;
/** Closed runs other than continue-as-new, whose successor carries on. */
export const ENDED = 'ExecutionStatus IN ("Completed", "Failed", "Canceled", "Terminated", "TimedOut")';
/** Set by the server (1.28+) after repeated workflow task failures or timeouts (`category=WorkflowTaskFailed` | `category=WorkflowTaskTimedOut`). */
export const TASK_PROBLEMS = 'TemporalReportedProblems IS NOT NULL';

export function workflowIdIn(ids: string[]): string {
  return `WorkflowId IN (${ids.map(quote).join(', ')})`;
}
