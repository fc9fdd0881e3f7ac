import { Connection } from '@temporalio/client';
import { randomBytes, randomUUID } from 'node:crypto';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { newPayloadKeyEntry } from '../../libs/codec/payload-keys';
import { startEmbeddedPostgres } from '../../libs/devtools/embedded-postgres';
import { findFreePort } from '../../libs/devtools/free-port';
import { migrateDatabase } from '../../libs/devtools/migrate';
import { spawnService, type ServiceProcess } from '../../libs/devtools/service-process';
import { startTemporalDevServer } from '../../libs/devtools/temporal-dev-server';
import { SEARCH_ATTRIBUTE_TYPES } from '../../libs/domain/search-attributes';
import { WORKER_NODE_ARGS } from '../../apps/worker/node-options';

// Compiled to dist/scripts/bench/, three levels below the project root.
const root = resolve(__dirname, '..', '..', '..');
const READY_TIMEOUT_MS = 120_000;

export interface Stack {
  temporalAddress: string;
  namespace: string;
  databaseUrl: string;
  apiUrl: string;
  taskQueue: string;
  /** The worker's and the API's PAYLOAD_KEYS, for a client of the bench's own to read their payloads. */
  payloadKeys: string;
  /** What was started here and what was given (for the report's header). */
  describe: string[];
  workerPid(): number;
  apiPid(): number;
  stop(): Promise<void>;
}

const say = (line: string) => console.log(`[bench] ${line}`);

/**
 * The product as `npm start` runs it: worker and API as child processes of their own (so their
 * resident memory is theirs alone), on a task queue of their own, on the given Temporal and
 * PostgreSQL or on an in-memory dev server and an embedded PGlite started here.
 */
