import { continueAsNew, proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { BulkDeadlineActivities } from '../activities/bulk-deadline.activities';
import type { BulkDeadlineJob } from '../libs/domain/bulk-deadline';

const { applyDeadlinePage } = proxyActivities<BulkDeadlineActivities>({
  // A page is a hundred updates at bounded concurrency: seconds, not minutes.
  startToCloseTimeout: '5 minutes',
  // Bounded: a batch that cannot go on fails where the admin sees it (the Temporal UI), and the same
  // request sent again under a new request id re-applies what is left; each update is idempotent.
  retry: { initialInterval: '1 second', maximumInterval: '1 minute', maximumAttempts: 10 },
});

/**
 * Moves the deadline of every nomination an admin's filter matches, a page at a time, so that the HTTP
 * call that asked for it answers at once. Each page's updates carry ids derived from the admin's
 * request id, so a retried page changes nothing twice.
 */
export async function bulkDeadlineWorkflow(
  job: BulkDeadlineJob,
  afterId: string | null = null,
  updatedBefore = 0,
): Promise<{ matched: number; updated: number }> {
  let cursor = afterId;
  let updated = updatedBefore;
  for (;;) {
    const page = await applyDeadlinePage({ job, afterId: cursor });
    updated += page.updated;
    if (page.done) return { matched: job.matched, updated };
    cursor = page.lastId;
    if (workflowInfo().continueAsNewSuggested) await continueAsNew<typeof bulkDeadlineWorkflow>(job, cursor, updated);
  }
}
