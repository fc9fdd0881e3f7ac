import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { Client } from 'pg';

// Prisma 6.19's Wasm schema engine leaves a 10 s timer running, so the CLI idles that long after
// its work is done; its closing message is the reliable end of the work.
const FINISHED = /All migrations have been successfully applied|No pending migrations to apply/;

/** Applies prisma/migrations with the project's Prisma CLI; throws with the CLI's output on failure. */
export function migrateDatabase(projectRoot: string, databaseUrl: string): Promise<void> {
  const cli = join(projectRoot, 'node_modules', 'prisma', 'build', 'index.js');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, 'migrate', 'deploy'], {
      cwd: projectRoot,
      env: { ...process.env, DATABASE_URL: databaseUrl },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      if (FINISHED.test(output)) {
        child.kill();
        resolve();
      }
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`prisma migrate deploy exited with ${code}:\n${output}`))));
  });
}

/** For tests that need their own database on a shared server (serverUrl points at any existing database). */
export async function createDatabase(serverUrl: string, name: string): Promise<void> {
  await withClient(serverUrl, (client) => client.query(`CREATE DATABASE ${quoteIdentifier(name)}`));
}

export async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  // FORCE ends connections a test left open (e.g. a pool not yet closed), which would block the drop.
  await withClient(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(name)} WITH (FORCE)`));
}

/** serverUrl with its database replaced by `name`. */
export function databaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${encodeURIComponent(name)}`;
  return url.toString();
}

async function withClient(url: string, work: (client: Client) => Promise<unknown>): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await work(client);
  } finally {
    await client.end();
  }
}

function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
