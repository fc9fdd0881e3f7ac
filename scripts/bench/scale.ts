import { performance } from 'node:perf_hooks';
import type { ApiClient } from './http';
import { openNominations } from './open-nominations';
import { rssOf, type Stack } from './stack';
import { median, mb, ms, table } from './stats';

export interface ScaleOptions {
  open: number;
  concurrency: number;
  /** How many times each read is timed. */
  repeats: number;
}

/** Above this per open nomination the worker's memory is not flat in the number of open nominations (issue 20). */
const PER_OPEN_TARGET_KB = 30;

/**
 * Opens `open` nominations and decides none, as a year-end round leaves them waiting (rows and workflows
 * created directly, see openNominations), then reports the worker's and the API's resident memory before
 * and after, per open nomination, and how long the two reads that walk open work take.
 */
export async function measureScale(stack: Stack, api: ApiClient, opts: ScaleOptions): Promise<void> {
  const processes = [
    ['worker', stack.workerPid()],
    ['API', stack.apiPid()],
  ] as const;
  const before = await Promise.all(processes.map(([, pid]) => rssOf(pid)));
  console.log(`\nScale: opening ${opts.open} nominations (rows inserted, workflows started ${opts.concurrency * 2} at a time), none decided`);
  const { seconds } = await openNominations(stack, {
    count: opts.open,
    concurrency: opts.concurrency * 2,
    log: (line) => console.log(`[bench] ${line}`),
  });
  const worker = await settledRss(stack.workerPid());

  const reads = [
    ['GET /api/admin/stuck', 'admin', '/api/admin/stuck'],
    ['GET /api/inbox (u1.head)', 'u1.head', '/api/inbox'],
  ] as const;
  const rows: string[][] = [];
  for (const [label, username, path] of reads) {
    const times: number[] = [];
    let items = 0;
    let total = 0;
    for (let i = 0; i < opts.repeats; i += 1) {
      const t0 = performance.now();
      const body = await api.get<{ items: unknown[]; total?: number }>(username, path);
      times.push(performance.now() - t0);
      items = body.items.length;
      total = body.total ?? items;
    }
    rows.push([label, `${items} of ${total}`, ms(median(times)), ms(Math.max(...times))]);
  }
  const after = [worker.rss, await rssOf(stack.apiPid())];

  console.log(`opened ${opts.open} in ${seconds.toFixed(1)} s (${(opts.open / seconds).toFixed(1)}/s)`);
  console.log(
    table(
      ['process', 'RSS before MB', 'after MB', 'kB per open nomination'],
      processes.map(([name], i) => [name, mb(before[i]), mb(after[i]), perOpen(before[i], after[i], opts.open)]),
    ),
  );
  console.log(
    `worker ${worker.steady ? `steady after ${worker.seconds} s` : `still changing after ${worker.seconds} s`}; ` +
      `target < ${PER_OPEN_TARGET_KB} kB per open nomination and < 1024 MB in all`,
  );
  console.log(table(['read', 'items', `median ms (${opts.repeats}×)`, 'max ms'], rows));
}

const perOpen = (before: number | undefined, after: number | undefined, open: number) =>
  before === undefined || after === undefined ? '-' : ((after - before) / 1024 / open).toFixed(1);

/** The worker runs each workflow's first task a moment after its start: wait until its memory stops growing. */
async function settledRss(pid: number): Promise<{ rss?: number; seconds: number; steady: boolean }> {
  const started = Date.now();
  let previous = await rssOf(pid);
  let steady = 0;
  while (steady < 5 && Date.now() - started < 120_000) {
    await new Promise((r) => setTimeout(r, 1000));
    const current = await rssOf(pid);
    steady = current !== undefined && previous !== undefined && Math.abs(current - previous) < 2 * 1024 * 1024 ? steady + 1 : 0;
    previous = current;
  }
  return { rss: previous, seconds: Math.round((Date.now() - started) / 1000), steady: steady >= 5 };
}
