import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request, { type Response } from 'supertest';
import type { OrganisationDocument } from '../libs/domain/organisation-document';
import { Harness } from './support/harness';
import { until } from './support/until';

/**
 * The law, second pass (issue 19, catalogue 2026.1): a nomination's basis, the extraordinary one judged on
 * its one achievement, Bằng khen of the city chairman on two initiatives or two research projects, and a
 * state order proposed through the city's council and forwarded to the President.
 */
describe('the law, second pass', () => {
  let sut: Harness;
  beforeAll(async () => {
    sut = await Harness.start({ PUBLIC_POSTING_PERIOD: '2s', CONSULTATION_PERIOD: '3s' });
  });
  afterAll(async () => {
    // Every other test file runs on the demo organisation as the seed left it.
    if (sut) await putOrganisation(demoOrganisation());
    await sut?.close();
  });

  const putOrganisation = async (doc: OrganisationDocument) =>
    request(sut.app.getHttpServer())
      .put('/api/admin/organisation')
      .set('Authorization', `Bearer ${await sut.token('admin')}`)
      .send(doc);
  const demoOrganisation = (): OrganisationDocument =>
    JSON.parse(readFileSync(join(__dirname, '..', 'deploy', 'organisation.example.json'), 'utf8')) as OrganisationDocument;

  const ok = async (res: Response, status = 200): Promise<Response['body']> => {
    if (res.status !== status) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const unique = (name: string) => `${name} ${Date.now()}`;
  /** A submission that may be refused: its documents uploaded, its answer returned as it is. */
  const attempt = async (body: Record<string, unknown>) =>
    sut.post('u1.clerk', '/api/nominations', {
      documents: await sut.requiredDocuments('u1.clerk', body.awardCode as string),
      year: 2026,
      achievements: 'Thành tích đột xuất trong công tác bảo đảm cung ứng điện mùa nắng nóng.',
      ...body,
    });
  const approveUpTo = async (id: string, levels: readonly (readonly [string, string])[]) => {
    for (const [reviewer, level] of levels) await ok(await sut.decide(reviewer, id, { level, decision: 'APPROVE', comment: 'Đồng ý' }));
  };
  const BELOW_CITY = [
    ['u1.head', 'UNIT'],
    ['dept-a.reviewer', 'DEPARTMENT'],
    ['so.council', 'SO'],
  ] as const;

  it('a nomination is REGULAR unless it says otherwise, and shows its basis', async () => {
    const regular = await sut.submit('u1.clerk', { nominee: { kind: 'INDIVIDUAL', fullName: unique('Trần Văn Thường') } });
    expect(regular).toMatchObject({ basis: 'REGULAR', catalogueVersion: '2026.1' });
    const themed = await sut.submit('u1.clerk', { nominee: { kind: 'INDIVIDUAL', fullName: unique('Trần Văn Chuyên') }, basis: 'THEMED' });
    expect((await ok(await sut.get('u1.head', `/api/nominations/${themed.id}`))).basis).toBe('THEMED');
    expect((await sut.prisma.nomination.findUniqueOrThrow({ where: { id: themed.id } })).basis).toBe('THEMED');

    const bad = await attempt({ awardCode: 'BANG_KHEN_UBND_TP', nominee: { kind: 'INDIVIDUAL', fullName: 'Trần Văn Sai' }, basis: 'SPECIAL' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details).toEqual([expect.objectContaining({ path: 'basis' })]);
  });

  it('an extraordinary Bằng khen Thủ tướng is judged on its one achievement, without the years of history', async () => {
    const nominee = { kind: 'INDIVIDUAL', fullName: unique('Lê Thị Đột Xuất') };
    const regular = await attempt({ awardCode: 'BANG_KHEN_THU_TUONG', nominee });
    expect(regular.status).toBe(422);
    expect(regular.body.error.details.map((d: { path: string }) => d.path)).toContain('CITY_BANG_KHEN_BEFORE_PERIOD');

    const extraordinary = await ok(await attempt({ awardCode: 'BANG_KHEN_THU_TUONG', nominee, basis: 'EXTRAORDINARY' }), 201);
    expect(extraordinary).toMatchObject({ basis: 'EXTRAORDINARY', route: ['UNIT', 'DEPARTMENT', 'SO', 'CITY'] });
    expect(extraordinary.eligibility.criteria).toEqual([expect.objectContaining({ code: 'EXTRAORDINARY_ACHIEVEMENT', status: 'DECLARED' })]);
  });

  it('a title given on the year’s results is never extraordinary', async () => {
    const res = await attempt({ awardCode: 'CSTD_CO_SO', nominee: { kind: 'INDIVIDUAL', fullName: unique('Phạm Văn Năm') }, basis: 'EXTRAORDINARY' });
    expect(res.status).toBe(422);
    expect(res.body.error.details).toEqual([expect.objectContaining({ path: 'EXTRAORDINARY_ACHIEVEMENT' })]);
  });

  it('an extraordinary award enters the history as such and grounds no higher award', async () => {
    const name = unique('Đỗ Thị Một Lần');
    const n = await ok(
      await attempt({ awardCode: 'BANG_KHEN_UBND_TP', year: 2020, nominee: { kind: 'INDIVIDUAL', fullName: name }, basis: 'EXTRAORDINARY' }),
      201,
    );
    await approveUpTo(n.id, [...BELOW_CITY, ['city.board', 'CITY']]);
    expect(await sut.prisma.awardHistory.findFirst({ where: { nominationId: n.id } })).toMatchObject({ year: 2020, basis: 'EXTRAORDINARY' });

    const higher = await attempt({ awardCode: 'BANG_KHEN_THU_TUONG', nominee: { kind: 'INDIVIDUAL', fullName: name }, declarations: { rating: 'HTT' } });
    expect(higher.status).toBe(422);
    expect(higher.body.error.details.map((d: { path: string }) => d.path)).toContain('CITY_BANG_KHEN_BEFORE_PERIOD');
  });

  it('Bằng khen of the city chairman takes two initiatives or two research projects, not one of each', async () => {
    const oneOfEach = await attempt({
      awardCode: 'BANG_KHEN_UBND_TP',
      nominee: { kind: 'INDIVIDUAL', fullName: unique('Vũ Văn Hai Loại') },
      declarations: { rating: 'HTXS', initiatives: ['Sáng kiến quản lý cụm công nghiệp'], research: ['Đề tài khuyến công'] },
    });
    expect(oneOfEach.status).toBe(422);
    expect(oneOfEach.body.error.details).toEqual([expect.objectContaining({ path: 'CSTD_CO_SO_2_YEARS_OR_HTXS_2_INITIATIVES' })]);

    const twoResearch = await attempt({
      awardCode: 'BANG_KHEN_UBND_TP',
      nominee: { kind: 'INDIVIDUAL', fullName: unique('Vũ Văn Hai Đề Tài') },
      declarations: { rating: 'HTXS', research: ['Đề tài khuyến công', 'Đề tài xúc tiến thương mại'] },
    });
    expect(twoResearch.status).toBe(201);
  });

  it('Huân chương Lao động hạng Ba is posted, voted by the city council and forwarded to the President, priced ×2 for a collective', async () => {
    const team = unique('Phòng Quản lý Điện năng');
    await sut.prisma.awardHistory.createMany({
      data: [
        { fullName: team, unitCode: 'U1', awardCode: 'BANG_KHEN_THU_TUONG', year: 2020, decisionRef: 'QĐ 10/QĐ-TTg', source: 'SEED' },
        { fullName: team, unitCode: 'U1', awardCode: 'CO_THI_DUA_UBND_TP', year: 2024, decisionRef: 'QĐ 20/QĐ-UBND', source: 'SEED' },
      ],
    });
    const n = await sut.submit('u1.clerk', {
      awardCode: 'HUAN_CHUONG_LAO_DONG_HANG_BA',
      nominee: { kind: 'COLLECTIVE', name: team },
      declarations: { rating: 'HTXS' },
    });
    expect(n.eligibility).toMatchObject({ passed: true });
    await approveUpTo(n.id, BELOW_CITY);

    const atCity = await ok(await sut.get('city.board', `/api/nominations/${n.id}`));
    expect(atCity).toMatchObject({ currentLevel: 'CITY', posting: { open: true }, consultation: { open: true } });
    expect((await sut.decide('city.board', n.id, { level: 'CITY', decision: 'APPROVE' })).status).toBe(409);
    await until(
      async () => {
        const row = await sut.prisma.nomination.findUniqueOrThrow({ where: { id: n.id } });
        return (!row.postingOpen && !row.consultationOpen) || undefined;
      },
      'the posting and the consultation ended',
      20_000,
    );
    for (const member of ['city.board', 'city.member1', 'city.member2']) {
      await ok(await sut.post(member, `/api/nominations/${n.id}/votes`, { vote: 'FOR' }));
    }
    const forwarded = await ok(await sut.post('city.board', `/api/nominations/${n.id}/votes/close`, {}));
    expect(forwarded).toMatchObject({ status: 'FORWARDED', currentLevel: null });
    expect(forwarded.decisions.at(-1)).toMatchObject({ level: 'CITY', tally: { for: 3, membersTotal: 5, threshold: 0.5 } });

    const awards = await ok(await sut.get('u1.clerk', '/api/awards'));
    expect(awards.find((a: { code: string }) => a.code === 'HUAN_CHUONG_LAO_DONG_HANG_BA')).toMatchObject({
      forwardTo: 'CHU_TICH_NUOC',
      cashMultiples: { individual: 4.5, collective: 9 },
    });
  });

  it("an enterprise's director decides its own LĐTT at its level; its Bằng khen goes up as a unit's (Luật 06/2022 art. 80(4))", async () => {
    const doc = demoOrganisation();
    doc.orgs.push({ code: 'DN1', name: 'Công ty TNHH MTV Điện lực Thủ đô', kind: 'ENTERPRISE', parentCode: 'DEPT-A' });
    doc.users.push(
      { username: 'dn1.clerk', displayName: 'Ngô Thị Văn Thư', email: '', role: 'CLERK', orgCode: 'DN1', councilSeat: null },
      { username: 'dn1.director', displayName: 'Ngô Văn Giám Đốc', email: '', role: 'REVIEWER', orgCode: 'DN1', councilSeat: null },
    );
    await ok(await putOrganisation(doc));
    expect((await ok(await sut.get('admin', '/api/admin/organisation'))).orgs).toContainEqual(expect.objectContaining({ code: 'DN1', kind: 'ENTERPRISE' }));

    const ldtt = await sut.submit('dn1.clerk', {
      awardCode: 'LAO_DONG_TIEN_TIEN',
      nominee: { kind: 'INDIVIDUAL', fullName: unique('Ngô Văn Thợ') },
      declarations: { rating: 'HTT' },
    });
    expect(ldtt).toMatchObject({ unitCode: 'DN1', route: ['UNIT'], currentLevel: 'UNIT' });
    expect((await sut.get('dept-a.reviewer', `/api/nominations/${ldtt.id}`)).status).toBe(404);
    const decided = await ok(await sut.decide('dn1.director', ldtt.id, { level: 'UNIT', decision: 'APPROVE', comment: 'Đồng ý' }));
    expect(decided).toMatchObject({ status: 'APPROVED', currentLevel: null });

    const bangKhen = await sut.submit('dn1.clerk', { nominee: { kind: 'INDIVIDUAL', fullName: unique('Ngô Thị Kỹ Sư') } });
    expect(bangKhen.route).toEqual(['UNIT', 'DEPARTMENT', 'SO', 'CITY']);
    await ok(await sut.decide('dn1.director', bangKhen.id, { level: 'UNIT', decision: 'APPROVE', comment: 'Đồng ý' }));
    expect((await ok(await sut.get('dept-a.reviewer', `/api/nominations/${bangKhen.id}`))).currentLevel).toBe('DEPARTMENT');
    await ok(await sut.post('dn1.clerk', `/api/nominations/${bangKhen.id}/withdraw`, { reason: 'Dừng thử nghiệm' }));
  });
});
