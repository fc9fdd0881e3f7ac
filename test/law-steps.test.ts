import request from 'supertest';
import { Harness } from './support/harness';
import { until } from './support/until';
import type { Response } from 'supertest';

/**
 * The steps the law adds (workflow v5): a state-level award posted publicly, its agencies consulted in
 * parallel, forwarded by the city and recorded when the central decision comes; a hold placed while in
 * review suspends the level and its lifting resumes it with the deadline moved.
 */
describe('the law’s steps in the workflow', () => {
  let sut: Harness;
  beforeAll(async () => {
    sut = await Harness.start({ PUBLIC_POSTING_PERIOD: '4s', CONSULTATION_PERIOD: '8s' });
  });
  afterAll(() => sut?.close());

  // supertest's body is untyped JSON: the checks below read it as the API documents it.
  const ok = async (res: Response, status = 200): Promise<Response['body']> => {
    if (res.status !== status) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const approve = (reviewer: string, id: string, level: string) => sut.decide(reviewer, id, { level, decision: 'APPROVE', comment: 'Đồng ý' });

  it('posts a Bằng khen Thủ tướng, gathers objections and opinions, forwards it, then records the central decision', async () => {
    const team = `Phòng Kỹ thuật ${Date.now()}`;
    // The city's Bằng khen more than five years before: the collective's eligibility for the Prime Minister's.
    await sut.prisma.awardHistory.create({ data: { fullName: team, unitCode: 'U1', awardCode: 'BANG_KHEN_UBND_TP', year: 2020, decisionRef: 'QĐ 100/QĐ-UBND', source: 'SEED' } });
    const n = await sut.submit('u1.clerk', { awardCode: 'BANG_KHEN_THU_TUONG', nominee: { kind: 'COLLECTIVE', name: team }, declarations: { rating: 'HTXS' } });
    for (const [reviewer, level] of [['u1.head', 'UNIT'], ['dept-a.reviewer', 'DEPARTMENT'], ['so.council', 'SO']] as const) await ok(await approve(reviewer, n.id, level));

    const atCity = await ok(await sut.get('city.board', `/api/nominations/${n.id}`));
    expect(atCity).toMatchObject({ currentLevel: 'CITY', posting: { open: true }, consultation: { open: true } });
    expect(atCity.consultation.opinions).toEqual([
      { agency: 'CATP', answer: null, comment: null, answeredAt: null },
      { agency: 'SNV', answer: null, comment: null, answeredAt: null },
    ]);

    const postings = await ok(await sut.get('u3.clerk', '/api/postings'));
    expect(postings.items).toContainEqual(expect.objectContaining({ nominationId: n.id, nominee: { kind: 'COLLECTIVE', name: team }, awardCode: 'BANG_KHEN_THU_TUONG', unitCode: 'U1', postingEndsAt: atCity.posting.endsAt }));
    await ok(await sut.post('u3.clerk', `/api/nominations/${n.id}/objections`, { text: 'Đề nghị làm rõ thành tích năm 2024' }), 201);

    const early = await approve('city.board', n.id, 'CITY');
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('INVALID_STATE');

    await ok(await sut.post('snv.officer', `/api/nominations/${n.id}/opinions`, { answer: 'AGREE', comment: 'Thống nhất' }));
    expect((await sut.post('snv.officer', `/api/nominations/${n.id}/opinions`, { answer: 'DISAGREE' })).status).toBe(409);
    expect((await sut.post('dept-a.deputy', `/api/nominations/${n.id}/opinions`, { answer: 'AGREE' })).status).toBe(403);

    // The posting ends first; the consultation then closes at its deadline without the police's answer.
    await until(async () => (await sut.prisma.nomination.findUniqueOrThrow({ where: { id: n.id } })).postingOpen === false || undefined, 'the posting ended', 20_000);
    expect((await approve('city.board', n.id, 'CITY')).status).toBe(409);
    await until(async () => (await sut.prisma.nomination.findUniqueOrThrow({ where: { id: n.id } })).consultationOpen === false || undefined, 'the consultation closed', 20_000);

    const ready = await ok(await sut.get('city.board', `/api/nominations/${n.id}`));
    expect(ready.objections).toEqual([expect.objectContaining({ author: 'u3.clerk', text: 'Đề nghị làm rõ thành tích năm 2024' })]);
    expect(ready.consultation.opinions).toEqual([
      { agency: 'CATP', answer: null, comment: null, answeredAt: null },
      { agency: 'SNV', answer: 'AGREE', comment: 'Thống nhất', answeredAt: expect.any(String) },
    ]);
    expect((await ok(await sut.get('u1.clerk', `/api/nominations/${n.id}`))).objections).toBeUndefined();

    const forwarded = await ok(await approve('city.board', n.id, 'CITY'));
    expect(forwarded).toMatchObject({ status: 'FORWARDED', currentLevel: null });
    expect(await sut.prisma.awardHistory.count({ where: { nominationId: n.id } })).toBe(0);

    const decision = { decisionRef: 'QĐ 1234/QĐ-TTg', decidedOn: '2026-12-20', outcome: 'APPROVED' };
    expect((await sut.post('u1.clerk', `/api/nominations/${n.id}/external-decision`, decision)).status).toBe(403);
    const approved = await ok(await sut.post('admin', `/api/nominations/${n.id}/external-decision`, decision));
    expect(approved).toMatchObject({ status: 'APPROVED', externalDecision: { decisionRef: 'QĐ 1234/QĐ-TTg', decidedOn: '2026-12-20' } });
    expect(await sut.prisma.awardHistory.findFirst({ where: { nominationId: n.id } })).toMatchObject({ awardCode: 'BANG_KHEN_THU_TUONG', decisionRef: 'QĐ 1234/QĐ-TTg' });
    expect((await sut.post('admin', `/api/nominations/${n.id}/external-decision`, decision)).status).toBe(409);
  });

  it('a hold recorded mid-review suspends the level, and lifting it resumes it with the deadline moved', async () => {
    const person = `Lê Văn Tạm ${Date.now()}`;
    const n = await sut.submit('u1.clerk', { awardCode: 'GIAY_KHEN_GIAM_DOC_SO', nominee: { kind: 'INDIVIDUAL', fullName: person }, declarations: { rating: 'HTT' } });
    await ok(await approve('u1.head', n.id, 'UNIT'));
    const before = await until(async () => {
      const row = await sut.prisma.nomination.findUniqueOrThrow({ where: { id: n.id } });
      return row.version >= 2 ? row : undefined;
    }, 'the unit’s approval committed');

    const hold = await ok(await sut.post('admin', '/api/admin/holds', { fullName: person, unitCode: 'U1', reason: 'Đang bị thanh tra', until: '2099-12-31' }), 201);
    await until(async () => (await sut.prisma.nomination.findUniqueOrThrow({ where: { id: n.id } })).suspendedSince || undefined, 'suspended');
    const refused = await approve('dept-a.reviewer', n.id, 'DEPARTMENT');
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('ON_HOLD');
    const stuck = await ok(await sut.get('admin', '/api/admin/stuck'));
    expect(stuck.items).toContainEqual(expect.objectContaining({ nominationId: n.id, kind: 'ON_HOLD', reason: expect.stringContaining('Đang bị thanh tra') }));
    expect((await ok(await sut.get('admin', '/api/admin/holds'))).items).toContainEqual(expect.objectContaining({ id: hold.id }));

    await new Promise((r) => setTimeout(r, 1500));
    const lifted = await request(sut.app.getHttpServer()).delete(`/api/admin/holds/${hold.id}`).set('Authorization', `Bearer ${await sut.token('admin')}`);
    expect(lifted.status).toBe(204);
    const after = await until(async () => {
      const row = await sut.prisma.nomination.findUniqueOrThrow({ where: { id: n.id } });
      return row.suspendedSince === null ? row : undefined;
    }, 'resumed');
    expect(after.dueAt!.getTime() - before.dueAt!.getTime()).toBeGreaterThanOrEqual(1500);
    expect((await ok(await approve('dept-a.reviewer', n.id, 'DEPARTMENT'))).currentLevel).toBe('SO');
  });
});
