// `npm run bench`: the bare workflow of the product's shape against the product's full flow over
// HTTP, interleaved in one run on one stack; prints figures, asserts nothing.
import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { cpus, hostname, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { payloadDataConverterFrom } from '../../libs/codec/data-converter';
import { startBare } from './bare-flow';
import { measureBatch } from './batch';
import { fullFlow, signInAll } from './full-flow';
import { ApiClient } from './http';
import { historyEvents, sampleRss, type HistoryCount } from './measure';
import { LEVELS, runRound, type RoundResult } from './round';
import { measureScale } from './scale';
import { measureSubmissions } from './submissions';
import { startStack, type Stack } from './stack';
import { fixed, latencies, mb, median, ms, percentile, table } from './stats';

const USAGE = `npm run bench -- [--n 40] [--concurrency 8] [--rounds 3] [--warmup 8] [--history-samples 3] [--scale N] [--batch 100] [--submissions N]
  --n                nominations per round (each: submit, then ${LEVELS.join(' → ')} approved one after another)
  --concurrency      nominations in flight at once
  --rounds           rounds of each flow, interleaved bare, full, bare, full, …
  --warmup           nominations of each flow run first and not counted
  --history-samples  workflows per round whose history events are counted
  --temporal-memory  the dev server started here keeps its state in memory instead of a SQLite file
  --scale N          afterwards, open N nominations (rows and workflows created directly) without deciding; report
                     worker and API RSS, per open nomination, and the stuck and inbox reads
  --batch N          afterwards, N unit approvals sent one by one against N others in one POST /api/decisions/batch (0: skip)
  --submissions N    afterwards, N submissions over HTTP from three units' clerks, --concurrency in flight; report their rate and latency
  --cpu-prof DIR     the product's worker and API write V8 CPU profiles (.cpuprofile) into DIR when they stop
Uses DATABASE_URL and TEMPORAL_ADDRESS when set, else starts an embedded PGlite and a Temporal dev server (SQLite file in a temporary directory).`;

interface Options {
  n: number;
  concurrency: number;
  rounds: number;
  warmup: number;
  historySamples: number;
  scale: number;
  batch: number;
  submissions: number;
  temporalInMemory: boolean;
  cpuProfileDir?: string;
}

function parseOptions(): Options {
  const { values } = parseArgs({
    options: {
      n: { type: 'string', default: '40' },
      concurrency: { type: 'string', default: '8' },
      rounds: { type: 'string', default: '3' },
      warmup: { type: 'string', default: '8' },
      'history-samples': { type: 'string', default: '3' },
      scale: { type: 'string', default: '0' },
      batch: { type: 'string', default: '100' },
      submissions: { type: 'string', default: '0' },
      'temporal-memory': { type: 'boolean', default: false },
      'cpu-prof': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const count = (name: string, raw: string, min: number) => {
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min) {
      console.error(`--${name} must be an integer ≥ ${min}, got ${raw}\n\n${USAGE}`);
      process.exit(2);
    }
    return value;
  };
  return {
    n: count('n', values.n, 1),
    concurrency: count('concurrency', values.concurrency, 1),
    rounds: count('rounds', values.rounds, 0),
    warmup: count('warmup', values.warmup, 0),
    historySamples: count('history-samples', values['history-samples'], 0),
    scale: count('scale', values.scale, 0),
    batch: count('batch', values.batch, 0),
    submissions: count('submissions', values.submissions, 0),
    temporalInMemory: values['temporal-memory'],
    cpuProfileDir: values['cpu-prof'],
  };
}

interface Measured extends RoundResult {
  rssPeak?: number;
  history: HistoryCount[];
}

async function main(): Promise<void> {
  const opts = parseOptions();
  // The bare worker's state changes at info would interleave with the tables.
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const stack = await startStack(process.env, { temporalInMemory: opts.temporalInMemory, cpuProfileDir: opts.cpuProfileDir });
  const temporal = new Client({
    connection: await Connection.connect({ address: stack.temporalAddress }),
    namespace: stack.namespace,
    dataConverter: payloadDataConverterFrom(stack.payloadKeys),
  });
  try {
    const api = new ApiClient(stack.apiUrl);
    await signInAll(api);
    console.log(
      `\nBenchmark ${new Date().toISOString()} on ${hostname()} (${cpus().length} cores, ${cpus()[0]?.model ?? 'unknown CPU'}), Node ${process.version}`,
    );
    for (const line of stack.describe) console.log(`  ${line}`);
    // The machine may be shared: a busy neighbour shows here, and in both flows alike since they alternate.
    console.log(`  load average at start: ${loadAverage()}`);
    if (opts.rounds > 0) await compare(opts, stack, api, temporal);
    if (opts.batch > 0) await measureBatch(api, { size: opts.batch, concurrency: opts.concurrency });
    if (opts.submissions > 0) await measureSubmissions(api, { count: opts.submissions, concurrency: opts.concurrency });
    if (opts.scale > 0) await measureScale(stack, api, { open: opts.scale, concurrency: opts.concurrency, repeats: 3 });
    console.log(`\nload average at end: ${loadAverage()}`);
  } finally {
    await temporal.connection.close();
    await stack.stop();
  }
}

const loadAverage = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

/** Warm-up, then bare and full rounds in turn, so that a busy neighbour weighs on both alike. */
async function compare(opts: Options, stack: Stack, api: ApiClient, temporal: Client): Promise<void> {
  const bare = await startBare(stack.temporalAddress, stack.namespace, stack.databaseUrl);
  try {
    const full = fullFlow(api);
    const run = (name: 'bare' | 'full', n: number, offset: number) =>
      name === 'bare' ? runRound(bare.flow, n, opts.concurrency, offset) : runRound(full, n, opts.concurrency, offset);
    console.log(`  bare worker in the bench process; ${opts.n} nominations × ${LEVELS.length} levels per round, concurrency ${opts.concurrency}`);

    let offset = 0;
    if (opts.warmup > 0) {
      console.log(`[bench] warm-up: ${opts.warmup} nominations of each flow (not counted)`);
      for (const name of ['bare', 'full'] as const) {
        await run(name, opts.warmup, offset);
        offset += opts.warmup;
      }
    }

    const measured: Measured[] = [];
    for (let round = 0; round < opts.rounds * 2; round += 1) {
      const name = round % 2 === 0 ? 'bare' : 'full';
      console.log(`[bench] round ${round + 1}/${opts.rounds * 2}: ${name}`);
      const rss = sampleRss(name === 'full' ? stack.workerPid() : process.pid);
      const result = await run(name, opts.n, offset);
      const { peak } = await rss.stop();
      offset += opts.n;
      const history = await historyEvents(temporal, result.workflowIds.slice(0, opts.historySamples));
      measured.push({ ...result, rssPeak: peak, history });
    }
    report(measured);
    if (api.unavailable > 0)
      console.log(
        `\nThe API answered 503 ${api.unavailable} times (each retried with the same requestId after Retry-After); the rounds' figures include the waits.`,
      );
  } finally {
    await bare.stop();
  }
}

function report(measured: Measured[]): void {
  const perSecond = (r: RoundResult) => r.n / (r.wallMs / 1000);
  const meanEvents = (h: HistoryCount[]) => (h.length === 0 ? Number.NaN : h.reduce((sum, c) => sum + c.events, 0) / h.length);
  console.log('\nRounds (latencies in ms; RSS peak in MB: full = product worker process, bare = bench process)');
  console.log(
    table(
      ['round', 'wall s', 'nom/s', 'submit p50', 'decide p50', 'p95', 'p99', 'max', 'RSS peak', 'history events'],
      measured.map((r, i) => {
        const d = latencies(r.decisionMs);
        return [
          `${i + 1} ${r.flow}`,
          fixed(r.wallMs / 1000, 1),
          fixed(perSecond(r)),
          ms(median(r.submitMs)),
          ms(d.p50),
          ms(d.p95),
          ms(d.p99),
          ms(d.max),
          mb(r.rssPeak),
          r.history.length === 0 ? '-' : `${fixed(meanEvents(r.history), 0)} (${[...new Set(r.history.map((h) => h.status))].join('/')})`,
        ];
      }),
    ),
  );

  const of = (flow: 'bare' | 'full') => {
    const rounds = measured.filter((r) => r.flow === flow);
    const rates = rounds.map(perSecond);
    return {
      rounds,
      rate: median(rates),
      rateMin: Math.min(...rates),
      rateMax: Math.max(...rates),
      decisions: latencies(rounds.flatMap((r) => r.decisionMs)),
      events: meanEvents(rounds.flatMap((r) => r.history)),
      rssPeak: Math.max(...rounds.map((r) => r.rssPeak ?? 0)),
    };
  };
  const bare = of('bare');
  const full = of('full');
  if (bare.rounds.length === 0 || full.rounds.length === 0) return;

  console.log(`\nSummary over ${bare.rounds.length} rounds of each (nominations/s: median of rounds, min–max; latencies: all decisions pooled)`);
  console.log(
    table(
      ['flow', 'nom/s', 'min–max', 'decide p50', 'p95', 'p99', 'events/nomination', 'RSS peak MB'],
      [bare, full].map((f, i) => [
        i === 0 ? 'bare' : 'full',
        fixed(f.rate),
        `${fixed(f.rateMin)}–${fixed(f.rateMax)}`,
        ms(f.decisions.p50),
        ms(f.decisions.p95),
        ms(f.decisions.p99),
        fixed(f.events, 0),
        mb(f.rssPeak),
      ]),
    ),
  );

  // Each full round is set against the bare round just before it: on a shared machine the load
  // changes between pairs more than within one, so the median of paired ratios is the headline.
  const paired = (figure: (r: RoundResult) => number) => bare.rounds.flatMap((b, i) => (full.rounds[i] ? [figure(full.rounds[i]) / figure(b)] : []));
  const rows = [
    { figure: 'throughput', ratios: paired(perSecond), pooled: full.rate / bare.rate, target: (r: number) => `≥ 0.80 (aim ≥ 1.0): ${verdict(r >= 0.8)}` },
    ...([50, 95, 99] as const).map((p) => ({
      figure: `decision p${p}`,
      ratios: paired((r) => percentile(r.decisionMs, p)),
      pooled:
        percentile(
          full.rounds.flatMap((r) => r.decisionMs),
          p,
        ) /
        percentile(
          bare.rounds.flatMap((r) => r.decisionMs),
          p,
        ),
      target: p === 50 ? (r: number) => `≤ 1.25: ${verdict(r <= 1.25)}` : p === 99 ? (r: number) => `≤ 1.50: ${verdict(r <= 1.5)}` : () => '',
    })),
  ];
  console.log('\nFull/bare (per pair: full round against the bare round before it)');
  console.log(
    table(
      ['figure', 'per pair', 'median of pairs', 'of the summary', 'target (median of pairs)'],
      [
        ...rows.map((row) => [
          row.figure,
          row.ratios.map((r) => fixed(r)).join(' '),
          fixed(median(row.ratios)),
          fixed(row.pooled),
          row.target(median(row.ratios)),
        ]),
        ['history events', '', fixed(full.events, 0), '', `≤ 60 per four-level nomination: ${verdict(full.events <= 60)}`],
      ],
    ),
  );
}

const verdict = (ok: boolean) => (ok ? 'meets' : 'misses');

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`[bench] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  },
);
