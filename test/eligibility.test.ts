import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { Harness } from './support/harness';

// Unit U3 only: the demo's U1 history is what the quota and approval tests count on.
const HEADER = 'fullName,unitCode,awardCode,year,decisionRef';
const KHANH = 'Lương Văn Khánh';
const TOAN = 'Kiều Văn Toàn';
const NHUNG = 'Tô Thị Hồng Nhung';

describe('award history, holds and eligibility at submission', () => {
  let sut: Harness;
  beforeAll(async () => {
    sut = await Harness.start();
  });
  afterAll(() => sut.close());

  const importCsv = async (username: string, text: string, contentType = 'text/csv') =>
    request(sut.app.getHttpServer())
      .post('/api/admin/award-history/import')
      .set('Authorization', `Bearer ${await sut.token(username)}`)
      .set('Content-Type', contentType)
      .send(text);

  const stored = (fullName: string) =>
    sut.prisma.awardHistory.findMany({ where: { fullName, unitCode: 'U3' }, orderBy: [{ year: 'asc' }, { awardCode: 'asc' }] });

  const submitU3 = async (fullName: string, awardCode: string, declarations: Record<string, unknown>) =>
    sut.post('u3.clerk', '/api/nominations', {
      documents: await sut.requiredDocuments('u3.clerk', awardCode),
      awardCode,
      year: 2026,
      nominee: { kind: 'INDIVIDUAL', fullName, position: 'Chuyên viên' },
      achievements: 'Hoàn thành xuất sắc nhiệm vụ được giao, có sáng kiến được áp dụng.',
      declarations,
      requestId: `eligibility-${randomUUID()}`,
    });

  const goodFile = (decisionRef: string) =>
    [
      HEADER,
      `${KHANH},U3,CSTD_CO_SO,2024,"${decisionRef}"`,
      `${KHANH},U3,CSTD_CO_SO,2025,"${decisionRef}"`,
      `${KHANH},U3,CSTD_CO_SO,2026,"${decisionRef}"`,
      `${TOAN},U3,CSTD_CO_SO,2025,"${decisionRef}"`,
      `${TOAN},U3,LAO_DONG_TIEN_TIEN,2026,"${decisionRef}"`,
    ].join('\r\n');

  it('only an admin imports, reads history or puts a nominee on hold', async () => {
    const csv = await importCsv('u3.clerk', goodFile('QĐ 1/QĐ-SCT'));
    expect(csv.status).toBe(403);
    expect(csv.body.error.code).toBe('FORBIDDEN');
    expect((await sut.get('u3.head', '/api/admin/award-history')).status).toBe(403);
    const hold = await sut.post('dept-b.reviewer', '/api/admin/holds', {
      fullName: NHUNG,
      unitCode: 'U3',
      reason: 'Đang bị xem xét kỷ luật',
      until: '2099-12-31',
    });
    expect(hold.status).toBe(403);
    expect(await stored(KHANH)).toEqual([]);
    expect(await sut.prisma.hold.count({ where: { fullName: NHUNG } })).toBe(0);
  });

  it('a file with bad rows is refused whole, every bad row named by its line', async () => {
    const text = [
      HEADER,
      `${KHANH},U3,CSTD_CO_SO,2024,QĐ 1186/QĐ-SCT ngày 16/12/2024`,
      `${KHANH},U3,HUAN_CHUONG_LAO_DONG,2024,QĐ 1186/QĐ-SCT ngày 16/12/2024`,
      `${TOAN},U3,CSTD_CO_SO,2025,QĐ 1243/QĐ-SCT ngày 15/12/2025`,
      `${TOAN},U3,LAO_DONG_TIEN_TIEN,20x6,QĐ 1302/QĐ-SCT ngày 20/11/2026`,
    ].join('\n');
    const res = await importCsv('admin', text);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(res.body.error.details.map((d: { path: string }) => d.path)).toEqual(['line:3', 'line:5']);
    expect(await stored(KHANH)).toEqual([]);
    expect(await stored(TOAN)).toEqual([]);
  });

  it('a body that is not a CSV text is a 400', async () => {
    expect((await importCsv('admin', '')).status).toBe(400);
    const json = await sut.post('admin', '/api/admin/award-history/import', { csv: goodFile('QĐ 1') });
    expect(json.status).toBe(400);
    expect(json.body.error.code).toBe('VALIDATION_FAILED');
  });

  it('a good file is imported, listed, and importing it again corrects rather than doubles', async () => {
    const first = await importCsv('admin', `\uFEFF${goodFile('QĐ 1243/QĐ-SCT ngày 15/12/2025')}`);
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ imported: 5 });

    const listed = await sut.get('admin', `/api/admin/award-history?fullName=${encodeURIComponent(KHANH.normalize('NFD'))}&unitCode=U3`);
    expect(listed.status).toBe(200);
    expect(listed.body).toEqual(expect.objectContaining({ total: 3, page: 1 }));
    expect(listed.body.items.map((e: { awardCode: string; year: number }) => `${e.awardCode} ${e.year}`)).toEqual([
      'CSTD_CO_SO 2024',
      'CSTD_CO_SO 2025',
      'CSTD_CO_SO 2026',
    ]);

    const again = await importCsv('admin', goodFile('QĐ 1250/QĐ-SCT ngày 18/12/2025, đính chính'));
    expect(again.body).toEqual({ imported: 5 });
    const rows = await stored(KHANH);
    expect(rows).toHaveLength(3);
    expect(rows.every((r) => r.decisionRef === 'QĐ 1250/QĐ-SCT ngày 18/12/2025, đính chính')).toBe(true);
  });

  it('a hold is checked: unknown unit and elapsed date are refused', async () => {
    const unknownUnit = await sut.post('admin', '/api/admin/holds', { fullName: NHUNG, unitCode: 'U9', reason: 'Đang bị thanh tra', until: '2099-12-31' });
    expect(unknownUnit.status).toBe(400);
    expect(unknownUnit.body.error.details[0].path).toBe('unitCode');
    const elapsed = await sut.post('admin', '/api/admin/holds', { fullName: NHUNG, unitCode: 'U3', reason: 'Đang bị thanh tra', until: '2020-01-01' });
    expect(elapsed.status).toBe(400);
    expect(elapsed.body.error.details[0].path).toBe('until');
    const notADate = await sut.post('admin', '/api/admin/holds', { fullName: NHUNG, unitCode: 'U3', reason: 'Đang bị thanh tra', until: '2099-02-30' });
    expect(notADate.status).toBe(400);
  });

  it('a nominee on hold is refused with ON_HOLD, without the reason', async () => {
    const until = `${new Date().getUTCFullYear() + 1}-06-30`;
    const hold = await sut.post('admin', '/api/admin/holds', { fullName: NHUNG, unitCode: 'U3', reason: 'Đang bị xem xét kỷ luật', until });
    expect(hold.status).toBe(201);
    expect(hold.body).toEqual(expect.objectContaining({ id: expect.any(String), fullName: NHUNG, unitCode: 'U3', until, createdBy: 'admin' }));

    const res = await submitU3(NHUNG, 'LAO_DONG_TIEN_TIEN', { rating: 'HTXS' });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('NOT_ELIGIBLE');
    expect(res.body.error.details).toEqual([{ path: 'ON_HOLD', message: expect.stringContaining('không xét khen thưởng') }]);
    expect(JSON.stringify(res.body)).not.toContain('Đang bị xem xét kỷ luật');
  });

  it('an ineligible submission lists every unmet criterion, and nothing is created', async () => {
    const before = await sut.prisma.nomination.count();
    const res = await submitU3(TOAN, 'CSTD_THANH_PHO', { rating: 'HTXS' });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('NOT_ELIGIBLE');
    expect(res.body.error.details).toEqual([
      { path: 'CSTD_CO_SO_3_CONSECUTIVE_YEARS', message: expect.stringContaining('thiếu năm 2024, 2026') },
      { path: 'INITIATIVE_CITY_WIDE', message: expect.stringContaining('sáng kiến') },
    ]);
    expect(await sut.prisma.nomination.count()).toBe(before);
  });

  it('an eligible submission goes through, carrying the criteria checked', async () => {
    const res = await submitU3(KHANH, 'CSTD_THANH_PHO', { rating: 'HTXS', initiatives: ['Phần mềm theo dõi hồ sơ khuyến công dùng chung toàn thành phố'] });
    expect(res.status).toBe(201);
    expect(res.body.eligibility).toEqual({
      passed: true,
      criteria: [
        expect.objectContaining({ code: 'CSTD_CO_SO_3_CONSECUTIVE_YEARS', status: 'MET' }),
        expect.objectContaining({ code: 'INITIATIVE_CITY_WIDE', status: 'DECLARED' }),
      ],
    });
  });
});
