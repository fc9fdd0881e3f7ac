// Measures the year-end scale: opens N nominations (bench/open-nominations.ts: rows inserted straight into
// the database, their workflows started with bounded concurrency, as the API would), then prints the worker's resident
// memory and the latency of GET /api/admin/stuck and GET /api/inbox.
//
//   npm run build && node dist/scripts/scale-check.js [N]
//
// Run alone, it starts its own stack: a Temporal dev server, a fresh database on DATABASE_URL's server
// (TEST_DATABASE_URL, else this machine's PostgreSQL), the built worker and API. The benchmark calls
// `measureScale` against a stack it already runs.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { newPayloadKeyEntry } from '../libs/codec/payload-keys';
import { PrismaClient } from '../libs/db/generated/client';
import { PrismaPg } from '@prisma/adapter-pg';
import { findFreePort } from '../libs/devtools/free-port';
import { createDatabase, databaseUrl as urlOf, dropDatabase, migrateDatabase } from '../libs/devtools/migrate';
import { spawnService } from '../libs/devtools/service-process';
import { startTemporalDevServer } from '../libs/devtools/temporal-dev-server';
import { SEARCH_ATTRIBUTE_TYPES } from '../libs/domain/search-attributes';
import { seedDemo } from '../prisma/seed';
import { openNominations } from './bench/open-nominations';

export interface ScaleOptions {
  apiUrl: string;
  /** An admin's bearer token (for the stuck view); `reviewerToken` is a reviewer's, for the inbox. */
  token: string;
  reviewerToken: string;
  databaseUrl: string;
  temporalAddress: string;
  namespace?: string;
  taskQueue: string;
  /** The worker's PAYLOAD_KEYS: the workflows started here carry personal data, encrypted as the API would. */
  payloadKeys?: string;
  /** The worker process, for its resident memory (Linux /proc). */
  workerPid?: number;
  /** How many open nominations to add. */
  count: number;
  /** Workflow starts in flight at once. */
  concurrency?: number;
  /** How long to let the worker settle (its burst of first tasks over) before its memory is read. */
  settleMs?: number;
  log?: (line: string) => void;
}

export interface ScaleFigures {
  open: number;
  workerRssMbBefore: number | null;
  workerRssMbAfter: number | null;
  stuckMs: number;
  stuckTotal: number;
  inboxMs: number;
  inboxTotal: number;
}

function rssMb(pid?: number): number | null {
  if (!pid) return null;
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmRSS:'));
  return line ? Math.round(Number(line.replace(/\D/g, '')) / 1024) : null;
}

async function timed(url: string, token: string): Promise<{ ms: number; total: number }> {
  let best = Infinity;
  let total = 0;
  // The best of three: the first call also warms the API's connections.
  for (let i = 0; i < 3; i++) {
    const started = performance.now();
    const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
    const body = (await res.json()) as { total?: number };
    if (!res.ok) throw new Error(`${url}: ${res.status} ${JSON.stringify(body)}`);
    best = Math.min(best, performance.now() - started);
    total = body.total ?? 0;
  }
  return { ms: Math.round(best), total };
}

