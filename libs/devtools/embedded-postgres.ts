import { mkdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { findFreePort } from './free-port';
import { spawnService } from './service-process';

export interface EmbeddedPostgresOptions {
  /** PGlite data directory; created on first start and reused afterwards. */
  dataDir: string;
  port?: number;
  log?: (line: string) => void;
  /** See ServiceProcessOptions.detached. */
  detached?: boolean;
}

export interface EmbeddedPostgres {
  url: string;
  stop(): Promise<void>;
}

const READY_TIMEOUT_MS = 60_000;
// pglite-server refuses connections beyond this; Prisma's pool alone defaults to cores * 2 + 1.
const MAX_CONNECTIONS = 32;

/** The server script is plain JavaScript beside this file's source; compiled code runs from dist/, two levels below. */
function serverScript(): string {
  const beside = join(__dirname, 'pglite-server.mjs');
  return existsSync(beside) ? beside : join(__dirname, '..', '..', '..', 'libs', 'devtools', 'pglite-server.mjs');
}

/** PostgreSQL (PGlite, Wasm) behind the wire protocol, for running without a database server. */
export async function startEmbeddedPostgres(opts: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const port = opts.port ?? (await findFreePort());
  const url = `postgresql://postgres@127.0.0.1:${port}/postgres`;
  await mkdir(opts.dataDir, { recursive: true });
  const args = [serverScript(), opts.dataDir, String(port), String(MAX_CONNECTIONS)];
  const server = spawnService(process.execPath, args, { log: opts.log, detached: opts.detached });

  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    if (server.hasExited()) throw new Error(`pglite-server exited during start-up:\n${server.outputTail()}`);
    const client = new Client({ connectionString: url, connectionTimeoutMillis: 2000 });
    try {
      await client.connect();
      await client.query('SELECT 1');
      break;
    } catch (error) {
      if (Date.now() > deadline) {
        await server.stop();
        throw new Error(`pglite-server on port ${port} not ready after ${READY_TIMEOUT_MS / 1000} s: ${String(error)}`, { cause: error });
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    } finally {
      await client.end().catch(() => undefined);
    }
  }
  return { url, stop: () => server.stop() };
}
