import request from 'supertest';
import { Harness } from './support/harness';
import { TcpProxy } from './support/tcp-proxy';
import { until } from './support/until';

const HEALTH_LIMIT_MS = 5000;
// A budget the probes of one test alone would exhaust, were they counted.
const RATE_LIMIT = 3;

/** Where a postgresql:// URL or a host:port address points. */
function hostAndPort(address: string): { host: string; port: number } {
  const url = new URL(address.includes('://') ? address : `tcp://${address}`);
  return { host: url.hostname, port: Number(url.port || 5432) };
}

/**
 * The orchestrator's two probes (API.md, "Operations"): `live` answers 200 while the process serves, whatever
 * is down; `ready` answers 503 naming the part that is down, within 5 s, and 200 again once it is back.
 */
describe('GET /api/health/live and /api/health/ready', () => {
  let sut: Harness;
  let database: TcpProxy;
  let temporal: TcpProxy;

  beforeAll(async () => {
    [database, temporal] = await Promise.all([
      TcpProxy.start(hostAndPort(process.env.DATABASE_URL!)),
      TcpProxy.start(hostAndPort(process.env.TEMPORAL_ADDRESS!)),
    ]);
    sut = await Harness.start({
      DATABASE_URL: database.rewrite(process.env.DATABASE_URL!),
      TEMPORAL_ADDRESS: temporal.rewrite(process.env.TEMPORAL_ADDRESS!),
      DATABASE_CONNECT_TIMEOUT: '1s',
      DATABASE_STATEMENT_TIMEOUT: '2s',
      // Above the test server's 5 s long-poll interval (test/setup/global-setup.ts).
      WORKER_POLL_STALE_AFTER: '10s',
      RATE_LIMIT_PER_MINUTE: String(RATE_LIMIT),
    });
  });

  afterAll(async () => {
    database?.restore();
    temporal?.restore();
    await sut?.close();
    await Promise.all([database?.close(), temporal?.close()]);
  });

  const probe = async (path: 'live' | 'ready') => {
    const started = Date.now();
    const res = await request(sut.app.getHttpServer()).get(`/api/health/${path}`);
    expect(Date.now() - started).toBeLessThan(HEALTH_LIMIT_MS);
    return res;
  };
  const expectLive = async () => {
    const live = await probe('live');
    expect([live.status, live.body]).toEqual([200, { status: 'ok' }]);
  };
  /** The readiness answer once it names `part` down (the previous answer may be served for a second). */
  const readyWhen = (part: 'database' | 'temporal' | 'worker', state: 'up' | 'down') =>
    until(async () => {
      const res = await probe('ready');
      return res.body[part] === state ? res : undefined;
    }, `ready to report the ${part} ${state}`);

  it('answer without a token, and are never rate limited', async () => {
    await expectLive();
    const ready = await probe('ready');
    expect([ready.status, ready.body]).toEqual([200, { status: 'ok', database: 'up', temporal: 'up', worker: 'up' }]);
    // An invalid token changes nothing: the probes read no credentials.
    const withBadToken = await request(sut.app.getHttpServer()).get('/api/health/live').set('Authorization', 'Bearer not-a-jwt');
    expect(withBadToken.status).toBe(200);
    const statuses: number[] = [];
    for (let i = 0; i < RATE_LIMIT * 2; i++) statuses.push((await probe('live')).status, (await probe('ready')).status);
    expect(statuses.filter((status) => status !== 200)).toEqual([]);
  });

  it.each([
    ['database', () => database],
    ['temporal', () => temporal],
  ] as const)('the %s down: ready is 503 naming it, live stays 200; back up, ready is 200 again', async (part, proxy) => {
    proxy().cut();
    try {
      const down = await readyWhen(part, 'down');
      expect(down.status).toBe(503);
      expect(down.body).toMatchObject({ status: 'degraded', [part]: 'down' });
      await expectLive();
    } finally {
      proxy().restore();
    }
    const back = await until(async () => {
      const res = await probe('ready');
      return res.status === 200 ? res : undefined;
    }, `ready once the ${part} is back`);
    expect(back.body).toEqual({ status: 'ok', database: 'up', temporal: 'up', worker: 'up' });
  });

  it('no worker polling the task queue: ready is 503 naming the worker, live stays 200', async () => {
    await sut.stopWorker();
    try {
      const down = await readyWhen('worker', 'down');
      expect([down.status, down.body]).toEqual([503, { status: 'degraded', database: 'up', temporal: 'up', worker: 'down' }]);
      await expectLive();
    } finally {
      await sut.startWorker();
    }
    expect((await readyWhen('worker', 'up')).status).toBe(200);
  });
});
