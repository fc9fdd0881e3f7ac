import { bundleWorkflowCode } from '@temporalio/worker';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { WORKFLOW_INTERCEPTOR_MODULES } from '../apps/worker/workflow-interceptor-modules';
import { PRELOADED_WORKFLOW_MODULES } from '../apps/worker/preloaded-workflow-modules';
import { CONVERTER_PATHS } from '../libs/codec/data-converter';
import { recordDecisionLatency } from '../libs/db/decision-latency.repository';
import { Harness } from './support/harness';

type Line = Record<string, unknown>;

const HOUR = 3600;
const METRICS_TOKEN = `scrape-${randomUUID()}`;
const at = (base: number, seconds: number) => new Date(base + seconds * 1000);

describe('what admins see of stuck work: metrics, request and activity logs', () => {
  const lines: Line[] = [];
  const bundleDir = mkdtempSync(join(tmpdir(), 'tdkt-metrics-'));
  let sut: Harness;

  beforeAll(async () => {
    // The run's bundle may predate the workflow interceptors that carry the correlation id.
    const { code } = await bundleWorkflowCode({
      workflowsPath: require.resolve('../workflows'),
      workflowInterceptorModules: WORKFLOW_INTERCEPTOR_MODULES,
      preloadModules: PRELOADED_WORKFLOW_MODULES,
      ...CONVERTER_PATHS,
      logger: { log: () => undefined, trace: () => undefined, debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined },
    });
    writeFileSync(join(bundleDir, 'bundle.js'), code);
    sut = await Harness.start(
      { LOG_LEVEL: 'info', METRICS_TOKEN },
      { logDestination: { write: (line: string) => void lines.push(JSON.parse(line) as Line) }, workflowBundlePath: join(bundleDir, 'bundle.js') },
    );
  });

  afterAll(async () => {
    await sut.close();
    rmSync(bundleDir, { recursive: true, force: true });
  });

  const decide = async (id: string, correlationId?: string) => {
    const call = request(sut.app.getHttpServer())
      .post(`/api/nominations/${id}/decisions`)
      .set('Authorization', `Bearer ${await sut.token('u1.head')}`);
    if (correlationId) call.set('x-correlation-id', correlationId);
    return call.send({ level: 'UNIT', decision: 'APPROVE', requestId: randomUUID() });
  };

  it('the correlation id of a decision is echoed, logged with the request and reaches its activities', async () => {
    const n = await sut.submit();
    const res = await decide(n.id, 'test-corr-1');
    expect(res.status).toBe(200);
    expect(res.headers['x-correlation-id']).toBe('test-corr-1');

    expect(lines).toContainEqual(
      expect.objectContaining({
        name: 'api',
        msg: 'request completed',
        correlationId: 'test-corr-1',
        method: 'POST',
        url: `/api/nominations/${n.id}/decisions`,
        status: 200,
        durationMs: expect.any(Number),
        user: 'u1.head',
        nominationId: n.id,
        workflowId: `nomination-${n.id}`,
      }),
    );
    // The update returns once the transition is written: its activity has logged by now.
    expect(lines).toContainEqual(
      expect.objectContaining({
        name: 'worker',
        msg: 'activity completed',
        activityType: 'commitTransition',
        correlationId: 'test-corr-1',
        nominationId: n.id,
        workflowId: `nomination-${n.id}`,
        attempt: 1,
      }),
    );
    const decisionActivities = lines.filter((l) => l.correlationId === 'test-corr-1' && l.msg === 'activity started');
    // One commit on the critical path, after the next level's plan; no delivery waits in it.
    expect(decisionActivities.map((l) => l.activityType)).toEqual(['planLevel', 'commitTransition']);
  });

  it('without a sane correlation id of its own, a request gets a fresh one', async () => {
    const n = await sut.submit();
    const res = await decide(n.id, 'not a sane id; DROP TABLE');
    expect(res.headers['x-correlation-id']).toMatch(/^[0-9a-f-]{36}$/);
    const generated = res.headers['x-correlation-id'];
    expect(lines).toContainEqual(expect.objectContaining({ name: 'worker', activityType: 'commitTransition', correlationId: generated }));
  });

  it('/api/metrics refuses anonymous callers, a wrong token and a non-admin; the METRICS_TOKEN bearer and an admin may read it', async () => {
    const scrape = () => request(sut.app.getHttpServer()).get('/api/metrics');

    const anonymous = await scrape();
    expect([anonymous.status, anonymous.body.error?.code]).toEqual([401, 'UNAUTHENTICATED']);
    expect(anonymous.text).not.toMatch(/tdkt_/);
    expect((await scrape().set('Authorization', `Bearer ${METRICS_TOKEN}x`)).status).toBe(401);
    expect((await sut.get('u1.head', '/api/metrics')).status).toBe(403);
    expect((await scrape().set('Authorization', `Bearer ${METRICS_TOKEN}`)).status).toBe(200);
    expect((await sut.get('admin', '/api/metrics')).status).toBe(200);
  });

  it('/api/metrics shows nominations by status and level, overdue work, decision latency and activity failures', async () => {
    const n = await sut.submit();
    expect((await decide(n.id)).status).toBe(200);
    // What the worker records of an activity failing again and again (the stuck view reads the same row).
    await sut.prisma.activityFailure.create({
      data: {
        workflowId: `nomination-${n.id}`,
        activityType: 'commitTransition',
        nominationId: n.id,
        attempt: 4,
        lastError: 'simulated',
        lastFailedAt: new Date(),
      },
    });

    const res = await request(sut.app.getHttpServer()).get('/api/metrics').set('Authorization', `Bearer ${METRICS_TOKEN}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    const sample = (pattern: RegExp) => Number(pattern.exec(res.text)?.[1] ?? NaN);
    expect(sample(/^tdkt_nominations\{status="IN_REVIEW",level="DEPARTMENT"\} (\d+)$/m)).toBeGreaterThanOrEqual(1);
    expect(sample(/^tdkt_nominations\{status="APPROVED",level=""\} (\d+)$/m)).toBeGreaterThanOrEqual(0);
    expect(sample(/^tdkt_nominations_overdue\{level="UNIT"\} (\d+)$/m)).toBeGreaterThanOrEqual(0);
    expect(res.text).toMatch(/^tdkt_decision_latency_seconds_bucket\{le="3600",level="UNIT"\} [1-9]\d*$/m);
    expect(sample(/^tdkt_decision_latency_seconds_count\{level="UNIT"\} (\d+)$/m)).toBeGreaterThanOrEqual(1);
    expect(res.text).toMatch(/^tdkt_activities_failing\{activity_type="commitTransition"\} 1$/m);
    expect(res.text).not.toMatch(/planLevel/);
    expect(res.text).toMatch(/^tdkt_api_process_cpu_seconds_total /m);
  });

  const scrape = async () => {
    const res = await request(sut.app.getHttpServer()).get('/api/metrics').set('Authorization', `Bearer ${METRICS_TOKEN}`);
    expect(res.status).toBe(200);
    return new Map(
      res.text
        .split('\n')
        .filter((line) => line && !line.startsWith('#'))
        .map((line) => {
          const cut = line.lastIndexOf(' ');
          return [line.slice(0, cut), Number(line.slice(cut + 1))] as const;
        }),
    );
  };

  it('counters and histograms only grow from one scrape to the next, and a decision counts once', async () => {
    const n = await sut.submit();
    const before = await scrape();
    expect((await decide(n.id)).status).toBe(200);
    const after = await scrape();

    const monotonic = [...before.keys()].filter((name) => /^tdkt_(?!api_).*(_bucket|_count|_sum|_total)(\{|$)/.test(name));
    expect(monotonic).toEqual(expect.arrayContaining(['tdkt_decision_latency_seconds_count{level="UNIT"}']));
    expect(monotonic.filter((name) => !(after.get(name)! >= before.get(name)!))).toEqual([]);
    const count = 'tdkt_decision_latency_seconds_count{level="UNIT"}';
    expect(after.get(count)! - before.get(count)!).toBe(1);
  });

  it('a level’s decision latency runs from the moment the nomination reached it; a resubmission restarts it', async () => {
    const id = randomUUID();
    const t0 = Date.now() - 30 * 24 * HOUR * 1000;
    await sut.prisma.nomination.create({
      data: {
        id,
        awardCode: 'BANG_KHEN_UBND_TP',
        catalogueVersion: '2026',
        year: 2026,
        unitCode: 'U1',
        nominee: { kind: 'INDIVIDUAL', fullName: 'Hồ sơ đo thời gian' },
        achievements: 'Chỉ dùng để đo thời gian xử lý.',
        route: ['UNIT', 'DEPARTMENT', 'SO'],
        status: 'IN_REVIEW',
        currentLevel: 'SO',
        submittedBy: 'u1.clerk',
        requestId: `latency-${id}`,
        workflowId: `nomination-${id}`,
        createdAt: at(t0, 0),
        events: {
          create: [
            { seq: 1, kind: 'SUBMITTED', at: at(t0, 0), data: {} },
            { seq: 2, kind: 'DECIDED', at: at(t0, 48 * HOUR), data: {} },
            { seq: 3, kind: 'RESUBMITTED', at: at(t0, 72 * HOUR), data: {} },
            { seq: 4, kind: 'DECIDED', at: at(t0, 77 * HOUR), data: {} },
            { seq: 5, kind: 'DECIDED', at: at(t0, 113 * HOUR), data: {} },
          ],
        },
      },
    });
    const decisions = [
      { seq: 2, level: 'UNIT', decision: 'RETURN', reviewer: 'u1.head', requestId: 'r1', decidedAt: at(t0, 48 * HOUR) },
      { seq: 4, level: 'UNIT', decision: 'APPROVE', reviewer: 'u1.head', requestId: 'r2', decidedAt: at(t0, 77 * HOUR) },
      { seq: 5, level: 'DEPARTMENT', decision: 'APPROVE', reviewer: 'dept-a.reviewer', requestId: 'r3', decidedAt: at(t0, 113 * HOUR) },
    ] as const;
    const before = await scrape();
    try {
      // As the commit writes them: the decision, then its latency, in one transaction.
      for (const d of decisions) {
        await sut.prisma.$transaction(async (tx) => {
          await tx.decision.create({ data: { ...d, nominationId: id } });
          await recordDecisionLatency(tx, { nominationId: id, seq: d.seq, level: d.level });
        });
      }
      const after = await scrape();
      const added = (series: string) => after.get(`tdkt_decision_latency_seconds_${series}`)! - before.get(`tdkt_decision_latency_seconds_${series}`)!;
      // 48 h (submission to return) and 5 h (resubmission to approval) at UNIT; 36 h at DEPARTMENT.
      expect(added('count{level="UNIT"}')).toBe(2);
      expect(added('sum{level="UNIT"}')).toBeCloseTo(53 * HOUR);
      expect(added('bucket{le="28800",level="UNIT"}')).toBe(1);
      expect(added('bucket{le="172800",level="UNIT"}')).toBe(2);
      expect(added('count{level="DEPARTMENT"}')).toBe(1);
      expect(added('sum{level="DEPARTMENT"}')).toBeCloseTo(36 * HOUR);
      expect(added('bucket{le="86400",level="DEPARTMENT"}')).toBe(0);
      expect(added('bucket{le="172800",level="DEPARTMENT"}')).toBe(1);
    } finally {
      await sut.prisma.decision.deleteMany({ where: { nominationId: id } });
      // Its audit events stay, as every audit event does (deleting one would break the chain): the row stays with them, final.
      await sut.prisma.nomination.update({ where: { id }, data: { status: 'WITHDRAWN', currentLevel: null } });
    }
  });
});
