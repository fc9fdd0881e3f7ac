import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Connection } from '@temporalio/client';
import { findFreePort } from './free-port';
import { spawnService } from './service-process';
import { resolveTemporalCli } from './temporal-cli';

export type SearchAttributeKind = 'Keyword' | 'Int' | 'Datetime' | 'Bool' | 'Text' | 'Double';

export interface TemporalDevServerOptions {
  projectRoot: string;
  port?: number;
  uiPort?: number;
  /** SQLite file; without it the server keeps everything in memory. */
  dbFilename?: string;
  headless?: boolean;
  namespace?: string;
  searchAttributes?: Record<string, SearchAttributeKind>;
  /** Server settings (`--dynamic-config-value`), e.g. `{ 'matching.longPollExpirationInterval': '5s' }`. */
  dynamicConfig?: Record<string, string | number | boolean>;
  /** A codec server the Web UI decodes payloads through (`--ui-codec-endpoint`). */
  uiCodecEndpoint?: string;
  log?: (line: string) => void;
  /** See ServiceProcessOptions.detached; ignored when the SDK downloads the server. */
  detached?: boolean;
}

export interface TemporalDevServer {
  address: string;
  uiUrl: string | null;
  stop(): Promise<void>;
}

const READY_TIMEOUT_MS = 60_000;

export async function startTemporalDevServer(opts: TemporalDevServerOptions): Promise<TemporalDevServer> {
  const cli = await resolveTemporalCli(opts.projectRoot, opts.log);
  const port = opts.port ?? (await findFreePort());
  const uiPort = opts.headless ? undefined : (opts.uiPort ?? (await findFreePort()));
  const namespace = opts.namespace ?? 'default';
  const searchAttributes = Object.entries(opts.searchAttributes ?? {});
  const dynamicConfig = Object.entries(opts.dynamicConfig ?? {}).flatMap(([key, value]) => ['--dynamic-config-value', `${key}=${JSON.stringify(value)}`]);
  const uiCodec = opts.uiCodecEndpoint && uiPort !== undefined ? ['--ui-codec-endpoint', opts.uiCodecEndpoint] : [];
  const address = `127.0.0.1:${port}`;
  const uiUrl = uiPort === undefined ? null : `http://127.0.0.1:${uiPort}`;
  if (opts.dbFilename) await mkdir(dirname(opts.dbFilename), { recursive: true });

  if (cli.kind === 'sdk-download') {
    // Loaded lazily: @temporalio/testing pulls in the native core bridge, which the CLI path never needs.
    const { TestWorkflowEnvironment } = await import('@temporalio/testing');
    const env = await TestWorkflowEnvironment.createLocal({
      server: {
        ip: '127.0.0.1',
        port,
        ui: uiPort !== undefined,
        uiPort,
        dbFilename: opts.dbFilename,
        namespace,
        searchAttributes: searchAttributes.map(([name, kind]) => ({ name, type: toSdkType(kind) })),
        extraArgs: [...dynamicConfig, ...uiCodec],
      },
    });
    return { address: env.address, uiUrl, stop: () => env.teardown() };
  }

  const args = ['server', 'start-dev', '--ip', '127.0.0.1', '--port', String(port)];
  args.push(...(uiPort === undefined ? ['--headless'] : ['--ui-port', String(uiPort)]));
  if (opts.dbFilename) args.push('--db-filename', opts.dbFilename);
  args.push('--namespace', namespace, '--log-level', 'warn');
  for (const [name, kind] of searchAttributes) args.push('--search-attribute', `${name}=${kind}`);
  args.push(...dynamicConfig, ...uiCodec);

  // Shutting down makes the server warn about every connection it drops: noise, not news.
  let stopping = false;
  const log = (line: string) => {
    if (!stopping) opts.log?.(line);
  };
  const server = spawnService(cli.path, args, { log, detached: opts.detached });
  const stop = () => {
    stopping = true;
    return server.stop();
  };
  try {
    await waitUntilReady(address, namespace, () => {
      if (server.hasExited()) throw new Error(`Temporal dev server exited during start-up:\n${server.outputTail()}`);
    });
  } catch (error) {
    await stop();
    throw error;
  }
  return { address, uiUrl, stop };
}

async function waitUntilReady(address: string, namespace: string, checkAlive: () => void): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    checkAlive();
    try {
      const connection = await Connection.connect({ address, connectTimeout: 1000 });
      try {
        await connection.workflowService.getSystemInfo({});
        // Namespaces are registered during start-up; a worker polling too early would fail.
        await connection.workflowService.describeNamespace({ namespace });
        return;
      } finally {
        await connection.close();
      }
    } catch (error) {
      if (Date.now() > deadline)
        throw new Error(`Temporal dev server at ${address} not ready after ${READY_TIMEOUT_MS / 1000} s: ${String(error)}`, { cause: error });
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

function toSdkType(kind: SearchAttributeKind) {
  return ({ Keyword: 'KEYWORD', Int: 'INT', Datetime: 'DATETIME', Bool: 'BOOL', Text: 'TEXT', Double: 'DOUBLE' } as const)[kind];
}
