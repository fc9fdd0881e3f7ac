import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { APPROVERS_U1, Harness } from './support/harness';
import { until } from './support/until';

/**
 * Records the histories that test/replay.test.ts replays against the current workflow code.
 * It writes into the repository, so it runs only on demand:
 *   RECORD_HISTORIES=1 npx jest --selectProjects integration --runInBand test/record-histories
 * A recorded file is a contract with the workflows already running in production: never overwrite
 * one after the workflow changed; record under a new version prefix instead (see the README there).
 */
const VERSION = 'v6';
const DIR = join(__dirname, 'fixtures', 'histories');
const recording = process.env.RECORD_HISTORIES === '1';

async function ok(res: { status: number; body: unknown }, what: string) {
  if (res.status !== 200) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { status: string };
}

async function save(sut: Harness, name: string, workflowId: string, expectedStatus: string) {
  const handle = sut.temporal.workflow.getHandle(workflowId);
  // The history is complete only once the run has closed.
  expect((await handle.result()).status).toBe(expectedStatus);
  const history = await handle.fetchHistory();
  const file = join(DIR, `nomination-${VERSION}-${name}.json`);
  writeFileSync(file, `${JSON.stringify(JSON.parse(historyToJSON(history)), null, 2)}\n`);
  process.stderr.write(`[record-histories] ${file}: ${history.events?.length ?? 0} events\n`);
}

