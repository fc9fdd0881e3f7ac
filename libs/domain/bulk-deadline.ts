import type { Level } from './levels';

/** One admin's bulk deadline change, as its workflow carries it out. */
export interface BulkDeadlineJob {
  filter: { level?: Level; unitCode?: string; awardCode?: string; campaignId?: string; overdueBefore?: string };
  dueAt: string;
  reason: string;
  actor: string;
  /** The admin's request id: names the workflow and every per-nomination update, so a repeat changes nothing twice. */
  requestId: string;
  /** How many nominations matched when it was asked for. */
  matched: number;
}

export interface BulkDeadlinePage {
  /** The last nomination id this page looked at; the next page starts after it. */
  lastId: string | null;
  updated: number;
  done: boolean;
}

export const BULK_DEADLINE_PAGE_SIZE = 100;

export function bulkDeadlineWorkflowId(actor: string, requestId: string): string {
  return `bulk-deadline-${actor}-${requestId}`;
}
