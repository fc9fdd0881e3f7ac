import { performance } from 'node:perf_hooks';
import { submitNomination } from './full-flow';
import type { ApiClient } from './http';
import { pooled } from './measure';
import { rssOf } from './stack';
import { median, mb, ms, table } from './stats';

export interface ScaleOptions {
  open: number;
  concurrency: number;
  /** How many times each read is timed. */
  repeats: number;
}

/**
 * Opens `open` nominations and decides none, as a year-end round leaves them waiting, then reports
 * the product worker's resident memory and how long the two reads that walk open work take.
 */
export async function measureScale(api: ApiClient, workerPid: number, opts: ScaleOptions): Promise<void> {
  const before = await rssOf(workerPid);
  console.log(`\nScale: opening ${opts.open} nominations (concurrency ${opts.concurrency}), none decided`);
  const started = performance.now();
  let opened = 0;
  await pooled(opts.open, opts.concurrency, async () => {
    await submitNomination(api);
    opened += 1;
    if (opened % 500 === 0) console.log(`[bench] ${opened}/${opts.open} open (${Math.round((performance.now() - started) / 1000)} s)`);
  });
  const openSeconds = (performance.now() - started) / 1000;
  const settled = await settledRss(workerPid);

  const reads = [
    ['GET /api/admin/stuck', 'admin', '/api/admin/stuck'],
    ['GET /api/inbox (u1.head)', 'u1.head', '/api/inbox'],
  ] as const;
  const rows: string[][] = [];
  for (const [label, username, path] of reads) {
    const times: number[] = [];
    let items = 0;
    for (let i = 0; i < opts.repeats; i += 1) {
      const t0 = performance.now();
      const body = await api.get<{ items: unknown[] }>(username, path);
      times.push(performance.now() - t0);
      items = body.items.length;
    }
    rows.push([label, String(items), ms(median(times)), ms(Math.max(...times))]);
  }

  console.log(`opened ${opts.open} in ${openSeconds.toFixed(1)} s (${(opts.open / openSeconds).toFixed(1)}/s)`);
  console.log(
    `product worker RSS: ${mb(before)} MB before, ${mb(settled.rss)} MB with ${opts.open} more open nominations ` +
      `(${settled.steady ? `steady after ${settled.seconds} s` : `still changing after ${settled.seconds} s`})`,
  );
  console.log(table(['read', 'items', `median ms (${opts.repeats}×)`, 'max ms'], rows));
}

/** The worker starts each workflow's first task a moment after the API answers: wait until its memory stops growing. */
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
