import ExcelJS from 'exceljs';
import { randomUUID } from 'node:crypto';
import { Harness } from './support/harness';

/**
 * The year's figures against a known mix: nominations decided through the API (year 2019, which no other
 * test uses), and a year of rows written directly with hand-picked times around a holiday (2018).
 */
describe('statistics', () => {
  let sut: Harness;
  const YEAR = 2019;
  const ids: Record<string, string> = {};

  const submit = async (clerk: string, fullName: string) =>
    (
      await sut.submit(clerk, {
        awardCode: 'LAO_DONG_TIEN_TIEN',
        year: YEAR,
        nominee: { kind: 'INDIVIDUAL', fullName, position: 'Chuyên viên' },
        declarations: { rating: 'HTT' },
      })
    ).id;

  beforeAll(async () => {
    sut = await Harness.start();
    ids.approved = await submit('u1.clerk', 'Trần Văn Thống');
    ids.returned = await submit('u1.clerk', 'Lê Thị Kê');
    ids.rejected = await submit('u3.clerk', 'Phạm Văn Số');
    ids.withdrawn = await submit('u2.clerk', 'Hoàng Thị Liệu');
    ids.waiting = await submit('u2.clerk', 'Vũ Văn Bảng');
    expect((await sut.decide('u1.head', ids.approved, { level: 'UNIT', decision: 'APPROVE' })).status).toBe(200);
    expect((await sut.decide('u1.head', ids.returned, { level: 'UNIT', decision: 'RETURN', comment: 'Bổ sung biên bản họp' })).status).toBe(200);
    const reject = { level: 'UNIT', decision: 'REJECT', comment: 'Chưa đủ tiêu chuẩn', ground: 'CRITERIA_NOT_MET' };
    expect((await sut.decide('u3.head', ids.rejected, reject)).status).toBe(200);
    expect((await sut.post('u2.clerk', `/api/nominations/${ids.withdrawn}/withdraw`, { reason: 'Đơn vị rút hồ sơ' })).status).toBe(200);
    await sut.waitForRow(ids.withdrawn, (r) => r.status === 'WITHDRAWN');
  }, 120_000);

  afterAll(() => sut?.close());

  const statistics = async (username: string, query: string) => {
    const res = await sut.get(username, `/api/statistics?${query}`);
    expect(res.status).toBe(200);
    return res.body as { rows: Row[]; total: Omit<Row, 'key' | 'name'> };
  };
  type Row = Record<string, number | string | null> & { key: string; name: string };

  const zero = { awarded: 0, amount: 0 };

  it('counts every status, decision and unit of the year for an admin, with the units’ names', async () => {
    const body = await statistics('admin', `year=${YEAR}&by=unit`);
    const units = new Map((await sut.prisma.org.findMany()).map((o) => [o.code, o.name]));
    expect(body.rows.map((r) => r.key)).toEqual(['U1', 'U2', 'U3']);
    const [u1, u2, u3] = body.rows;
    expect(u1).toMatchObject({ name: units.get('U1'), submitted: 2, inReview: 1, returned: 1, approved: 0, decisions: 2, decidedOnTime: 2 });
    expect(u1).toMatchObject({ onTimeRate: 1, medianWorkingDays: 0, ...zero });
    expect(u2).toMatchObject({ submitted: 2, inReview: 1, withdrawn: 1, decisions: 0, decidedOnTime: 0, onTimeRate: null, medianWorkingDays: null });
    expect(u3).toMatchObject({ submitted: 1, rejected: 1, decisions: 1, decidedOnTime: 1 });
    expect(body.total).toMatchObject({ submitted: 5, inReview: 2, returned: 1, rejected: 1, withdrawn: 1, approved: 0, expired: 0, forwarded: 0 });
    expect(body.total).toMatchObject({ decisions: 3, decidedOnTime: 3, onTimeRate: 1, medianWorkingDays: 0, ...zero });
  });

  it('says where nominations wait, by level, and counts by month of submission', async () => {
    const byLevel = await statistics('admin', `year=${YEAR}&by=level`);
    expect(byLevel.rows.map((r) => [r.key, r.inReview, r.decisions])).toEqual([
      ['UNIT', 1, 3],
      ['DEPARTMENT', 1, 0],
    ]);
    const byMonth = await statistics('admin', `year=${YEAR}&by=month`);
    const month = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 7);
    expect(byMonth.rows).toEqual([expect.objectContaining({ key: month, name: `Tháng ${month.slice(5)}/${month.slice(0, 4)}`, submitted: 5, decisions: 3 })]);
  });

  it('agrees with the nomination list for each caller, who sees only what they may see', async () => {
    for (const username of ['admin', 'u1.head', 'dept-a.reviewer', 'dept-b.reviewer', 'so.council']) {
      const listed = await listedOfYear(username);
      const body = await statistics(username, `year=${YEAR}&by=unit`);
      const expected = new Map<string, Record<string, number>>();
      for (const n of listed) {
        const counts = expected.get(n.unitCode) ?? { submitted: 0, IN_REVIEW: 0, RETURNED: 0, REJECTED: 0, WITHDRAWN: 0 };
        counts.submitted!++;
        counts[n.status] = (counts[n.status] ?? 0) + 1;
        expected.set(n.unitCode, counts);
      }
      expect(body.rows.map((r) => r.key)).toEqual([...expected.keys()].sort());
      for (const row of body.rows) {
        const counts = expected.get(row.key)!;
        expect([username, row.key, row.submitted, row.inReview, row.returned, row.rejected, row.withdrawn]).toEqual([
          username,
          row.key,
          counts.submitted,
          counts.IN_REVIEW,
          counts.RETURNED,
          counts.REJECTED,
          counts.WITHDRAWN,
        ]);
      }
      expect(body.total.submitted).toBe(listed.length);
    }
    expect((await statistics('dept-b.reviewer', `year=${YEAR}&by=unit`)).rows.map((r) => r.key)).toEqual(['U3']);
  });

  /** Every nomination of the year the caller's list shows, page by page. */
  async function listedOfYear(username: string) {
    const items: { unitCode: string; status: string; year: number }[] = [];
    for (let page = 1; ; page++) {
      const res = await sut.get(username, `/api/nominations?page=${page}&pageSize=200`);
      const body = res.body as { items: typeof items; total: number };
      items.push(...body.items);
      if (items.length >= body.total || body.items.length === 0) break;
    }
    return items.filter((n) => n.year === YEAR);
  }

  it('counts on time and the median working days by the calendar, a holiday and a worked Saturday included', async () => {
    // 2018 as the government might publish it: Monday 3 September off, Saturday 8 September worked.
    const calendar = await sut.prisma.calendarYear.findUnique({ where: { year: 2018 } });
    expect((await putCalendar({ holidays: ['2018-09-03'], workingWeekends: ['2018-09-08'] })).status).toBe(200);
    try {
      const at = (day: string, time: string) => new Date(`${day}T${time}+07:00`);
      // X: submitted Thursday 30 August. UNIT decided Tuesday 4 September (31/8, 4/9: 2 working days), after
      // its deadline of the 3rd; DEPARTMENT Monday 10 September (5, 6, 7, Saturday 8, 10: 5), before its deadline.
      await written('U1', at('2018-08-30', '09:00'), [
        { level: 'UNIT', dueAt: at('2018-09-03', '23:59'), decidedAt: at('2018-09-04', '10:00') },
        { level: 'DEPARTMENT', dueAt: at('2018-09-11', '23:59'), decidedAt: at('2018-09-10', '15:00') },
      ]);
      // Y: decided the day it was submitted (0 working days), on time.
      await written('U1', at('2018-09-05', '08:00'), [{ level: 'UNIT', dueAt: at('2018-09-12', '23:59'), decidedAt: at('2018-09-05', '16:00') }]);
      const body = await statistics('admin', 'year=2018&by=unit');
      expect(body.rows).toEqual([
        expect.objectContaining({ key: 'U1', submitted: 2, decisions: 3, decidedOnTime: 2, onTimeRate: 0.6667, medianWorkingDays: 2 }),
      ]);
      const byLevel = await statistics('admin', 'year=2018&by=level');
      expect(byLevel.rows.map((r) => [r.key, r.decisions, r.decidedOnTime, r.medianWorkingDays])).toEqual([
        ['UNIT', 2, 1, 1],
        ['DEPARTMENT', 1, 1, 5],
      ]);
    } finally {
      if (calendar) await putCalendar({ holidays: calendar.holidays, workingWeekends: calendar.workingWeekends });
      else await sut.prisma.calendarYear.delete({ where: { year: 2018 } });
    }
  });

  const putCalendar = async (body: { holidays: string[]; workingWeekends: string[] }) =>
    (await import('supertest'))
      .default(sut.app.getHttpServer())
      .put('/api/admin/calendar/2018')
      .set('Authorization', `Bearer ${await sut.token('admin')}`)
      .send(body);

  /** A nomination of 2018 and its decisions, written as the transitions would: each level's deadline on the row, then the decision. */
  async function written(unitCode: string, createdAt: Date, decisions: { level: 'UNIT' | 'DEPARTMENT'; dueAt: Date; decidedAt: Date }[]) {
    const id = randomUUID();
    await sut.prisma.nomination.create({
      data: {
        id,
        awardCode: 'LAO_DONG_TIEN_TIEN',
        catalogueVersion: '2025.1',
        year: 2018,
        unitCode,
        nominee: { kind: 'INDIVIDUAL', fullName: `Thống Kê ${id.slice(0, 4)}` },
        achievements: 'Hoàn thành tốt nhiệm vụ được giao trong năm.',
        route: ['UNIT', 'DEPARTMENT', 'SO'],
        status: 'IN_REVIEW',
        currentLevel: 'UNIT',
        submittedBy: `${unitCode.toLowerCase()}.clerk`,
        requestId: randomUUID(),
        workflowId: `nomination-${id}`,
        createdAt,
      },
    });
    for (const [i, d] of decisions.entries()) {
      await sut.prisma.nomination.update({ where: { id }, data: { dueAt: d.dueAt, currentLevel: d.level } });
      await sut.prisma.decision.create({
        data: { nominationId: id, seq: i + 2, level: d.level, decision: 'APPROVE', reviewer: 'u1.head', requestId: randomUUID(), decidedAt: d.decidedAt },
      });
    }
  }

  it('gives the same table as an Excel workbook: Vietnamese headers, a row per unit, the total last, numbers as numbers', async () => {
    const res = await sut.download('admin', `/api/statistics.xlsx?year=${YEAR}&by=unit`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    // exceljs types its input as the older, non-generic Buffer.
    await workbook.xlsx.load(res.body as unknown as Parameters<typeof workbook.xlsx.load>[0]);
    const sheet = workbook.worksheets[0]!;
    const values = (row: number) => (sheet.getRow(row).values as unknown[]).slice(1);
    expect(values(1).slice(0, 4)).toEqual(['Mã', 'Đơn vị', 'Số hồ sơ', 'Đang xét duyệt']);
    expect(sheet.rowCount).toBe(1 + 3 + 1);
    expect(values(2).slice(0, 4)).toEqual(['U1', expect.any(String), 2, 1]);
    expect(values(5)[1]).toBe('Tổng cộng');
    expect(values(5)[2]).toBe(5);
  });

  it('counts award history per year and award for the trend', async () => {
    const rows = [
      ['Nguyễn Xu Hướng', 'LAO_DONG_TIEN_TIEN'],
      ['Trần Xu Hướng', 'LAO_DONG_TIEN_TIEN'],
      ['Lê Xu Hướng', 'GIAY_KHEN_GIAM_DOC_SO'],
    ];
    await sut.prisma.awardHistory.createMany({
      data: rows.map(([fullName, awardCode]) => ({
        fullName: fullName!,
        unitCode: 'U2',
        awardCode: awardCode!,
        year: 2016,
        decisionRef: '1/QĐ-SCT',
        source: 'IMPORT',
      })),
    });
    const res = await sut.get('admin', '/api/statistics/years?from=2015&to=2016&by=award');
    expect(res.status).toBe(200);
    expect((res.body as { rows: unknown[] }).rows).toEqual([
      { year: 2016, key: 'GIAY_KHEN_GIAM_DOC_SO', name: expect.stringContaining('Giấy khen'), count: 1 },
      { year: 2016, key: 'LAO_DONG_TIEN_TIEN', name: 'Danh hiệu Lao động tiên tiến', count: 2 },
    ]);
  });

  it('refuses a year that is not a number, an unknown grouping, a span over 20 years, and clerks', async () => {
    const refused = async (path: string, field: string) => {
      const res = await sut.get('admin', path);
      expect([path, res.status, (res.body as { error: { details: { path: string }[] } }).error.details.map((d) => d.path)]).toEqual([path, 400, [field]]);
    };
    await refused('/api/statistics?year=abc&by=unit', 'year');
    await refused('/api/statistics?year=2026&by=person', 'by');
    await refused('/api/statistics.xlsx?year=20x6', 'year');
    await refused('/api/statistics/years?from=2000&to=2030', 'to');
    await refused('/api/statistics/years?from=2026&to=2020', 'to');
    expect((await sut.get('u1.clerk', '/api/statistics?year=2026')).status).toBe(403);
  });
});