export async function startStack(env: NodeJS.ProcessEnv, opts: { temporalInMemory: boolean; cpuProfileDir?: string }): Promise<Stack> {
  const stops: (() => Promise<void>)[] = [];
  const stop = async () => {
    for (const step of stops.reverse()) await step().catch((error: unknown) => say(`stop: ${String(error)}`));
  };
  try {
    const describe: string[] = [];
    const namespace = env.TEMPORAL_NAMESPACE || 'default';
    let temporalAddress = env.TEMPORAL_ADDRESS;
    if (temporalAddress) describe.push(`Temporal at ${temporalAddress} (TEMPORAL_ADDRESS)`);
    else {
      // On a SQLite file by default, as `npm start` runs it: in memory, Temporal's own writes cost far less.
      const temporalDir = opts.temporalInMemory ? undefined : await mkdtemp(join(tmpdir(), 'bench-temporal-'));
      say(`starting a Temporal dev server (headless, ${temporalDir ? `SQLite file in ${temporalDir}` : 'in memory'})`);
      const temporal = await startTemporalDevServer({
        projectRoot: root,
        headless: true,
        ...(temporalDir ? { dbFilename: join(temporalDir, 'temporal.db') } : {}),
        namespace,
        searchAttributes: SEARCH_ATTRIBUTE_TYPES,
        log: (line) => console.log(`[temporal] ${line}`),
      });
      stops.push(async () => {
        await temporal.stop();
        if (temporalDir) await rm(temporalDir, { recursive: true, force: true });
      });
      temporalAddress = temporal.address;
      describe.push(`Temporal dev server started here, ${temporalDir ? 'on a SQLite file' : 'in memory'} (${temporalAddress})`);
    }

    let databaseUrl = env.DATABASE_URL;
    if (databaseUrl) describe.push(`PostgreSQL at ${redact(databaseUrl)} (DATABASE_URL)`);
    else {
      const dataDir = await mkdtemp(join(tmpdir(), 'bench-pg-'));
      say(`starting embedded PostgreSQL (PGlite, data in ${dataDir})`);
      const postgres = await startEmbeddedPostgres({ dataDir, log: () => undefined });
      stops.push(async () => {
        await postgres.stop();
        await rm(dataDir, { recursive: true, force: true });
      });
      databaseUrl = postgres.url;
      describe.push('embedded PostgreSQL (PGlite) started here');
    }

    say('applying migrations and seeding');
    await migrateDatabase(root, databaseUrl);
    const seed = spawnService(process.execPath, [join(root, 'dist', 'prisma', 'seed.js')], { cwd: root, env: { ...env, DATABASE_URL: databaseUrl } });
    const seeded = await seed.exited;
    if (seeded.code !== 0) throw new Error(`seed failed:\n${seed.outputTail()}`);

    const taskQueue = `bench-${randomUUID()}`;
    const apiPort = await findFreePort();
    const workerMetricsPort = await findFreePort();
    const appEnv: NodeJS.ProcessEnv = {
      ...env,
      DATABASE_URL: databaseUrl,
      TEMPORAL_ADDRESS: temporalAddress,
      TEMPORAL_NAMESPACE: namespace,
      TEMPORAL_TASK_QUEUE: taskQueue,
      AUTH_MODE: 'dev',
      PORT: String(apiPort),
      // Yearly campaign schedules would start workflows of their own in the middle of a measurement.
      SCHEDULES_ENABLED: 'false',
      // One clerk and four reviewers drive every nomination: far more requests a minute than any person makes.
      RATE_LIMIT_PER_MINUTE: '1000000',
      LOG_LEVEL: env.LOG_LEVEL || 'info',
      // Encrypted as in production, so the figures include the codec's cost.
      PAYLOAD_KEYS: env.PAYLOAD_KEYS || newPayloadKeyEntry('bench', randomBytes),
    };
    say(`starting the product's worker and API (task queue ${taskQueue}, LOG_LEVEL=${appEnv.LOG_LEVEL})`);
    const logDir = await mkdtemp(join(tmpdir(), 'bench-logs-'));
    describe.push(`worker and API logs in ${logDir}`);
    const profile = opts.cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${resolve(opts.cpuProfileDir)}`] : [];
    const worker = startApp(
      'worker',
      join(root, 'dist', 'apps', 'worker', 'main.js'),
      { ...appEnv, WORKER_METRICS_PORT: String(workerMetricsPort) },
      [...WORKER_NODE_ARGS, ...profile],
      logDir,
    );
    stops.push(() => worker.stop());
    const api = startApp('api', join(root, 'dist', 'apps', 'api', 'main.js'), appEnv, profile, logDir);
    stops.push(() => api.stop());
    const apiUrl = `http://127.0.0.1:${apiPort}`;
    await Promise.all([waitForPoller(temporalAddress, namespace, taskQueue, worker), waitForHealth(apiUrl, api)]);
    describe.push(`product worker (pid ${worker.child.pid}) and API (pid ${api.child.pid}) as child processes`);

    return {
      temporalAddress,
      namespace,
      databaseUrl,
      apiUrl,
      taskQueue,
      payloadKeys: appEnv.PAYLOAD_KEYS!,
      describe,
      workerPid: () => worker.child.pid!,
      apiPid: () => api.child.pid!,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/**
 * The app logs to a file of its own, not through a pipe to this process: busy running the bare flow, the
 * bench would read a pipe late, and an app logging synchronously into a full pipe waits (a cost of the
 * bench, not of the product). Its error and fatal lines, and anything that is not a log line, reach the
 * console when it stops, and in the error when it fails to start.
 */
function startApp(name: string, script: string, appEnv: NodeJS.ProcessEnv, nodeArgs: string[], logDir: string): ServiceProcess {
  const logFile = join(logDir, `${name}.log`);
  const fd = openSync(logFile, 'a');
  const service = spawnService(process.execPath, [...nodeArgs, script], { cwd: root, env: appEnv, output: fd });
  // The child holds its own copy of the descriptor.
  closeSync(fd);
  const trouble = () =>
    readFileSync(logFile, 'utf8')
      .split('\n')
      .filter((line) => {
        const level = /^\{"level":"(\w+)"/.exec(line)?.[1];
        // No level: a crash trace or the runtime's own output, always worth seeing.
        return line !== '' && (level === undefined || level === 'error' || level === 'fatal');
      })
      .map((line) => `[${name}] ${line}`);
  return {
    ...service,
    outputTail: () => trouble().slice(-40).join('\n'),
    async stop(graceMs?: number) {
      await service.stop(graceMs);
      for (const line of trouble()) console.log(line);
    },
  };
}

async function waitForPoller(address: string, namespace: string, taskQueue: string, worker: ServiceProcess): Promise<void> {
  const connection = await Connection.connect({ address });
  try {
    await until(worker, 'the worker polling its task queue', async () => {
      const { pollers } = await connection.workflowService.describeTaskQueue({ namespace, taskQueue: { name: taskQueue }, taskQueueType: 1 });
      return (pollers?.length ?? 0) > 0;
    });
  } finally {
    await connection.close();
  }
}

function waitForHealth(apiUrl: string, api: ServiceProcess): Promise<void> {
  return until(api, 'the API answering /api/health', async () => (await fetch(`${apiUrl}/api/health`)).status === 200);
}

async function until(service: ServiceProcess, what: string, probe: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    if (service.hasExited()) throw new Error(`exited while waiting for ${what}:\n${service.outputTail()}`);
    if (await probe().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}:\n${service.outputTail()}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Resident set size of a process, in bytes (Linux: /proc/<pid>/status). */
export async function rssOf(pid: number): Promise<number | undefined> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  const kb = /^VmRSS:\s+(\d+) kB/m.exec(status)?.[1];
  return kb === undefined ? undefined : Number(kb) * 1024;
}

function redact(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}
