// Runs the whole application on one machine: Temporal dev server and embedded PostgreSQL unless
// TEMPORAL_ADDRESS / DATABASE_URL point elsewhere, then migrations, seed, worker and API.
import { connect } from 'node:net';
import { join, resolve } from 'node:path';
import { devPayloadKeys } from '../libs/codec/dev-payload-keys';
import { socketAddress } from '../libs/config/bind-address';
import { startEmbeddedPostgres } from '../libs/devtools/embedded-postgres';
import { migrateDatabase } from '../libs/devtools/migrate';
import { spawnService } from '../libs/devtools/service-process';
import { startTemporalDevServer } from '../libs/devtools/temporal-dev-server';
import { SEARCH_ATTRIBUTE_TYPES } from '../libs/domain/search-attributes';
import { WORKER_NODE_ARGS } from '../apps/worker/node-options';

// Compiled to dist/scripts/, two levels below the project root.
const root = resolve(__dirname, '..', '..');
const env = process.env;
const running: { name: string; stop(): Promise<void> }[] = [];
let shuttingDown = false;

const say = (line: string) => console.log(`[start] ${line}`);
const prefixed = (name: string) => (line: string) => console.log(`[${name}] ${line}`);

async function main(): Promise<void> {
  const apiPort = portFromEnv('PORT', 3000);
  let temporalAddress = env.TEMPORAL_ADDRESS;
  let temporalUiUrl = env.TEMPORAL_UI_URL;
  const namespace = env.TEMPORAL_NAMESPACE || 'default';
  // The dev server's history lives in .data/ across restarts, so its payloads stay readable with the same key.
  const payloadKeys = env.PAYLOAD_KEYS || (await devPayloadKeys(join(root, '.data', 'payload-keys')));
  if (!temporalAddress) {
    const uiPort = portFromEnv('TEMPORAL_UI_PORT', 8233);
    say('starting the Temporal dev server (data in .data/temporal)');
    const temporal = await startTemporalDevServer({
      projectRoot: root,
      port: portFromEnv('TEMPORAL_PORT', 7233),
      uiPort,
      dbFilename: join(root, '.data', 'temporal', 'temporal.db'),
      namespace,
      searchAttributes: SEARCH_ATTRIBUTE_TYPES,
      // The UI shows the encrypted summaries and payloads decoded by the API (admins only; in dev mode, localhost).
      uiCodecEndpoint: `http://localhost:${apiPort}/api/temporal-codec/${encodeURIComponent(namespace)}`,
      log: prefixed('temporal'),
      detached: true,
    });
    running.push({ name: 'Temporal', stop: temporal.stop });
    temporalAddress = temporal.address;
    temporalUiUrl = `http://localhost:${uiPort}`;
  }

  let databaseUrl = env.DATABASE_URL;
  if (!databaseUrl) {
    say('starting embedded PostgreSQL (PGlite, data in .data/pg)');
    const pgLog = prefixed('postgres');
    const postgres = await startEmbeddedPostgres({
      dataDir: join(root, '.data', 'pg'),
      port: portFromEnv('EMBEDDED_PG_PORT', 5433),
      // pglite-server announces every connection; Prisma's pool would flood the console.
      log: (line) => {
        if (!line.startsWith('Client connected from')) pgLog(line);
      },
      detached: true,
    });
    running.push({ name: 'PostgreSQL', stop: postgres.stop });
    databaseUrl = postgres.url;
  }

  say('applying database migrations');
  await migrateDatabase(root, databaseUrl);
  say('seeding');
  const seed = spawnService(process.execPath, [join(root, 'dist', 'prisma', 'seed.js')], {
    cwd: root,
    env: { ...env, DATABASE_URL: databaseUrl },
    log: prefixed('seed'),
  });
  const seeded = await seed.exited;
  if (seeded.code !== 0) throw new Error(`seed failed (exit ${seeded.code ?? seeded.signal})`);

  const appEnv: NodeJS.ProcessEnv = {
    ...env,
    DATABASE_URL: databaseUrl,
    TEMPORAL_ADDRESS: temporalAddress,
    ...(temporalUiUrl ? { TEMPORAL_UI_URL: temporalUiUrl } : {}),
    AUTH_MODE: env.AUTH_MODE || 'dev',
    PAYLOAD_KEYS: payloadKeys,
    PORT: String(apiPort),
  };
  const workerMetricsPort = portFromEnv('WORKER_METRICS_PORT', 9464);
  startApp('worker', join(root, 'dist', 'apps', 'worker', 'main.js'), { ...appEnv, WORKER_METRICS_PORT: String(workerMetricsPort) }, WORKER_NODE_ARGS);
  startApp('api', join(root, 'dist', 'apps', 'api', 'main.js'), appEnv);
  // HOST (127.0.0.1 unless set; the API's configuration refuses a wider one with dev sign-in) as this machine reaches it.
  const apiHost = env.HOST && env.HOST !== '0.0.0.0' && env.HOST !== '::' ? env.HOST : '127.0.0.1';
  await waitForPort(apiHost, apiPort);

  const api = `http://${socketAddress(apiHost, apiPort)}`;
  console.log(
    [
      '',
      `  Web app:     ${api}/`,
      `  API:         ${api}`,
      `  API docs:    ${api}/api/docs`,
      `  Temporal UI: ${temporalUiUrl ?? '(not known)'}`,
      '  Ctrl-C stops everything.',
      '',
    ].join('\n'),
  );
}

function startApp(name: string, script: string, appEnv: NodeJS.ProcessEnv, nodeArgs: string[] = []): void {
  const app = spawnService(process.execPath, [...nodeArgs, script], { cwd: root, env: appEnv, log: prefixed(name), detached: true });
  running.push({ name, stop: () => app.stop() });
  void app.exited.then(({ code, signal }) => {
    if (shuttingDown) return;
    say(`${name} exited unexpectedly (${code ?? signal}); stopping everything`);
    void shutdown(1);
  });
}

/** Stops services in reverse start order: API and worker before the servers they depend on. */
async function shutdown(exitCode: number): Promise<void> {
  if (shuttingDown) return;
  shuttingDown = true;
  for (const service of running.reverse()) {
    say(`stopping ${service.name}`);
    await service.stop().catch((error: unknown) => say(`could not stop ${service.name}: ${String(error)}`));
  }
  process.exit(exitCode);
}

function portFromEnv(name: string, fallback: number): number {
  const value = env[name] ? Number(env[name]) : fallback;
  if (!Number.isInteger(value) || value < 1 || value > 65535) throw new Error(`${name}=${env[name]} is not a port number`);
  return value;
}

/** Resolves once something accepts TCP connections on the port (the API has finished booting). */
async function waitForPort(host: string, port: number): Promise<void> {
  while (!shuttingDown) {
    const open = await new Promise<boolean>((done) => {
      const socket = connect(port, host);
      let connected = false;
      socket.once('connect', () => {
        connected = true;
        socket.destroy();
      });
      // 'close' follows every outcome, errors included, and reports it.
      socket.once('error', () => undefined);
      socket.once('close', () => done(connected));
      socket.setTimeout(1000, () => socket.destroy());
    });
    if (open) return;
    await new Promise((wait) => setTimeout(wait, 300));
  }
}

// A terminal's Ctrl-C may arrive twice (from the terminal and forwarded by npm): shutdown() is idempotent.
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));

main().catch((error: unknown) => {
  say(error instanceof Error ? error.message : String(error));
  void shutdown(1);
});
