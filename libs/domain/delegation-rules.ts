import { API_MESSAGES } from './api-messages';
import { isStaffOf, type Actor } from './access-policy';
import type { ErrorDetail } from './errors';

export interface DelegationRequest {
  deputy: string;
  from: string;
  to: string;
}

const DAY_MS = 86_400_000;

/** Days from `from` to `to` (YYYY-MM-DD), both counted. */
export function daysInPeriod(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS) + 1;
}

/**
 * What is wrong with a delegation the delegator asks for, each naming its field: the deputy must be
 * someone else on the staff of the delegator's own organisation (never a clerk, who would approve
 * what they submitted, nor an admin); it starts today or later (Hà Nội day), so no one decides in the
 * past's name; and it is bounded, so a level is not handed over for good.
 */
export function delegationProblems(
  request: DelegationRequest,
  delegator: Pick<Actor, 'username' | 'orgCode'> & { orgName: string },
  deputy: Pick<Actor, 'role' | 'orgCode'> | null,
  today: string,
  maxDays: number,
): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  const say = API_MESSAGES.delegation;
  if (request.deputy === delegator.username) problems.push({ path: 'deputy', message: say.deputyIsDelegator });
  else if (!deputy) problems.push({ path: 'deputy', message: API_MESSAGES.review.noSuchUser(request.deputy) });
  else if (deputy.role === 'CLERK' || deputy.role === 'ADMIN') problems.push({ path: 'deputy', message: say.deputyRoleRefused(deputy.role) });
  else if (!isStaffOf(deputy, delegator.orgCode))
    problems.push({ path: 'deputy', message: say.deputyNotStaff({ code: delegator.orgCode, name: delegator.orgName }) });
  if (request.from < today) problems.push({ path: 'from', message: say.startsBeforeToday(today) });
  if (daysInPeriod(request.from, request.to) > maxDays) problems.push({ path: 'to', message: say.periodTooLong(maxDays) });
  return problems;
}
