import { WorkflowNotFoundError, WorkflowUpdateFailedError, type Client } from '@temporalio/client';
import type { StuckRepository } from '../libs/db/stuck.repository';
import { scopedRequestId } from '../libs/domain/command-fingerprint';
import { BULK_DEADLINE_PAGE_SIZE, type BulkDeadlineJob, type BulkDeadlinePage } from '../libs/domain/bulk-deadline';
import { setDeadlineUpdate } from '../libs/domain/nomination-messages';

export interface BulkDeadlineActivityDeps {
  rows: StuckRepository;
  temporal: Client;
  /** Updates in flight at once, so a large round does not flood the server. */
  concurrency?: number;
}

/** The per-nomination deadline updates of a bulk change, one page of the matching rows per call. */
export function createBulkDeadlineActivities({ rows, temporal, concurrency = 8 }: BulkDeadlineActivityDeps) {
  const apply = async (job: BulkDeadlineJob, target: { id: string; workflowId: string }): Promise<boolean> => {
    const requestId = scopedRequestId(job.actor, `${job.requestId}-${target.id}`);
    try {
      await temporal.workflow
        .getHandle(target.workflowId)
        .executeUpdate(setDeadlineUpdate, { args: [{ requestId, actor: job.actor, reason: job.reason, dueAt: job.dueAt }], updateId: `deadline-${requestId}` });
      return true;
    } catch (error) {
      // A nomination decided or closed since it matched keeps its fate; the others go on.
      if (error instanceof WorkflowUpdateFailedError || error instanceof WorkflowNotFoundError) return false;
      throw error;
    }
  };

  return {
    async applyDeadlinePage({ job, afterId }: { job: BulkDeadlineJob; afterId: string | null }): Promise<BulkDeadlinePage> {
      const { overdueBefore, ...filter } = job.filter;
      const targets = await rows.deadlineTargets(
        { ...filter, ...(overdueBefore && { overdueBefore: new Date(overdueBefore) }) },
        afterId,
        BULK_DEADLINE_PAGE_SIZE,
      );
      let updated = 0;
      for (let i = 0; i < targets.length; i += concurrency) {
        const done = await Promise.all(targets.slice(i, i + concurrency).map((t) => apply(job, t)));
        updated += done.filter(Boolean).length;
      }
      return { lastId: targets.at(-1)?.id ?? afterId, updated, done: targets.length < BULK_DEADLINE_PAGE_SIZE };
    },
  };
}

export type BulkDeadlineActivities = ReturnType<typeof createBulkDeadlineActivities>;
