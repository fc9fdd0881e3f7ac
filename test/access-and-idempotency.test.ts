import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { Harness } from './support/harness';

describe('who may act, bad input, duplicates and races', () => {
  let sut: Harness;
  beforeAll(async () => {
    sut = await Harness.start();
    // A second reviewer of unit U1, so that two people can race on the same level.
    await sut.prisma.user.upsert({
      where: { username: 'u1.deputy' },
      create: { username: 'u1.deputy', displayName: 'Phó Giám đốc Trung tâm', email: 'u1.deputy@demo.tdkt.hanoi.gov.vn', role: 'REVIEWER', orgCode: 'U1' },
      update: {},
    });
  });
  afterAll(async () => {
    await sut.prisma.user.delete({ where: { username: 'u1.deputy' } });
    await sut.close();
  });

  const counts = async (nominationId: string) => ({
    decisions: await sut.prisma.decision.count({ where: { nominationId } }),
    events: await sut.prisma.auditEvent.count({ where: { nominationId } }),
  });

  it('the same decision sent twice with one requestId is stored once and answered alike', async () => {
    const n = await sut.submit();
    const body = { level: 'UNIT', decision: 'APPROVE', comment: 'Đồng ý đề nghị', requestId: `click-${randomUUID()}` };
    const first = await sut.post('u1.head', `/api/nominations/${n.id}/decisions`, body);
    const second = await sut.post('u1.head', `/api/nominations/${n.id}/decisions`, body);
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    expect(second.body).toEqual(first.body);
    expect(await counts(n.id)).toEqual({ decisions: 1, events: 2 });
  });

  it('the same submission twice with one requestId creates one nomination', async () => {
    const requestId = `submit-${randomUUID()}`;
    const [a, b] = await Promise.all([sut.submit('u1.clerk', { requestId }), sut.submit('u1.clerk', { requestId })]);
    expect(b.id).toBe(a.id);
    expect(await sut.prisma.nomination.count({ where: { requestId } })).toBe(1);
  });

  it('a requestId belongs to its caller: another caller’s command under the same id is a command of its own', async () => {
    const n = await sut.submit();
    const requestId = `shared-${randomUUID()}`;
    expect((await sut.decide('u1.head', n.id, { level: 'UNIT', decision: 'APPROVE', requestId })).status).toBe(200);
    const returned = await sut.decide('dept-a.reviewer', n.id, { level: 'DEPARTMENT', decision: 'RETURN', comment: 'Bổ sung biên bản', requestId });
    expect(returned.status).toBe(200);
    expect(returned.body).toMatchObject({ status: 'RETURNED' });
    const resubmitted = await sut.post('u1.clerk', `/api/nominations/${n.id}/resubmit`, { comment: 'Đã bổ sung biên bản', requestId });
    expect(resubmitted.status).toBe(200);
    expect(resubmitted.body).toMatchObject({ status: 'IN_REVIEW', currentLevel: 'DEPARTMENT' });

    // Each caller's id still names that caller's own command: the same again changes nothing, another is refused.
    expect((await sut.decide('u1.head', n.id, { level: 'UNIT', decision: 'APPROVE', requestId })).status).toBe(200);
    const reused = await sut.decide('dept-a.reviewer', n.id, { level: 'DEPARTMENT', decision: 'APPROVE', requestId });
    expect(reused.status).toBe(422);
    expect(reused.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await counts(n.id)).toEqual({ decisions: 2, events: 4 });
    const logged = await sut.prisma.commandRequest.findMany({ where: { requestId }, orderBy: { actor: 'asc' } });
    expect(logged.map((r) => [r.actor, r.operation])).toEqual([
      ['dept-a.reviewer', 'decide'],
      ['u1.clerk', 'resubmit'],
      ['u1.head', 'decide'],
    ]);
  });

  it('two reviewers racing on one level: exactly one wins, the other gets 409', async () => {
    for (let round = 0; round < 3; round++) {
      const n = await sut.submit();
      const results = await Promise.all([
        sut.decide('u1.head', n.id, { level: 'UNIT', decision: 'APPROVE' }),
        sut.decide('u1.deputy', n.id, { level: 'UNIT', decision: 'RETURN', comment: 'Bổ sung hồ sơ' }),
      ]);
      expect(results.map((r) => `${r.status} ${r.body.error?.code ?? ''}`).sort()).toEqual([
        '200 ',
        expect.stringMatching(/^409 (LEVEL_MISMATCH|INVALID_STATE)$/),
      ]);
      expect(await counts(n.id)).toEqual({ decisions: 1, events: 2 });
    }
  });

  it('a reviewer who cannot see the nomination gets 404, a wrong reviewer 403, a wrong level 409, and nothing changes', async () => {
    const n = await sut.submit();
    await sut.waitForRow(n.id, (row) => row.version >= 1);
    const before = await sut.get('u1.clerk', `/api/nominations/${n.id}`);

    // Another unit's head is not told the nomination exists.
    const otherHead = await sut.decide('u2.head', n.id, { level: 'UNIT', decision: 'APPROVE' });
    expect(otherHead.status).toBe(404);
    expect(otherHead.body.error.code).toBe('NOT_FOUND');
    const wrongLevelReviewer = await sut.decide('dept-a.reviewer', n.id, { level: 'UNIT', decision: 'APPROVE' });
    expect(wrongLevelReviewer.status).toBe(403);
    const clerk = await sut.decide('u1.clerk', n.id, { level: 'UNIT', decision: 'APPROVE' });
    expect(clerk.status).toBe(403);
    const admin = await sut.decide('admin', n.id, { level: 'UNIT', decision: 'APPROVE' });
    expect(admin.status).toBe(403);

    const early = await sut.decide('dept-a.reviewer', n.id, { level: 'DEPARTMENT', decision: 'APPROVE' });
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('LEVEL_MISMATCH');

    const after = await sut.get('u1.clerk', `/api/nominations/${n.id}`);
    expect(after.body).toEqual(before.body);
    expect(await counts(n.id)).toEqual({ decisions: 0, events: 1 });
  });

  it('a stale level is refused by the workflow itself, not only by the API', async () => {
    const n = await sut.submit();
    await expect(
      sut.temporal.workflow.getHandle(n.workflowId).executeUpdate('decide', {
        args: [{ level: 'CITY', decision: 'APPROVE', requestId: 'direct', reviewer: 'city.board' }],
      }),
    ).rejects.toMatchObject({ cause: { type: 'LEVEL_MISMATCH' } });
    await expect(
      sut.temporal.workflow.getHandle(n.workflowId).executeUpdate('decide', {
        args: [{ level: 'UNIT', decision: 'REJECT', requestId: 'no-ground', reviewer: 'u1.head' }],
      }),
    ).rejects.toMatchObject({ cause: { type: 'VALIDATION_FAILED' } });
    const history = await sut.temporal.workflow.getHandle(n.workflowId).fetchHistory();
    // Rejected by the validators: neither update was ever written to history.
    expect(history.events!.some((e) => e.workflowExecutionUpdateAcceptedEventAttributes)).toBe(false);
  });

  it('malformed bodies get 400 naming the field; unknown fields too', async () => {
    const n = await sut.submit();
    await sut.waitForRow(n.id, (row) => row.version >= 1);
    const cases: [Record<string, unknown>, string][] = [
      [{ level: 'UNIT', decision: 'REJECT', comment: 'Không đạt' }, 'ground'],
      [{ level: 'UNIT', decision: 'RETURN' }, 'comment'],
      [{ level: 'NOWHERE', decision: 'APPROVE' }, 'level'],
      [{ level: 'UNIT', decision: 'MAYBE' }, 'decision'],
      [{ level: 'UNIT', decision: 'APPROVE', status: 'APPROVED' }, 'status'],
    ];
    for (const [body, path] of cases) {
      const res = await sut.post('u1.head', `/api/nominations/${n.id}/decisions`, body);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
      expect(res.body.error.details.map((d: { path: string }) => d.path)).toContain(path);
    }
    const badSubmit = await sut.post('u1.clerk', '/api/nominations', {
      awardCode: 'BANG_KHEN_UBND_TP',
      year: 2026,
      nominee: { kind: 'INDIVIDUAL' },
      achievements: 'ngắn',
    });
    expect(badSubmit.status).toBe(400);
    expect(badSubmit.body.error.details.map((d: { path: string }) => d.path)).toEqual(expect.arrayContaining(['nominee.fullName', 'achievements']));
    const notJson = await request(sut.app.getHttpServer())
      .post('/api/nominations')
      .set('Authorization', `Bearer ${await sut.token('u1.clerk')}`)
      .set('Content-Type', 'application/json')
      .send('{"awardCode": ');
    expect(notJson.status).toBe(400);
    expect(notJson.body.error.code).toBe('VALIDATION_FAILED');
    expect(await counts(n.id)).toEqual({ decisions: 0, events: 1 });
  });

  it('no token or a bad token: 401; a clerk submits only for their own unit; others cannot see a nomination', async () => {
    const http = request(sut.app.getHttpServer());
    const none = await http.get('/api/nominations');
    expect(none.status).toBe(401);
    expect(none.body.error.code).toBe('UNAUTHENTICATED');
    expect((await http.get('/api/nominations').set('Authorization', 'Bearer not-a-jwt')).status).toBe(401);
    expect((await http.post('/api/auth/dev-token').send({ username: 'nobody' })).status).toBe(401);

    const other = await sut.post('u1.clerk', '/api/nominations', {
      awardCode: 'LAO_DONG_TIEN_TIEN',
      year: 2026,
      unitCode: 'U2',
      nominee: { kind: 'INDIVIDUAL', fullName: 'Trần Văn Bình' },
      achievements: 'Hoàn thành tốt nhiệm vụ được giao trong năm.',
    });
    expect(other.status).toBe(403);
    const wrongKind = await sut.post('u1.clerk', '/api/nominations', {
      awardCode: 'CO_THI_DUA_UBND_TP',
      year: 2026,
      nominee: { kind: 'INDIVIDUAL', fullName: 'Trần Văn Bình' },
      achievements: 'Hoàn thành tốt nhiệm vụ được giao trong năm.',
    });
    expect(wrongKind.status).toBe(400);
    expect(wrongKind.body.error.details[0].path).toBe('nominee.kind');

    const n = await sut.submit();
    expect((await sut.get('u2.clerk', `/api/nominations/${n.id}`)).status).toBe(404);
    expect((await sut.get('dept-b.reviewer', `/api/nominations/${n.id}`)).status).toBe(404);
    expect((await sut.get('dept-a.reviewer', `/api/nominations/${n.id}`)).status).toBe(200);
    expect((await sut.get('admin', `/api/nominations/${n.id}`)).status).toBe(200);
    expect((await sut.get('u1.clerk', `/api/nominations/${randomUUID()}`)).status).toBe(404);

    const listed = await sut.get('u3.clerk', '/api/nominations?pageSize=200');
    expect(listed.body.items.every((x: { unitCode: string }) => x.unitCode === 'U3')).toBe(true);
    const u1 = await sut.get('dept-a.reviewer', '/api/nominations?unitCode=U1&status=IN_REVIEW&pageSize=5');
    expect(u1.body).toMatchObject({ page: 1, pageSize: 5 });
    expect(u1.body.total).toBeGreaterThan(0);
  });

  it('health reports the database, Temporal and the worker up', async () => {
    const res = await request(sut.app.getHttpServer()).get('/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', database: 'up', temporal: 'up', worker: 'up' });
  });
});
