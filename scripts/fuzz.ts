// `npm run fuzz`: property-based fuzzing of the whole HTTP API with schemathesis (from PyPI, into
// .tools/venv), against the OpenAPI document the API serves. Starts a stack of its own on free ports:
// a Temporal dev server, and DATABASE_URL as given (migrated and seeded; the fuzz leaves its data
// there), else a fresh database on TEST_DATABASE_URL's server (dropped afterwards), else an embedded
// PGlite. Signs in as a clerk, a reviewer and an admin in turn, and fails on any 5xx.
//
//   npm run fuzz                      short run (FUZZ_MAX_TIME seconds in all, default 75)
//   npm run fuzz -- --long            long run (FUZZ_LONG_MAX_TIME seconds per role, default 600)
//   npm run fuzz -- --max-time=300    this many seconds in all
import { createWriteStream } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { startEmbeddedPostgres } from '../libs/devtools/embedded-postgres';
import { findFreePort } from '../libs/devtools/free-port';
import { createDatabase, databaseUrl, dropDatabase, migrateDatabase } from '../libs/devtools/migrate';
import { installPythonTool } from '../libs/devtools/python-tools';
import { uploadRequiredDocuments } from '../libs/devtools/sample-documents';
import { spawnService, type ServiceProcess } from '../libs/devtools/service-process';
import { startTemporalDevServer } from '../libs/devtools/temporal-dev-server';
import { SEARCH_ATTRIBUTE_TYPES } from '../libs/domain/search-attributes';

interface TestCounts {
  passed: number;
  failed: number;
  skipped: number;
}

const SCHEMATHESIS = { pkg: 'schemathesis', version: '4.32.5', binary: 'schemathesis' };
/** One of each kind of caller: what a route refuses one role it may accept from another. */
const ROLES = ['u1.clerk', 'u1.head', 'admin'];

// Compiled to dist/scripts/, two levels below the project root.
const root = resolve(__dirname, '..', '..');
const runDir = join(root, '.data', 'fuzz-runs', `${Date.now()}-${process.pid}`);
const stops: (() => Promise<void>)[] = [];
const say = (line: string) => console.log(`[fuzz] ${line}`);

interface RoleResult {
  role: string;
  exitCode: number;
  operations: string[];
  requests: number;
  serverErrors: { operation: string; status: number; curl?: string }[];
  /** Schemathesis's own test cases, from its JUnit report: one per operation and phase. */
  cases: TestCounts;
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const long = args.includes('--long');
  const maxTimeArg = args.find((a) => a.startsWith('--max-time='))?.split('=')[1];
  const perRole = long
    ? Number(process.env.FUZZ_LONG_MAX_TIME ?? 600)
    : Math.max(10, Math.floor(Number(maxTimeArg ?? process.env.FUZZ_MAX_TIME ?? 75) / ROLES.length));
  if (!Number.isFinite(perRole) || perRole <= 0) throw new Error('the time budget must be a positive number of seconds');
  await mkdir(runDir, { recursive: true });

  const installing = installPythonTool(root, SCHEMATHESIS, say);
  const { apiUrl, api } = await startStack();
  const schemathesis = await installing;
  if ('error' in schemathesis) throw new Error(`could not install schemathesis:\n${schemathesis.error}`);

  const tokens = Object.fromEntries(await Promise.all(ROLES.map(async (role) => [role, await devToken(apiUrl, role)] as const)));
  const config = await writeConfig(await existingIds(apiUrl, tokens));
  const results: RoleResult[] = [];
  for (const role of ROLES) {
    say(`${role}: ${perRole} s of schemathesis against ${apiUrl}/api/docs-json`);
    results.push(await runSchemathesis(schemathesis.path, config, apiUrl, role, tokens[role]!, perRole));
    if (api.hasExited()) throw new Error(`the API exited during the fuzz:\n${api.outputTail()}`);
  }

  console.log('');
  for (const r of results) {
    say(`${r.role}: ${r.operations.length} operations, ${r.requests} requests, ${r.serverErrors.length} server errors (schemathesis exit ${r.exitCode})`);
  }
  const serverErrors = results.flatMap((r) => r.serverErrors.map((e) => ({ ...e, role: r.role })));
  const operations = new Set(results.flatMap((r) => r.operations));
  say(`in all: ${operations.size} operations, ${results.reduce((n, r) => n + r.requests, 0)} requests, ${serverErrors.length} server errors`);
  for (const e of serverErrors) say(`5xx ${e.status} as ${e.role}: ${e.operation}${e.curl ? `\n    ${e.curl.slice(0, 1000)}` : ''}`);
  const failed = serverErrors.length > 0 || results.some((r) => r.exitCode !== 0);
  if (failed) say(`failed; schemathesis's reports and the services' logs are in ${runDir}`);
  else say('no server errors');
  await writeCounts(results, failed);
  return failed ? 1 : 0;
}