(recording ? describe : describe.skip)('record nomination workflow histories', () => {
  let sut: Harness;
  beforeAll(async () => {
    // Short periods, so the posting and the consultation recorded below end within the run.
    sut = await Harness.start({ PUBLIC_POSTING_PERIOD: '3s', CONSULTATION_PERIOD: '5s' });
    mkdirSync(DIR, { recursive: true });
  });
  afterAll(async () => {
    await sut?.close();
  });

  // Fixed request ids keep the update ids and the recorded state the same from one recording to the next.
  it('four-level approval of BANG_KHEN_UBND_TP', async () => {
    const n = await sut.submit('u1.clerk', { requestId: 'record-four-level-approval' });
    for (const [reviewer, level] of APPROVERS_U1) {
      await ok(
        await sut.decide(reviewer, n.id, { level, decision: 'APPROVE', comment: 'Đồng ý', requestId: `four-level-approval-${level}` }),
        `approve ${level}`,
      );
    }
    await save(sut, 'four-level-approval', n.workflowId, 'APPROVED');
  });

  it('return, resubmit and approvals of GIAY_KHEN_GIAM_DOC_SO', async () => {
    const n = await sut.submit('u1.clerk', { awardCode: 'GIAY_KHEN_GIAM_DOC_SO', requestId: 'record-return-resubmit' });
    await ok(await sut.decide('u1.head', n.id, { level: 'UNIT', decision: 'APPROVE', requestId: 'return-resubmit-UNIT' }), 'approve UNIT');
    const returned = await ok(
      await sut.decide('dept-a.reviewer', n.id, {
        level: 'DEPARTMENT',
        decision: 'RETURN',
        comment: 'Bổ sung biên bản họp bình xét của đơn vị',
        requestId: 'return-resubmit-DEPARTMENT-return',
      }),
      'return at DEPARTMENT',
    );
    expect(returned.status).toBe('RETURNED');
    await ok(
      await sut.post('u1.clerk', `/api/nominations/${n.id}/resubmit`, {
        achievements: 'Đã bổ sung biên bản họp bình xét ngày 15/11/2026 và báo cáo thành tích chi tiết.',
        comment: 'Đã bổ sung biên bản',
        requestId: 'return-resubmit-resubmit',
      }),
      'resubmit',
    );
    await ok(
      await sut.decide('dept-a.reviewer', n.id, { level: 'DEPARTMENT', decision: 'APPROVE', requestId: 'return-resubmit-DEPARTMENT' }),
      'approve DEPARTMENT',
    );
    await ok(await sut.decide('so.council', n.id, { level: 'SO', decision: 'APPROVE', requestId: 'return-resubmit-SO' }), 'approve SO');
    await save(sut, 'return-resubmit', n.workflowId, 'APPROVED');
  });

  it('withdrawal after the unit approved', async () => {
    const n = await sut.submit('u1.clerk', { requestId: 'record-withdrawal' });
    await ok(await sut.decide('u1.head', n.id, { level: 'UNIT', decision: 'APPROVE', requestId: 'withdrawal-UNIT' }), 'approve UNIT');
    await ok(
      await sut.post('u1.clerk', `/api/nominations/${n.id}/withdraw`, { reason: 'Cá nhân xin rút hồ sơ', requestId: 'withdrawal-withdraw' }),
      'withdraw',
    );
    await save(sut, 'withdrawal', n.workflowId, 'WITHDRAWN');
  });

  it('council vote deciding CSTD_CO_SO at the Sở', async () => {
    const n = await sut.submit('u1.clerk', {
      awardCode: 'CSTD_CO_SO',
      nominee: { kind: 'INDIVIDUAL', fullName: 'Trần Văn Hải', position: 'Kỹ sư' },
      requestId: 'record-council-vote',
    });
    await ok(await sut.decide('u1.head', n.id, { level: 'UNIT', decision: 'APPROVE', requestId: 'council-vote-UNIT' }), 'approve UNIT');
    await ok(
      await sut.decide('dept-a.reviewer', n.id, { level: 'DEPARTMENT', decision: 'APPROVE', requestId: 'council-vote-DEPARTMENT' }),
      'approve DEPARTMENT',
    );
    for (const member of ['so.council', 'so.member1', 'so.member2', 'so.member3']) {
      await ok(await sut.post(member, `/api/nominations/${n.id}/votes`, { vote: 'FOR', requestId: `council-vote-${member}` }), `vote ${member}`);
    }
    await ok(await sut.post('so.council', `/api/nominations/${n.id}/votes/close`, { requestId: 'council-vote-close' }), 'close');
    await save(sut, 'council-vote', n.workflowId, 'APPROVED');
  });

  it('posting, consultation (one agency answering, one timing out), the city council’s vote and forwarding of BANG_KHEN_THU_TUONG (catalogue 2026.1)', async () => {
    const team = 'Phòng Kỹ thuật Hội đồng';
    await sut.prisma.awardHistory.upsert({
      where: { fullName_unitCode_awardCode_year: { fullName: team, unitCode: 'U1', awardCode: 'BANG_KHEN_UBND_TP', year: 2020 } },
      create: { fullName: team, unitCode: 'U1', awardCode: 'BANG_KHEN_UBND_TP', year: 2020, decisionRef: 'QĐ 100/QĐ-UBND', source: 'SEED' },
      update: {},
    });
    const n = await sut.submit('u1.clerk', {
      awardCode: 'BANG_KHEN_THU_TUONG',
      nominee: { kind: 'COLLECTIVE', name: team },
      declarations: { rating: 'HTXS' },
      requestId: 'record-council-forwarding',
    });
    for (const [reviewer, level] of [
      ['u1.head', 'UNIT'],
      ['dept-a.reviewer', 'DEPARTMENT'],
      ['so.council', 'SO'],
    ] as const) {
      await ok(
        await sut.decide(reviewer, n.id, { level, decision: 'APPROVE', comment: 'Đồng ý', requestId: `council-forwarding-${level}` }),
        `approve ${level}`,
      );
    }
    await ok(
      await sut.post('snv.officer', `/api/nominations/${n.id}/opinions`, {
        answer: 'AGREE',
        comment: 'Thống nhất',
        requestId: 'council-forwarding-opinion-SNV',
      }),
      'opinion',
    );
    await sut.waitForRow(n.id, () => true);
    await until(
      async () => (await sut.prisma.nomination.findUniqueOrThrow({ where: { id: n.id } })).consultationOpen === false || undefined,
      'consultation closed',
      30_000,
    );
    // From 2026.1 the city's council votes by secret ballot before the city forwards a state-level proposal.
    for (const member of ['city.board', 'city.member1', 'city.member2', 'city.member3']) {
      await ok(await sut.post(member, `/api/nominations/${n.id}/votes`, { vote: 'FOR', requestId: `council-forwarding-${member}` }), `vote ${member}`);
    }
    await ok(await sut.post('city.board', `/api/nominations/${n.id}/votes/close`, { requestId: 'council-forwarding-close' }), 'close');
    await save(sut, 'council-forwarding', n.workflowId, 'FORWARDED');
  });

  it('a hold suspending the department level, lifted, then approvals of GIAY_KHEN_GIAM_DOC_SO', async () => {
    const person = 'Lê Văn Tạm';
    const n = await sut.submit('u1.clerk', {
      awardCode: 'GIAY_KHEN_GIAM_DOC_SO',
      nominee: { kind: 'INDIVIDUAL', fullName: person },
      declarations: { rating: 'HTT' },
      requestId: 'record-hold-resume',
    });
    await ok(await sut.decide('u1.head', n.id, { level: 'UNIT', decision: 'APPROVE', requestId: 'hold-resume-UNIT' }), 'approve UNIT');
    const hold = await sut.post('admin', '/api/admin/holds', { fullName: person, unitCode: 'U1', reason: 'Đang bị thanh tra', until: '2099-12-31' });
    await until(async () => (await sut.prisma.nomination.findUniqueOrThrow({ where: { id: n.id } })).suspendedSince || undefined, 'suspended');
    await request(sut.app.getHttpServer())
      .delete(`/api/admin/holds/${(hold.body as { id: string }).id}`)
      .set('Authorization', `Bearer ${await sut.token('admin')}`)
      .expect(204);
    await until(async () => ((await sut.prisma.nomination.findUniqueOrThrow({ where: { id: n.id } })).suspendedSince === null ? true : undefined), 'resumed');
    await ok(
      await sut.decide('dept-a.reviewer', n.id, { level: 'DEPARTMENT', decision: 'APPROVE', requestId: 'hold-resume-DEPARTMENT' }),
      'approve DEPARTMENT',
    );
    await ok(await sut.decide('so.council', n.id, { level: 'SO', decision: 'APPROVE', requestId: 'hold-resume-SO' }), 'approve SO');
    await save(sut, 'hold-resume', n.workflowId, 'APPROVED');
  });
});

