import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { Harness } from './support/harness';

// Unit U3 and names of this file only: other files count on the demo's U1 history.
const LOC = 'Hà Văn Lộc';
const FAR_FUTURE = '2099-07-01';

describe('the catalogue, the base salary and the basis of award history', () => {
  let sut: Harness;
  beforeAll(async () => {
    sut = await Harness.start();
    await sut.startWorker();
  });
  afterAll(async () => {
    await sut.prisma.baseSalary.deleteMany({ where: { effectiveFrom: new Date(`${FAR_FUTURE}T00:00:00Z`) } });
    await sut.close();
  });

  const put = async (username: string, body: unknown) =>
    request(sut.app.getHttpServer())
      .put('/api/admin/base-salary')
      .set('Authorization', `Bearer ${await sut.token(username)}`)
      .send(body as object);

  describe('GET /api/awards', () => {
    it("lists today's awards with their dossier and their rules", async () => {
      const res = await sut.get('u1.clerk', '/api/awards');

      expect(res.status).toBe(200);
      expect(res.body).toHaveLength(14);
      expect(res.body.find((a: { code: string }) => a.code === 'BANG_KHEN_THU_TUONG')).toEqual(
        expect.objectContaining({
          name: 'Bằng khen của Thủ tướng Chính phủ',
          route: ['UNIT', 'DEPARTMENT', 'SO', 'CITY'],
          nomineeKinds: ['INDIVIDUAL', 'COLLECTIVE'],
          requiredDocuments: ['TO_TRINH', 'BAO_CAO_THANH_TICH', 'BIEN_BAN_HOP'],
          optionalDocuments: ['XAC_NHAN_SANG_KIEN', 'KHAC'],
          forwardTo: 'THU_TUONG',
          publicPostingWorkingDays: 10,
          consultation: { agencies: ['SNV', 'CATP'], workingDays: 5 },
          cashMultiples: expect.objectContaining({ individual: 3.5, collective: 7 }),
          councils: { CITY: expect.objectContaining({ threshold: 0.5, strict: true }) },
          extraordinary: expect.objectContaining({ legalBasis: expect.stringContaining('Điều 73') }),
        }),
      );
      expect(res.body.find((a: { code: string }) => a.code === 'HUAN_CHUONG_LAO_DONG_HANG_BA')).toEqual(
        expect.objectContaining({
          name: 'Huân chương Lao động hạng Ba',
          forwardTo: 'CHU_TICH_NUOC',
          councils: { CITY: expect.objectContaining({ threshold: 0.5 }) },
          cashMultiples: expect.objectContaining({ individual: 4.5, collective: 9, legalBasis: expect.stringContaining('Điều 51') }),
        }),
      );
      expect(res.body.find((a: { code: string }) => a.code === 'CO_THI_DUA_CHINH_PHU').cashMultiples).toMatchObject({ individual: null, collective: 12 });
      expect(res.body.find((a: { code: string }) => a.code === 'CSTD_CO_SO').enterpriseDecides).toMatchObject({
        legalBasis: expect.stringContaining('Điều 80 khoản 4'),
      });
    });

    it("names the city's regulation in force on the day asked, whatever the version cites", async () => {
      const early2024 = await sut.get('u1.clerk', '/api/awards?at=2024-03-01');
      const late2024 = await sut.get('u1.clerk', '/api/awards?at=2024-05-27');

      expect(early2024.body).toMatchObject({ version: '2024.1', localRegulation: { reference: 'Quyết định 09/2020/QĐ-UBND', until: '2024-05-26' } });
      expect(late2024.body).toMatchObject({ version: '2024.1', localRegulation: { reference: 'Quyết định 32/2024/QĐ-UBND', from: '2024-05-27' } });
    });

    it('gives the whole version in force on the day asked, 98/2023 before 1 July 2025 and 152/2025 from it', async () => {
      const before = await sut.get('u1.clerk', '/api/awards?at=2025-06-30');
      const from = await sut.get('u1.clerk', '/api/awards?at=2025-07-01');

      expect(before.status).toBe(200);
      expect(before.body).toMatchObject({ version: '2024.1', effectiveFrom: '2024-01-01', legalBasis: expect.stringContaining('98/2023') });
      expect(from.body).toMatchObject({
        version: '2025.1',
        effectiveFrom: '2025-07-01',
        legalBasis: expect.stringContaining('152/2025'),
        cashRounding: { direction: 'UP', unit: 10_000 },
      });
      const bangKhen = (body: { awards: { code: string; cashMultiples: unknown; eligibility: unknown; legalBasis: string }[] }) =>
        body.awards.find((a) => a.code === 'BANG_KHEN_UBND_TP')!;
      expect(bangKhen(before.body).cashMultiples).toMatchObject({ individual: 1, collective: 2 });
      expect(bangKhen(from.body).cashMultiples).toMatchObject({ individual: 1.5, collective: 3, legalBasis: expect.stringContaining('Điều 54') });
      expect(bangKhen(from.body).eligibility).toMatchObject({ rule: 'BANG_KHEN_UBND_TP', achievements: ['INITIATIVE', 'RESEARCH'] });
      const cstd = from.body.awards.find((a: { code: string }) => a.code === 'CSTD_CO_SO');
      expect(cstd).toMatchObject({ forwardTo: null, consultation: null, quota: expect.objectContaining({ fraction: 0.15 }) });
    });

    it('refuses a day that does not exist or an unknown parameter, and an anonymous caller', async () => {
      const bad = await sut.get('u1.clerk', '/api/awards?at=2025-02-30');
      const unknown = await sut.get('u1.clerk', '/api/awards?version=2025.1');
      const anonymous = await request(sut.app.getHttpServer()).get('/api/awards');

      expect(bad.status).toBe(400);
      expect(bad.body.error.details).toEqual([expect.objectContaining({ path: 'at' })]);
      expect(unknown.status).toBe(400);
      expect(anonymous.status).toBe(401);
    });
  });

  describe('the base salary', () => {
    it('is seeded with 2,340,000 from 1 July 2024', async () => {
      const res = await sut.get('admin', '/api/admin/base-salary');

      expect(res.status).toBe(200);
      expect(res.body).toEqual(expect.arrayContaining([{ amount: 2_340_000, effectiveFrom: '2024-07-01' }]));
    });

    it('an admin adds one from a day on; the same again changes nothing; another amount for that day is refused', async () => {
      const added = await put('admin', { amount: 2_530_000, effectiveFrom: FAR_FUTURE });
      const again = await put('admin', { amount: 2_530_000, effectiveFrom: FAR_FUTURE });
      const other = await put('admin', { amount: 2_600_000, effectiveFrom: FAR_FUTURE });

      expect(added.status).toBe(200);
      expect(added.body.at(-1)).toEqual({ amount: 2_530_000, effectiveFrom: FAR_FUTURE });
      expect(again.status).toBe(200);
      expect(again.body).toEqual(added.body);
      expect(other.status).toBe(409);
      expect(other.body.error.details).toEqual([expect.objectContaining({ path: 'effectiveFrom' })]);
      expect((await sut.get('admin', '/api/admin/base-salary')).body).toEqual(added.body);
    });

    it('refuses a bad amount or date, naming each, and anyone but an admin', async () => {
      const bad = await put('admin', { amount: 2_340_000.5, effectiveFrom: '2026-13-01' });
      const clerk = await put('u1.clerk', { amount: 2_530_000, effectiveFrom: '2098-07-01' });
      const read = await sut.get('u1.head', '/api/admin/base-salary');

      expect(bad.status).toBe(400);
      expect(bad.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual(['amount', 'effectiveFrom']);
      expect(clerk.status).toBe(403);
      expect(read.status).toBe(403);
    });
  });

  describe('award history basis', () => {
    const importCsv = async (text: string) =>
      request(sut.app.getHttpServer())
        .post('/api/admin/award-history/import')
        .set('Authorization', `Bearer ${await sut.token('admin')}`)
        .set('Content-Type', 'text/csv')
        .send(text);

    it('a themed Bằng khen imported by CSV is no ground for the Prime Minister’s', async () => {
      const header = 'fullName,unitCode,awardCode,year,decisionRef,basis';
      const rows = [`${LOC},U3,BANG_KHEN_UBND_TP,2019,QĐ 7/QĐ-UBND,THEMED`, ...[2022, 2023, 2025].map((y) => `${LOC},U3,CSTD_CO_SO,${y},QĐ ${y},`)];
      expect((await importCsv([header, ...rows].join('\n'))).status).toBe(200);
      expect((await sut.prisma.awardHistory.findMany({ where: { fullName: LOC }, orderBy: { year: 'asc' } })).map((h) => [h.awardCode, h.basis])).toEqual([
        ['BANG_KHEN_UBND_TP', 'THEMED'],
        ['CSTD_CO_SO', 'REGULAR'],
        ['CSTD_CO_SO', 'REGULAR'],
        ['CSTD_CO_SO', 'REGULAR'],
      ]);

      const res = await sut.post('u3.clerk', '/api/nominations', {
        awardCode: 'BANG_KHEN_THU_TUONG',
        year: 2026,
        nominee: { kind: 'INDIVIDUAL', fullName: LOC, position: 'Chuyên viên' },
        achievements: 'Năm năm liên tục hoàn thành tốt nhiệm vụ.',
        declarations: { rating: 'HTT' },
        requestId: `catalogue-${randomUUID()}`,
      });
      expect(res.status).toBe(422);
      expect(res.body.error.details.map((d: { path: string }) => d.path)).toEqual(['CITY_BANG_KHEN_BEFORE_PERIOD']);
    });

    it('an approval in a themed campaign enters the history as THEMED', async () => {
      const now = Date.now();
      const campaign = await sut.prisma.campaign.create({
        data: {
          code: `THEMED-${randomUUID().slice(0, 8)}`,
          name: 'Thi đua chuyên đề',
          year: 2026,
          kind: 'THEMED',
          awardCodes: ['GIAY_KHEN_GIAM_DOC_SO'],
          opensAt: new Date(now - 60_000),
          closesAt: new Date(now + 3_600_000),
          decisionDeadline: new Date(now + 7_200_000),
          status: 'OPEN',
          workflowId: `campaign-test-${randomUUID()}`,
          createdBy: 'admin',
        },
      });
      const nomination = await sut.submit('u1.clerk', {
        awardCode: 'GIAY_KHEN_GIAM_DOC_SO',
        campaignId: campaign.id,
        nominee: { kind: 'INDIVIDUAL', fullName: 'Phan Thị Chuyên Đề', position: 'Chuyên viên' },
        declarations: { rating: 'HTT' },
        requestId: `catalogue-${randomUUID()}`,
      });
      for (const [reviewer, level] of [
        ['u1.head', 'UNIT'],
        ['dept-a.reviewer', 'DEPARTMENT'],
        ['so.council', 'SO'],
      ] as const) {
        expect((await sut.decide(reviewer, nomination.id, { level, decision: 'APPROVE' })).status).toBe(200);
      }
      await sut.waitForRow(nomination.id, (row) => row.status === 'APPROVED');

      expect(await sut.prisma.awardHistory.findUnique({ where: { nominationId: nomination.id } })).toEqual(
        expect.objectContaining({ awardCode: 'GIAY_KHEN_GIAM_DOC_SO', basis: 'THEMED', source: 'NOMINATION' }),
      );
    });
  });
});
