import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { scopedRequestId } from '../libs/domain/command-fingerprint';
import { APPROVERS_U1, Harness } from './support/harness';
import { TcpProxy } from './support/tcp-proxy';
import { until } from './support/until';

const COMMAND_TIMEOUT_MS = 2000;
/** What a request may take beyond COMMAND_TIMEOUT: the reads before it, the rendering of the answer. */
const SLACK_MS = 1000;
const HEALTH_LIMIT_MS = 5000;

const shortTimeouts = {
  COMMAND_TIMEOUT: `${COMMAND_TIMEOUT_MS}ms`,
  DATABASE_CONNECT_TIMEOUT: '1s',
  DATABASE_STATEMENT_TIMEOUT: '2s',
  // Above the test server's 5 s long-poll interval (test/setup/global-setup.ts).
  WORKER_POLL_STALE_AFTER: '10s',
};

const [UNIT, DEPARTMENT] = APPROVERS_U1;

async function timed<T>(work: () => Promise<T>): Promise<{ res: T; ms: number }> {
  const started = Date.now();
  const res = await work();
  return { res, ms: Date.now() - started };
}

async function health(sut: Harness) {
  return timed(() => request(sut.app.getHttpServer()).get('/api/health'));
}

function expectUnavailable(res: request.Response, ms: number): void {
  expect(res.status).toBe(503);
  expect(res.body.error).toMatchObject({ code: 'UNAVAILABLE', message: expect.any(String), details: [] });
  expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
  expect(ms).toBeLessThan(COMMAND_TIMEOUT_MS + SLACK_MS);
}

const approveDepartment = (sut: Harness, id: string, requestId: string) =>
  timed(() => sut.decide(DEPARTMENT[0], id, { level: DEPARTMENT[1], decision: 'APPROVE', requestId }));

/** The level was decided exactly once: one decision row, the nomination moved on by one level. */
async function expectDecidedOnce(sut: Harness, id: string, requestId: string): Promise<void> {
  const view = await sut.get('u1.clerk', `/api/nominations/${id}`);
  expect(view.body).toMatchObject({ status: 'IN_REVIEW', currentLevel: 'SO' });
  expect(view.body.decisions.map((d: { level: string }) => d.level)).toEqual(['UNIT', 'DEPARTMENT']);
  expect(await sut.prisma.decision.count({ where: { nominationId: id, level: 'DEPARTMENT' } })).toBe(1);
  // The workflow keeps the reviewer's request id scoped by the reviewer (a request id belongs to its caller).
  expect(await sut.prisma.decision.count({ where: { nominationId: id, requestId: scopedRequestId(DEPARTMENT[0], requestId) } })).toBe(1);
}

async function submittedAndUnitApproved(sut: Harness): Promise<string> {
  const n = await sut.submit();
  expect((await sut.decide(UNIT[0], n.id, { level: UNIT[1], decision: 'APPROVE' })).status).toBe(200);
  // Signed in before anything goes down: tokens are not what these tests are about.
  await Promise.all(['u1.clerk', DEPARTMENT[0]].map((u) => sut.token(u)));
  return n.id;
}