(recording ? describe : describe.skip)('record nomination workflow histories: the alarms', () => {
  let sut: Harness;
  beforeAll(async () => {
    // Seconds, so that the unit level's reminder, deadline and escalation, and a return window, pass within the run.
    sut = await Harness.start({ DEADLINE_UNIT: '4s', REMINDER_BEFORE: '2s', ESCALATE_AFTER: '2s', RETURN_WINDOW: '3s' });
    mkdirSync(DIR, { recursive: true });
  });
  afterAll(async () => {
    await sut?.close();
  });

  const kinds = async (id: string) => (await sut.prisma.auditEvent.findMany({ where: { nominationId: id }, orderBy: { seq: 'asc' } })).map((e) => e.kind);

  it('reminder, overdue and escalation at the unit, then four approvals', async () => {
    const n = await sut.submit('u1.clerk', { requestId: 'record-alarms-escalation' });
    await until(async () => ((await kinds(n.id)).includes('ESCALATED') ? true : undefined), 'escalated');
    for (const [reviewer, level] of APPROVERS_U1) {
      await ok(await sut.decide(reviewer, n.id, { level, decision: 'APPROVE', requestId: `alarms-escalation-${level}` }), `approve ${level}`);
    }
    await save(sut, 'alarms-escalation', n.workflowId, 'APPROVED');
  });

  it('returned at the unit and left to expire', async () => {
    const n = await sut.submit('u1.clerk', { requestId: 'record-alarms-expiry' });
    await ok(await sut.decide('u1.head', n.id, { level: 'UNIT', decision: 'RETURN', comment: 'Bổ sung hồ sơ', requestId: 'alarms-expiry-return' }), 'return');
    await save(sut, 'alarms-expiry', n.workflowId, 'EXPIRED');
  });
});
