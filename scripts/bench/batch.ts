import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { REVIEWERS, submitNomination } from './full-flow';
import type { ApiClient } from './http';
import { pooled } from './measure';
import { fixed, latencies, ms, table } from './stats';

interface Decided {
  id: string;
  currentLevel: string | null;
  decisions: { level: string; decidedAt: string }[];
}

interface BatchAnswer {
  results: { nominationId: string; status: number; nomination?: Decided }[];
}

/**
 * API.md "Review in batches" against the single route, from one client: `size` unit approvals sent one
 * after another, then `size` others in one batch, on nominations opened beforehand (not timed). A
 * batch item's latency is from the batch's start to its decision's `decidedAt` (the same machine's clock).
 */
export async function measureBatch(api: ApiClient, opts: { size: number; concurrency: number }): Promise<void> {
  const reviewer = REVIEWERS.UNIT;
  console.log(`\nBatch: opening ${opts.size * 2} nominations (concurrency ${opts.concurrency}), not timed`);
  const opened: string[] = [];
  await pooled(opts.size * 2, opts.concurrency, async () => {
    opened.push((await submitNomination(api)).id);
  });
  const [alone, together] = [opened.slice(0, opts.size), opened.slice(opts.size)];
  const approve = { level: 'UNIT', decision: 'APPROVE', comment: 'Đồng ý' } as const;

  const singleMs: number[] = [];
  const singleStart = performance.now();
  for (const id of alone) {
    const t0 = performance.now();
    await api.post(reviewer, `/api/nominations/${id}/decisions`, { ...approve, requestId: randomUUID() }, 200);
    singleMs.push(performance.now() - t0);
  }
  const singleWall = performance.now() - singleStart;

  const batchStartedAt = Date.now();
  const batchStart = performance.now();
  const body = { requestId: randomUUID(), items: together.map((nominationId) => ({ nominationId, ...approve })) };
  let answer = await api.post<BatchAnswer>(reviewer, '/api/decisions/batch', body, 200);
  // An item answered 503 asks for the same batch again after Retry-After, as the ApiClient does for a whole request.
  let resent = 0;
  while (answer.results.some((r) => r.status === 503) && resent < 3) {
    resent += 1;
    await new Promise((resolve) => setTimeout(resolve, 5000));
    answer = await api.post<BatchAnswer>(reviewer, '/api/decisions/batch', body, 200);
  }
  const batchWall = performance.now() - batchStart;
  const refused = answer.results.filter((r) => r.status !== 200);
  if (refused.length > 0) throw new Error(`the batch refused ${refused.length} items, e.g. ${JSON.stringify(refused[0])}`);
  const itemMs = answer.results.map((r) => Date.parse(r.nomination!.decisions.find((d) => d.level === 'UNIT')!.decidedAt) - batchStartedAt);

  // The same outcome both ways: every nomination now waits at the department.
  const after = await Promise.all(opened.map((id) => api.get<Decided>(reviewer, `/api/nominations/${id}`).catch(() => null)));
  const moved = after.filter((n) => n?.currentLevel === 'DEPARTMENT').length;

  const single = latencies(singleMs);
  const batched = latencies(itemMs);
  console.log(
    table(
      ['scenario', 'items', 'wall s', 'items/s', 'per-item p50 ms', 'p99 ms'],
      [
        [
          `${opts.size} single requests, one after another`,
          String(opts.size),
          fixed(singleWall / 1000),
          fixed(opts.size / (singleWall / 1000)),
          ms(single.p50),
          ms(single.p99),
        ],
        [`one batch of ${opts.size}`, String(opts.size), fixed(batchWall / 1000), fixed(opts.size / (batchWall / 1000)), ms(batched.p50), ms(batched.p99)],
      ],
    ),
  );
  const speedup = singleWall / batchWall;
  console.log(
    `batch speed-up (wall): ${fixed(speedup, 1)}× — target ≥ 5×: ${speedup >= 5 ? 'meets' : 'misses'}; at DEPARTMENT afterwards: ${moved}/${opened.length}`,
  );
}
