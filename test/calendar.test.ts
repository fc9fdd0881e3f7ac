import request from 'supertest';
import { OFFICIAL_CALENDARS } from '../libs/calendar/official-calendars';
import { Harness } from './support/harness';

// 2026 as the government fixed it (DOMAIN.md): off 1–4 January with Saturday 10 January worked, Tết off 14–22 February.
const year2026 = {
  holidays: [
    '2026-01-01',
    '2026-01-02',
    '2026-02-16',
    '2026-02-17',
    '2026-02-18',
    '2026-02-19',
    '2026-02-20',
    '2026-04-27',
    '2026-04-30',
    '2026-05-01',
    '2026-09-01',
    '2026-09-02',
  ],
  workingWeekends: ['2026-01-10'],
};

describe('the working calendar', () => {
  let sut: Harness;
  beforeAll(async () => {
    sut = await Harness.start();
  });
  afterAll(async () => {
    // Other test files share the database: leave 2026 as the seed loaded it.
    const seeded = OFFICIAL_CALENDARS.get(2026)!;
    await sut.prisma.calendarYear.update({ where: { year: 2026 }, data: { ...seeded, updatedBy: 'seed' } });
    await sut.close();
  });

  const put = async (username: string, year: number | string, body: unknown) =>
    request(sut.app.getHttpServer())
      .put(`/api/admin/calendar/${year}`)
      .set('Authorization', `Bearer ${await sut.token(username)}`)
      .send(body as object);
  const workingDays = (username: string, query: string) => sut.get(username, `/api/calendar/working-days?${query}`);

  it('the seed has loaded 2026 as the government published it', async () => {
    const read = await sut.get('admin', '/api/admin/calendar/2026');

    expect(read.body).toEqual({ year: 2026, ...year2026, source: 'loaded' });
    expect(await sut.prisma.calendarYear.findUnique({ where: { year: 2026 } })).toEqual(expect.objectContaining({ updatedBy: 'seed' }));
  });

  it('an admin loads 2026 and reads it back as loaded, sorted, with who loaded it', async () => {
    const shuffled = { holidays: [...year2026.holidays].reverse(), workingWeekends: year2026.workingWeekends };

    const saved = await put('admin', 2026, shuffled);
    const read = await sut.get('admin', '/api/admin/calendar/2026');

    expect(saved.status).toBe(200);
    expect(read.status).toBe(200);
    expect(read.body).toEqual({ year: 2026, ...year2026, source: 'loaded' });
    expect(saved.body).toEqual(read.body);
    expect(await sut.prisma.calendarYear.findUnique({ where: { year: 2026 } })).toEqual(
      expect.objectContaining({ updatedBy: 'admin', holidays: year2026.holidays }),
    );
  });

  it('a year nobody loaded is computed, with its Tết block', async () => {
    const res = await sut.get('admin', '/api/admin/calendar/2027');

    expect(res.status).toBe(200);
    expect(res.body).toEqual({ year: 2027, holidays: expect.any(Array), workingWeekends: [], source: 'computed' });
    // 30 Tết Friday 5 February, 1–4 Tết from Saturday 6; the weekend made up on Wednesday 10 and Thursday 11.
    expect(res.body.holidays).toEqual(expect.arrayContaining(['2027-02-05', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11']));
  });

  it('refuses a date that does not exist, naming it, and keeps the year as it was', async () => {
    const res = await put('admin', 2026, { holidays: ['2026-01-01', '2026-01-02', '2026-02-30'], workingWeekends: [] });

    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(res.body.error.details).toEqual([{ path: 'holidays.2', message: expect.stringContaining('"2026-02-30"') }]);
    expect((await sut.get('admin', '/api/admin/calendar/2026')).body).toEqual({ year: 2026, ...year2026, source: 'loaded' });
  });

  it('refuses a weekend day listed as a holiday, and a date of another year', async () => {
    const res = await put('admin', 2026, { holidays: ['2026-02-14', '2027-01-01'], workingWeekends: [] });

    expect(res.status).toBe(400);
    expect(res.body.error.details.map((d: { path: string }) => d.path)).toEqual(['holidays.0', 'holidays.1']);
    expect(res.body.error.details[0].message).toContain('"2026-02-14"');
  });

  it('refuses a year outside 2000–2100 on the path', async () => {
    const res = await sut.get('admin', '/api/admin/calendar/1999');

    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual([expect.objectContaining({ path: 'year' })]);
  });

  it('lets no one but an admin read or change the calendar', async () => {
    const read = await sut.get('u1.head', '/api/admin/calendar/2026');
    const change = await put('u1.clerk', 2026, { holidays: [], workingWeekends: [] });

    expect(read.status).toBe(403);
    expect(change.status).toBe(403);
    expect(change.body.error.code).toBe('FORBIDDEN');
    expect((await sut.get('admin', '/api/admin/calendar/2026')).body.holidays).toEqual(year2026.holidays);
  });

  it('counts working days across the 2026 Tết block for any user', async () => {
    const res = await workingDays('u1.clerk', 'from=2026-02-13&days=1');
    const fromNewYear = await workingDays('u1.clerk', 'from=2025-12-31&days=1');
    const toSaturday = await workingDays('u1.clerk', 'from=2026-01-09&days=1');

    expect(res.status).toBe(200);
    expect(res.body).toEqual({ from: '2026-02-13', days: 1, date: '2026-02-23' });
    expect(fromNewYear.body.date).toBe('2026-01-05');
    expect(toSaturday.body.date).toBe('2026-01-10');
  });

  it('sees a change of the calendar at once', async () => {
    const shorterTet = { holidays: year2026.holidays.filter((d) => d !== '2026-02-20'), workingWeekends: year2026.workingWeekends };

    expect((await put('admin', 2026, shorterTet)).status).toBe(200);
    expect((await workingDays('u1.clerk', 'from=2026-02-13&days=1')).body.date).toBe('2026-02-20');
    expect((await put('admin', 2026, year2026)).status).toBe(200);
    expect((await workingDays('u1.clerk', 'from=2026-02-13&days=1')).body.date).toBe('2026-02-23');
  });

  it('refuses a bad working-days query, naming the field', async () => {
    const res = await workingDays('u1.clerk', 'from=2026-02-13&days=many');

    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual([expect.objectContaining({ path: 'days' })]);
  });

  it('needs a signed-in user', async () => {
    const res = await request(sut.app.getHttpServer()).get('/api/calendar/working-days?from=2026-02-13&days=1');

    expect(res.status).toBe(401);
  });
});