async function startStack(): Promise<{ apiUrl: string; api: ServiceProcess }> {
  const log = (name: string) => {
    const file = createWriteStream(join(runDir, `${name}.log`));
    return (line: string) => file.write(`${line}\n`);
  };
  const [temporal, database] = await Promise.all([
    startTemporalDevServer({ projectRoot: root, headless: true, searchAttributes: SEARCH_ATTRIBUTE_TYPES, log: log('temporal') }),
    startDatabase(log('postgres')),
  ]);
  stops.push(() => temporal.stop());
  say(`temporal at ${temporal.address}, database ${database.replace(/\/\/[^@]*@/, '//')}`);
  await migrateDatabase(root, database);
  const seed = spawnService(process.execPath, [join(root, 'dist', 'prisma', 'seed.js')], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: database },
    log: log('seed'),
  });
  const seeded = await seed.exited;
  if (seeded.code !== 0) throw new Error(`seed failed:\n${seed.outputTail()}`);

  const [apiPort, metricsPort] = [await findFreePort(), await findFreePort()];
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: database,
    TEMPORAL_ADDRESS: temporal.address,
    AUTH_MODE: 'dev',
    LOG_LEVEL: 'warn',
    PORT: String(apiPort),
    WORKER_METRICS_PORT: String(metricsPort),
    // One user sends thousands of requests a minute here; a limit would answer 429 instead of exercising the routes.
    RATE_LIMIT_PER_MINUTE: '1000000',
  };
  const worker = spawnService(process.execPath, [join(root, 'dist', 'apps', 'worker', 'main.js')], { cwd: root, env, log: log('worker') });
  stops.push(() => worker.stop());
  const api = spawnService(process.execPath, [join(root, 'dist', 'apps', 'api', 'main.js')], { cwd: root, env, log: log('api') });
  stops.push(() => api.stop());
  const apiUrl = `http://127.0.0.1:${apiPort}`;
  await waitForHealth(apiUrl, api);
  return { apiUrl, api };
}

async function startDatabase(log: (line: string) => void): Promise<string> {
  if (process.env.DATABASE_URL) return process.env.DATABASE_URL;
  const server = process.env.TEST_DATABASE_URL;
  if (server) {
    const name = `tdkt_fuzz_${Date.now()}_${process.pid}`;
    await createDatabase(server, name);
    stops.push(() => dropDatabase(server, name));
    return databaseUrl(server, name);
  }
  const embedded = await startEmbeddedPostgres({ dataDir: join(runDir, 'pglite'), log });
  stops.push(() => embedded.stop());
  return embedded.url;
}