describe('a part that is down gets an honest 503 within the timeout, and the retry decides once', () => {
  it('the worker stops during a decision', async () => {
    const sut = await Harness.start(shortTimeouts);
    try {
      const id = await submittedAndUnitApproved(sut);
      await sut.stopWorker();
      const requestId = randomUUID();

      const { res, ms } = await approveDepartment(sut, id, requestId);
      expectUnavailable(res, ms);

      const down = await until(async () => {
        const probe = await health(sut);
        return probe.res.body.worker === 'down' ? probe : undefined;
      }, 'health to report the worker down');
      expect(down.res.status).toBe(503);
      expect(down.res.body).toEqual({ status: 'degraded', database: 'up', temporal: 'up', worker: 'down' });
      expect(down.ms).toBeLessThan(HEALTH_LIMIT_MS);

      await sut.startWorker();
      const retried = await approveDepartment(sut, id, requestId);
      expect(retried.res.status).toBe(200);
      await expectDecidedOnce(sut, id, requestId);
      // A second retry changes nothing either.
      expect((await approveDepartment(sut, id, requestId)).res.status).toBe(200);
      await expectDecidedOnce(sut, id, requestId);
      await until(async () => ((await health(sut)).res.status === 200 ? true : undefined), 'health to report the worker up');
    } finally {
      await sut.close();
    }
  });

  it('Temporal becomes unreachable', async () => {
    const proxy = await TcpProxy.start(hostAndPort(process.env.TEMPORAL_ADDRESS!));
    const sut = await Harness.start({ ...shortTimeouts, TEMPORAL_ADDRESS: proxy.rewrite(process.env.TEMPORAL_ADDRESS!) });
    try {
      const id = await submittedAndUnitApproved(sut);
      proxy.cut();

      const probe = await health(sut);
      expect(probe.res.status).toBe(503);
      expect(probe.res.body).toMatchObject({ status: 'degraded', database: 'up', temporal: 'down' });
      expect(probe.ms).toBeLessThan(HEALTH_LIMIT_MS);

      const requestId = randomUUID();
      const decided = await approveDepartment(sut, id, requestId);
      expectUnavailable(decided.res, decided.ms);
      // Uploads touch the database and the document store only: they still work with Temporal down.
      const body = { ...submission(), documents: await sut.requiredDocuments('u1.clerk', 'BANG_KHEN_UBND_TP') };
      const submitted = await timed(() => sut.post('u1.clerk', '/api/nominations', body));
      expectUnavailable(submitted.res, submitted.ms);
      // Reads come from the database and still answer.
      expect((await sut.get('u1.clerk', `/api/nominations/${id}`)).status).toBe(200);

      proxy.restore();
      const retried = await until(async () => {
        const { res } = await approveDepartment(sut, id, requestId);
        return res.status === 503 ? undefined : res;
      }, 'the decision to go through once Temporal is back');
      expect(retried.status).toBe(200);
      await expectDecidedOnce(sut, id, requestId);
      // The submission's retry starts the workflow its first try could not.
      const resubmitted = await sut.post('u1.clerk', '/api/nominations', body);
      expect(resubmitted.status).toBe(201);
      expect(await sut.prisma.nomination.count({ where: { requestId: body.requestId } })).toBe(1);
      const started = await sut.temporal.workflow.getHandle(resubmitted.body.workflowId).describe();
      expect(started.status.name).toBe('RUNNING');
    } finally {
      proxy.restore();
      await sut.close();
      await proxy.close();
    }
  });

  it('the database becomes unreachable', async () => {
    const proxy = await TcpProxy.start(hostAndPort(process.env.DATABASE_URL!));
    const sut = await Harness.start({ ...shortTimeouts, DATABASE_URL: proxy.rewrite(process.env.DATABASE_URL!) });
    try {
      const id = await submittedAndUnitApproved(sut);
      proxy.cut();

      const probe = await health(sut);
      expect(probe.res.status).toBe(503);
      expect(probe.res.body).toMatchObject({ status: 'degraded', database: 'down', temporal: 'up' });
      expect(probe.ms).toBeLessThan(HEALTH_LIMIT_MS);

      const read = await timed(() => sut.get('u1.clerk', `/api/nominations/${id}`));
      expectUnavailable(read.res, read.ms);
      const requestId = randomUUID();
      const decided = await approveDepartment(sut, id, requestId);
      expectUnavailable(decided.res, decided.ms);

      proxy.restore();
      expect((await sut.get('u1.clerk', `/api/nominations/${id}`)).status).toBe(200);
      const retried = await approveDepartment(sut, id, requestId);
      expect(retried.res.status).toBe(200);
      await expectDecidedOnce(sut, id, requestId);
      expect((await health(sut)).res.status).toBe(200);
    } finally {
      proxy.restore();
      await sut.close();
      await proxy.close();
    }
  });
});

/** Where a postgresql:// URL or a host:port address points. */
function hostAndPort(address: string): { host: string; port: number } {
  const url = new URL(address.includes('://') ? address : `tcp://${address}`);
  return { host: url.hostname, port: Number(url.port || 5432) };
}

function submission() {
  return {
    awardCode: 'BANG_KHEN_UBND_TP',
    year: 2026,
    nominee: { kind: 'INDIVIDUAL', fullName: 'Nguyễn Thị Lan', position: 'Chuyên viên' },
    achievements: 'Hoàn thành xuất sắc nhiệm vụ, có hai sáng kiến được công nhận cấp cơ sở.',
    declarations: { rating: 'HTXS', initiatives: ['Số hóa quy trình cấp phép', 'Bản đồ cụm công nghiệp'] },
    requestId: randomUUID(),
  };
}
