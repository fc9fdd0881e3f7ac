import { bundleWorkflowCode } from '@temporalio/worker';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startEmbeddedPostgres } from '../../libs/devtools/embedded-postgres';
import { createDatabase, databaseUrl, dropDatabase, migrateDatabase } from '../../libs/devtools/migrate';
import { startTemporalDevServer } from '../../libs/devtools/temporal-dev-server';
import { seedDemo } from '../../prisma/seed';
import { PROJECT_ROOT, RUN_DIR, RUN_ENV_FILE, type RunEnv } from './paths';

const log = (line: string) => process.stderr.write(`[test setup] ${line}\n`);

/**
 * Starts what the integration tests run against: a Temporal dev server, and a fresh database,
 * on the real server named by TEST_DATABASE_URL (CI) or else on an embedded PGlite.
 * The workflow bundle is built once here instead of once per test file.
 */
export default async function globalSetup(): Promise<void> {
  rmSync(RUN_DIR, { recursive: true, force: true });
  mkdirSync(RUN_DIR, { recursive: true });
  const stops: (() => Promise<void>)[] = [];
  (globalThis as { __stops?: typeof stops }).__stops = stops;

  const [temporal, database] = await Promise.all([
    startTemporalDevServer({ projectRoot: PROJECT_ROOT, headless: true }),
    startDatabase(stops),
  ]);
  stops.push(() => temporal.stop());
  log(`temporal at ${temporal.address}, database ${database.replace(/\/\/[^@]*@/, '//')}`);

  await migrateDatabase(PROJECT_ROOT, database);
  await seedDemo(database);

  const { code } = await bundleWorkflowCode({ workflowsPath: require.resolve('../../workflows'), logger: quietLogger });
  const bundlePath = join(RUN_DIR, 'workflow-bundle.js');
  writeFileSync(bundlePath, code);

  const env: RunEnv = { DATABASE_URL: database, TEMPORAL_ADDRESS: temporal.address, WORKFLOW_BUNDLE_PATH: bundlePath };
  writeFileSync(RUN_ENV_FILE, JSON.stringify(env, null, 2));
}

async function startDatabase(stops: (() => Promise<void>)[]): Promise<string> {
  const server = process.env.TEST_DATABASE_URL;
  if (server) {
    const name = `tdkt_test_${Date.now()}_${process.pid}`;
    await createDatabase(server, name);
    stops.push(() => dropDatabase(server, name));
    return databaseUrl(server, name);
  }
  const embedded = await startEmbeddedPostgres({ dataDir: join(RUN_DIR, 'pglite') });
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
