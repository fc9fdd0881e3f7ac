// The containers' healthcheck (docker-compose.yml): exits 0 when the service answers 2xx within 4 s.
// `api` probes GET /api/health/ready (database, Temporal and a polling worker); `worker` probes the worker's
// metrics endpoint, which its process serves from start to shutdown. Ports come from the service's own env.
const targets: Record<string, () => string> = {
  api: () => `http://127.0.0.1:${process.env.PORT ?? '3000'}/api/health/ready`,
  worker: () => `http://127.0.0.1:${process.env.WORKER_METRICS_PORT ?? '9464'}/metrics`,
};

async function main(): Promise<void> {
  const target = targets[process.argv[2] ?? ''];
  if (!target) throw new Error(`usage: healthcheck.js ${Object.keys(targets).join('|')}`);
  const response = await fetch(target(), { signal: AbortSignal.timeout(4000) });
  if (!response.ok) throw new Error(`${target()} answered ${response.status}: ${await response.text()}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
