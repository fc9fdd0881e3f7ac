import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { samplePdf } from '../../libs/devtools/sample-documents';
import type { ApiClient } from './http';
import { pooled } from './measure';
import { latencies, ms, table } from './stats';

/** Three units' clerks submit at once, as at a campaign's deadline. */
export const CLERKS = ['u1.clerk', 'u2.clerk', 'u3.clerk'] as const;

/** An award every seeded unit's staff may get on their rating alone (no award history needed). */
const AWARD = 'GIAY_KHEN_GIAM_DOC_SO';
const DOSSIER = ['TO_TRINH', 'BIEN_BAN_HOP'] as const;

export interface SubmissionOptions {
  count: number;
  concurrency: number;
}

/**
 * `POST /api/nominations` under load: every dossier is uploaded first (not timed), then `count`
 * submissions, round robin over three clerks, `concurrency` in flight; prints submissions per second
 * and the latency of one submission (eligibility, dossier, insert, workflow start).
 */
export async function measureSubmissions(api: ApiClient, opts: SubmissionOptions): Promise<void> {
  console.log(`\nSubmissions: ${opts.count} from ${CLERKS.join(', ')}, ${opts.concurrency} in flight`);
  await Promise.all(CLERKS.map((clerk) => api.token(clerk)));
  const dossiers: string[][] = new Array<string[]>(opts.count);
  await pooled(opts.count, opts.concurrency, async (i) => {
    const clerk = CLERKS[i % CLERKS.length]!;
    dossiers[i] = await Promise.all(DOSSIER.map((type) => api.upload(clerk, type, samplePdf(type), `${type}.pdf`)));
  });

  const times: number[] = [];
  const started = performance.now();
  await pooled(opts.count, opts.concurrency, async (i) => {
    const clerk = CLERKS[i % CLERKS.length]!;
    const body = {
      awardCode: AWARD,
      year: new Date().getUTCFullYear(),
      nominee: { kind: 'INDIVIDUAL', fullName: `Người đề nghị ${i}`, position: 'Chuyên viên' },
      achievements: 'Hoàn thành tốt nhiệm vụ được giao.',
      declarations: { rating: 'HTT' },
      documents: dossiers[i],
      requestId: randomUUID(),
    };
    const t0 = performance.now();
    await api.post(clerk, '/api/nominations', body, 201);
    times.push(performance.now() - t0);
  });
  const seconds = (performance.now() - started) / 1000;
  const l = latencies(times);
  console.log(
    table(
      ['submissions', 'wall s', 'per s', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms'],
      [[String(opts.count), seconds.toFixed(1), (opts.count / seconds).toFixed(2), ms(l.p50), ms(l.p95), ms(l.p99), ms(l.max)]],
    ),
  );
}
