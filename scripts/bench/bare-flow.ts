import { Client, Connection } from '@temporalio/client';
import { bundleWorkflowCode, NativeConnection, Worker } from '@temporalio/worker';
import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { createBareActivities, createBareTables } from './bare.activities';
import { bareDecideUpdate, bareNominationWorkflow } from './bare.workflow';
import { LEVELS, type Flow, type Level } from './round';

export interface BareRunner {
  flow: Flow<string>;
  stop(): Promise<void>;
}

/**
 * The bare workflow's worker runs inside the bench process, on a task queue of its own, with its
 * activities writing to PostgreSQL through `pg` directly.
 */
export async function startBare(temporalAddress: string, namespace: string, databaseUrl: string): Promise<BareRunner> {
  const pool = new Pool({ connectionString: databaseUrl, max: 10 });
  await createBareTables(pool);
  const taskQueue = `bench-bare-${randomUUID()}`;
  const workflowBundle = await bundleWorkflowCode({ workflowsPath: require.resolve('./bare.workflow'), logger: quietBundler });
  const connection = await NativeConnection.connect({ address: temporalAddress });
  const worker = await Worker.create({ connection, namespace, taskQueue, workflowBundle, activities: createBareActivities(pool) });
  const running = worker.run();
  const client = new Client({ connection: await Connection.connect({ address: temporalAddress }), namespace });
  const runId = randomUUID().slice(0, 8);

  const flow: Flow<string> = {
    name: 'bare',
    async submit(index) {
      const workflowId = `bench-bare-${runId}-${index}`;
      await client.workflow.start(bareNominationWorkflow, { taskQueue, workflowId, args: [{ id: workflowId, levels: [...LEVELS] }] });
      return workflowId;
    },
    async decide(workflowId, level: Level) {
      await client.workflow.getHandle(workflowId).executeUpdate(bareDecideUpdate, { args: [{ level, reviewer: `bench.${level.toLowerCase()}` }] });
    },
    workflowId: (workflowId) => workflowId,
  };

  return {
    flow,
    async stop() {
      worker.shutdown();
      await running;
      await connection.close();
      await client.connection.close();
      await pool.end();
    },
  };
}

// The bundler reports its progress at info; only trouble is worth printing here.
const quietBundler = {
  trace: () => undefined,
  debug: () => undefined,
  info: () => undefined,
  warn: (message: string) => console.warn(`[bundle] ${message}`),
  error: (message: string) => console.error(`[bundle] ${message}`),
  log: () => undefined,
};
