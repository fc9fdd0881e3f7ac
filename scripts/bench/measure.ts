import type { Client } from '@temporalio/client';
import { rssOf } from './stack';

/** Peak and last resident memory of a process over a stretch of time, sampled every 250 ms. */
export function sampleRss(pid: number): { stop(): Promise<{ peak?: number; last?: number }> } {
  let peak: number | undefined;
  let last: number | undefined;
  const take = async () => {
    const rss = await rssOf(pid);
    if (rss === undefined) return;
    last = rss;
    peak = Math.max(peak ?? 0, rss);
  };
  void take();
  const timer = setInterval(() => void take(), 250);
  return {
    async stop() {
      clearInterval(timer);
      await take();
      return { peak, last };
    },
  };
}

export interface HistoryCount {
  workflowId: string;
  events: number;
  status: string;
}

/** Events in each workflow's history once it has finished (or after `waitMs`, as it stands then). */
export async function historyEvents(client: Client, workflowIds: readonly string[], waitMs = 30_000): Promise<HistoryCount[]> {
  return Promise.all(
    workflowIds.map(async (workflowId) => {
      const handle = client.workflow.getHandle(workflowId);
      await Promise.race([handle.result().catch(() => undefined), new Promise((r) => setTimeout(r, waitMs))]);
      const [history, description] = await Promise.all([handle.fetchHistory(), handle.describe()]);
      return { workflowId, events: history.events?.length ?? 0, status: description.status.name };
    }),
  );
}

/** Runs `task` over 0..n-1 with at most `concurrency` at a time. */
export async function pooled(n: number, concurrency: number, task: (index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < n) await task(next++);
  };
  await Promise.all(Array.from({ length: Math.min(n, concurrency) }, lane));
}