/** Opens `count` nominations at the UNIT level and measures; prints and returns the figures. */
export async function measureScale(options: ScaleOptions): Promise<ScaleFigures> {
  const log = options.log ?? ((line: string) => console.log(`[scale] ${line}`));
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: options.databaseUrl }) });
  try {
    const before = rssMb(options.workerPid);
    await openNominations(options, { count: options.count, concurrency: options.concurrency ?? 16, log });
    log(`worker RSS ${rssMb(options.workerPid) ?? '?'} MB`);
    await new Promise((r) => setTimeout(r, options.settleMs ?? 30_000));

    const open = await prisma.nomination.count({ where: { status: { in: ['IN_REVIEW', 'RETURNED'] } } });
    const stuck = await timed(`${options.apiUrl}/api/admin/stuck`, options.token);
    const inbox = await timed(`${options.apiUrl}/api/inbox`, options.reviewerToken);
    const figures: ScaleFigures = {
      open,
      workerRssMbBefore: before,
      workerRssMbAfter: rssMb(options.workerPid),
      stuckMs: stuck.ms,
      stuckTotal: stuck.total,
      inboxMs: inbox.ms,
      inboxTotal: inbox.total,
    };
    log(
      `open ${figures.open}: worker RSS ${figures.workerRssMbBefore ?? '?'} → ${figures.workerRssMbAfter ?? '?'} MB; ` +
        `GET /api/admin/stuck ${figures.stuckMs} ms (total ${figures.stuckTotal}); GET /api/inbox ${figures.inboxMs} ms (total ${figures.inboxTotal})`,
    );
    return figures;
  } finally {
    await prisma.$disconnect();
  }
}

async function devToken(apiUrl: string, username: string): Promise<string> {
  const res = await fetch(`${apiUrl}/api/auth/dev-token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username }),
  });
  return ((await res.json()) as { token: string }).token;
}

async function waitFor(url: string): Promise<void> {
  for (let i = 0; i < 120; i++) {
    if (
      await fetch(url).then(
        (r) => r.status < 500,
        () => false,
      )
    )
      return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} did not answer`);
}

/** Alone: its own stack, then the figures at each step up to N (1,000 by default). */
async function main(): Promise<void> {
  const root = resolve(__dirname, '..', '..');
  const steps = (process.argv[2] ?? '1000').split(',').map(Number);
  const stops: (() => Promise<unknown>)[] = [];
  try {
    const temporal = await startTemporalDevServer({ projectRoot: root, headless: true, searchAttributes: SEARCH_ATTRIBUTE_TYPES });
    stops.push(() => temporal.stop());
    const server = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
    const name = `tdkt_scale_${Date.now()}`;
    await createDatabase(server, name);
    stops.unshift(() => dropDatabase(server, name));
    const database = urlOf(server, name);
    await migrateDatabase(root, database);
    await seedDemo(database);

    const port = await findFreePort();
    const env = {
      ...process.env,
      DATABASE_URL: database,
      TEMPORAL_ADDRESS: temporal.address,
      TEMPORAL_TASK_QUEUE: 'nominations-scale',
      AUTH_MODE: 'dev',
      PORT: String(port),
      WORKER_METRICS_PORT: String(await findFreePort()),
      SCHEDULES_ENABLED: 'false',
      // A handful of users open thousands of nominations.
      RATE_LIMIT_PER_MINUTE: '1000000',
      LOG_LEVEL: 'warn',
      PAYLOAD_KEYS: process.env.PAYLOAD_KEYS || newPayloadKeyEntry('scale-check', randomBytes),
    };
    const quiet = () => undefined;
    const worker = spawnService(process.execPath, [join(root, 'dist', 'apps', 'worker', 'main.js')], { cwd: root, env, log: quiet });
    stops.unshift(() => worker.stop());
    const api = spawnService(process.execPath, [join(root, 'dist', 'apps', 'api', 'main.js')], { cwd: root, env, log: quiet });
    stops.unshift(() => api.stop());
    const apiUrl = `http://127.0.0.1:${port}`;
    await waitFor(`${apiUrl}/api/health`);
    const [token, reviewerToken] = [await devToken(apiUrl, 'admin'), await devToken(apiUrl, 'u1.head')];
    let opened = 0;
    for (const target of steps) {
      await measureScale({
        apiUrl,
        token,
        reviewerToken,
        databaseUrl: database,
        temporalAddress: temporal.address,
        taskQueue: env.TEMPORAL_TASK_QUEUE,
        payloadKeys: env.PAYLOAD_KEYS,
        workerPid: worker.child.pid,
        count: target - opened,
      });
      opened = target;
    }
  } finally {
    for (const stop of stops) await stop().catch(() => undefined);
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