async function waitForHealth(apiUrl: string, api: ServiceProcess): Promise<void> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (api.hasExited()) throw new Error(`the API exited during start-up:\n${api.outputTail()}`);
    const ok = await fetch(`${apiUrl}/api/health`).then(
      (res) => res.ok,
      () => false,
    );
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`the API at ${apiUrl} was not healthy within 120 s:\n${api.outputTail()}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

async function devToken(apiUrl: string, username: string): Promise<string> {
  const res = await fetch(`${apiUrl}/api/auth/dev-token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username }),
  });
  if (!res.ok) throw new Error(`dev token for ${username}: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { token: string }).token;
}

/**
 * Ids of things that exist, for the path parameters: random UUIDs alone only ever reach the 404
 * branch. Made as users would: a nomination submitted, one decided, a campaign created.
 */
async function existingIds(apiUrl: string, tokens: Record<string, string>): Promise<string[]> {
  const call = async (role: string, method: string, path: string, body?: unknown) => {
    const res = await fetch(`${apiUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${tokens[role]}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${method} ${path} as ${role}: ${res.status} ${await res.text()}`);
    return (await res.json()) as Record<string, unknown> & { id: string };
  };
  const submit = async () =>
    call('u1.clerk', 'POST', '/api/nominations', {
      documents: await uploadRequiredDocuments(apiUrl, tokens['u1.clerk']!, 'BANG_KHEN_UBND_TP'),
      awardCode: 'BANG_KHEN_UBND_TP',
      year: 2026,
      nominee: { kind: 'INDIVIDUAL', fullName: 'Nguyễn Thị Lan', position: 'Chuyên viên' },
      achievements: 'Hoàn thành xuất sắc nhiệm vụ, có hai sáng kiến được công nhận cấp cơ sở.',
    });
  const waiting = await submit();
  const decided = await submit();
  await call('u1.head', 'POST', `/api/nominations/${decided.id}/decisions`, { level: 'UNIT', decision: 'RETURN', comment: 'Bổ sung hồ sơ' });
  const now = Date.now();
  const campaign = await call('admin', 'POST', '/api/campaigns', {
    code: `FUZZ-${now}`,
    name: 'Đợt thi đua thử',
    year: 2026,
    kind: 'THEMED',
    awardCodes: ['BANG_KHEN_UBND_TP'],
    opensAt: new Date(now).toISOString(),
    closesAt: new Date(now + 86_400_000).toISOString(),
  });
  const notifications = (await call('u1.head', 'GET', '/api/notifications')) as unknown as { items: { id: string }[] };
  const schedules = (await call('admin', 'GET', '/api/admin/schedules')) as unknown as { items?: { id: string }[] } | { id: string }[];
  const scheduleIds = (Array.isArray(schedules) ? schedules : (schedules.items ?? [])).map((s) => s.id);
  return [waiting.id, decided.id, campaign.id, ...notifications.items.slice(0, 2).map((n) => n.id), ...scheduleIds];
}

async function writeConfig(ids: string[]): Promise<string> {
  const path = join(runDir, 'schemathesis.toml');
  const values = ids.map((id) => JSON.stringify(id)).join(', ');
  await writeFile(path, `[dictionaries.ids]\nvalues = [${values}]\n\n[parameters]\n"path.id" = { dictionary = "ids", probability = 0.5 }\n`);
  return path;
}

async function runSchemathesis(binary: string, config: string, apiUrl: string, role: string, token: string, seconds: number): Promise<RoleResult> {
  const report = join(runDir, `${role}.ndjson`);
  const junit = join(runDir, `${role}.junit.xml`);
  const cli = spawnService(
    binary,
    [
      '--config-file',
      config,
      '--no-color',
      'run',
      `${apiUrl}/api/docs-json`,
      '--checks',
      'not_a_server_error,response_schema_conformance',
      '--header',
      `Authorization: Bearer ${token}`,
      '--max-time',
      String(seconds),
      '--request-timeout',
      '30',
      // One worker: hypothesis on Python 3.11 trips over its own AST cache when threads share it.
      '--workers',
      '1',
      '--suppress-health-check',
      'all',
      '--report',
      'ndjson,junit',
      '--report-ndjson-path',
      report,
      '--report-junit-path',
      junit,
    ],
    // Its reproductions quote whole bodies, some of a megabyte.
    { cwd: runDir, log: (line) => console.log(`  ${line.length > 500 ? `${line.slice(0, 500)}…` : line}`) },
  );
  const { code } = await cli.exited;
  return { role, exitCode: code ?? 1, ...(await summarise(report)), cases: await junitCounts(junit) };
}

/** Sums the `<testsuite>` counts of a JUnit report; a missing report counts as one failure. */
async function junitCounts(path: string): Promise<TestCounts> {
  const xml = await readFile(path, 'utf8').catch(() => null);
  if (xml === null) return { passed: 0, failed: 1, skipped: 0 };
  const counts = { passed: 0, failed: 0, skipped: 0 };
  for (const [suite] of xml.matchAll(/<testsuite\b[^>]*>/g)) {
    const attribute = (name: string) => Number(new RegExp(`\\b${name}="(\\d+)"`).exec(suite)?.[1] ?? 0);
    const failed = attribute('failures') + attribute('errors');
    counts.failed += failed;
    counts.skipped += attribute('skipped');
    counts.passed += attribute('tests') - failed - attribute('skipped');
  }
  return counts;
}

/**
 * For `npm test`'s closing line (FUZZ_RESULTS_FILE): schemathesis's test cases of every role, and one
 * failure more when the run failed for a reason its cases do not show (a 5xx, a non-zero exit).
 */
async function writeCounts(results: RoleResult[], failed: boolean): Promise<void> {
  const file = process.env.FUZZ_RESULTS_FILE;
  if (!file) return;
  const sum = (key: keyof TestCounts) => results.reduce((n, r) => n + r.cases[key], 0);
  const counts = { passed: sum('passed'), failed: sum('failed'), skipped: sum('skipped') };
  if (failed && counts.failed === 0) counts.failed = 1;
  await writeFile(file, JSON.stringify(counts));
}

/** Counts what the run did from its NDJSON event stream. */
async function summarise(report: string): Promise<Pick<RoleResult, 'operations' | 'requests' | 'serverErrors'>> {
  const events = (await readFile(report, 'utf8').catch(() => ''))
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);
  const operations = new Set<string>();
  let requests = 0;
  const serverErrors: RoleResult['serverErrors'] = [];
  const walk = (node: unknown, operation?: string): void => {
    if (!node || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    const label = typeof record.label === 'string' ? record.label : operation;
    if (record.response && typeof record.response === 'object' && 'status_code' in record.response) {
      requests++;
      if (label) operations.add(label);
      const status = Number((record.response as { status_code: unknown }).status_code);
      if (status >= 500) serverErrors.push({ operation: label ?? '?', status, curl: typeof record.curl === 'string' ? record.curl : undefined });
    }
    for (const value of Object.values(record)) walk(value, label);
  };
  events.forEach((event) => walk(event));
  return { operations: [...operations], requests, serverErrors };
}

/** Stops what was started, newest first; the run's folder stays only when there is something to read in it. */
async function stopAll(failed: boolean): Promise<void> {
  for (const stop of stops.reverse()) await stop().catch((error: unknown) => say(`stopping: ${String(error)}`));
  await rm(failed ? join(runDir, 'pglite') : runDir, { recursive: true, force: true });
}

main().then(
  async (code) => {
    await stopAll(code !== 0);
    process.exit(code);
  },
  async (error: unknown) => {
    say(error instanceof Error ? error.message : String(error));
    await stopAll(true);
    process.exit(1);
  },
);
