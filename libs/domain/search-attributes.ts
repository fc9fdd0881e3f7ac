import { defineSearchAttributeKey, SearchAttributeType, type SearchAttributePair, type SearchAttributeUpdatePair } from '@temporalio/common';
import type { NominationState } from './nomination-machine';

/**
 * Custom search attributes every nomination workflow keeps current, so that admins can filter in
 * the Temporal UI (e.g. `NominationLevel = "SO" AND DueAt < "2026-12-01T00:00:00Z"`).
 * They must be registered on the namespace: the dev server gets them as start flags; for a real
 * cluster, `npm run temporal:search-attributes` registers them.
 */
export const NOMINATION_SEARCH_ATTRIBUTES = {
  status: defineSearchAttributeKey('NominationStatus', SearchAttributeType.KEYWORD),
  level: defineSearchAttributeKey('NominationLevel', SearchAttributeType.KEYWORD),
  award: defineSearchAttributeKey('AwardCode', SearchAttributeType.KEYWORD),
  unit: defineSearchAttributeKey('UnitCode', SearchAttributeType.KEYWORD),
  campaign: defineSearchAttributeKey('CampaignId', SearchAttributeType.KEYWORD),
  dueAt: defineSearchAttributeKey('DueAt', SearchAttributeType.DATETIME),
  overdueSince: defineSearchAttributeKey('OverdueSince', SearchAttributeType.DATETIME),
  returnCount: defineSearchAttributeKey('ReturnCount', SearchAttributeType.INT),
} as const;

/** Name → type, as the dev server's `--search-attribute NAME=Type` flags and the operator API want them. */
export const SEARCH_ATTRIBUTE_TYPES: Record<string, 'Keyword' | 'Datetime' | 'Int'> = {
  NominationStatus: 'Keyword',
  NominationLevel: 'Keyword',
  AwardCode: 'Keyword',
  UnitCode: 'Keyword',
  CampaignId: 'Keyword',
  DueAt: 'Datetime',
  OverdueSince: 'Datetime',
  ReturnCount: 'Int',
};

export interface NominationIdentity {
  awardCode: string;
  unitCode: string;
  campaignId?: string | null;
}

/** The attributes for a state; null removes one that no longer applies (no level once final). */
export function nominationSearchAttributes(
  identity: NominationIdentity,
  state: Pick<NominationState, 'status' | 'currentLevel' | 'dueAt' | 'overdue' | 'returnCount'>,
): SearchAttributeUpdatePair[] {
  const sa = NOMINATION_SEARCH_ATTRIBUTES;
  return [
    { key: sa.status, value: state.status },
    { key: sa.award, value: identity.awardCode },
    { key: sa.unit, value: identity.unitCode },
    { key: sa.returnCount, value: state.returnCount },
    { key: sa.level, value: state.currentLevel },
    { key: sa.campaign, value: identity.campaignId ?? null },
    { key: sa.dueAt, value: state.dueAt ? new Date(state.dueAt) : null },
    { key: sa.overdueSince, value: state.overdue && state.dueAt ? new Date(state.dueAt) : null },
  ];
}

/** The same, for starting a workflow: only the attributes that have a value. */
export function initialSearchAttributes(...args: Parameters<typeof nominationSearchAttributes>): SearchAttributePair[] {
  return nominationSearchAttributes(...args).filter((pair): pair is SearchAttributePair => pair.value !== null);
}
