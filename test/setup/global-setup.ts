import { bundleWorkflowCode } from '@temporalio/worker';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { WORKFLOW_INTERCEPTOR_MODULES } from '../../apps/worker/workflow-interceptor-modules';
import { PRELOADED_WORKFLOW_MODULES } from '../../apps/worker/preloaded-workflow-modules';
import { CONVERTER_PATHS } from '../../libs/codec/data-converter';
import { startEmbeddedPostgres } from '../../libs/devtools/embedded-postgres';
import { createDatabase, databaseUrl, dropDatabase, migrateDatabase } from '../../libs/devtools/migrate';
import { startTemporalDevServer } from '../../libs/devtools/temporal-dev-server';
import { SEARCH_ATTRIBUTE_TYPES } from '../../libs/domain/search-attributes';
import { seedDemo } from '../../prisma/seed';
import { PROJECT_ROOT, RUNS_DIR, RUN_ENV_VARIABLE, type RunEnv } from './paths';

const log = (line: string) => process.stderr.write(`[test setup] ${line}\n`);

/**
 * Starts what the integration tests run against: a Temporal dev server, and a fresh database,
 * on the real server named by TEST_DATABASE_URL (CI) or else on an embedded PGlite.
 * The workflow bundle is built once here instead of once per test file.
 */
export default async function globalSetup(): Promise<void> {
  const runDir = join(RUNS_DIR, `${Date.now()}-${process.pid}`);
  mkdirSync(runDir, { recursive: true });
  const stops: (() => Promise<void>)[] = [async () => rmSync(runDir, { recursive: true, force: true })];
  (globalThis as { __stops?: typeof stops }).__stops = stops;

  const [temporal, database] = await Promise.all([
    startTemporalDevServer({
      projectRoot: PROJECT_ROOT,
      headless: true,
      searchAttributes: SEARCH_ATTRIBUTE_TYPES,
      // An idle worker renews its poll this often (1 min by default), so health can tell a stopped worker in seconds.
      dynamicConfig: { 'matching.longPollExpirationInterval': '5s' },
    }),
    startDatabase(stops, runDir),
  ]);
  stops.push(() => temporal.stop());
  log(`temporal at ${temporal.address}, database ${database.replace(/\/\/[^@]*@/, '//')}`);

  await migrateDatabase(PROJECT_ROOT, database);
  await seedDemo(database);

  const { code } = await bundleWorkflowCode({
    workflowsPath: require.resolve('../../workflows'),
    workflowInterceptorModules: WORKFLOW_INTERCEPTOR_MODULES,
    preloadModules: PRELOADED_WORKFLOW_MODULES,
    ...CONVERTER_PATHS,
    logger: quietLogger,
  });
  const bundlePath = join(runDir, 'workflow-bundle.js');
  writeFileSync(bundlePath, code);

  const env: RunEnv = { DATABASE_URL: database, TEMPORAL_ADDRESS: temporal.address, WORKFLOW_BUNDLE_PATH: bundlePath };
  const envFile = join(runDir, 'env.json');
  writeFileSync(envFile, JSON.stringify(env, null, 2));
  process.env[RUN_ENV_VARIABLE] = envFile;
}

async function startDatabase(stops: (() => Promise<void>)[], runDir: string): Promise<string> {
  const server = process.env.TEST_DATABASE_URL;
  if (server) {
    const name = `tdkt_test_${Date.now()}_${process.pid}`;
    await createDatabase(server, name);
    stops.push(() => dropDatabase(server, name));
    return databaseUrl(server, name);
  }
  const embedded = await startEmbeddedPostgres({ dataDir: join(runDir, 'pglite') });
  stops.push(() => embedded.stop());
  return embedded.url;
}

const quietLogger = {
  log: () => undefined,
  trace: () => undefined,
  debug: () => undefined,
  info: () => undefined,
  warn: (message: string) => log(message),
  error: (message: string) => log(message),
};
