import type { INestApplication } from '@nestjs/common';
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import request from 'supertest';
import { createApiApp } from '../apps/api/app.factory';
import { PrismaClient } from '../libs/db/generated/client';
import { createDatabase, databaseUrl, dropDatabase, migrateDatabase } from '../libs/devtools/migrate';
import type { OrganisationDocument } from '../libs/domain/organisation-document';
import { PROJECT_ROOT } from './setup/paths';
import { Harness } from './support/harness';

const EXAMPLE_FILE = join(PROJECT_ROOT, 'deploy', 'organisation.example.json');
const example = (): OrganisationDocument => JSON.parse(readFileSync(EXAMPLE_FILE, 'utf8')) as OrganisationDocument;
const CSV_HEADER = 'username,displayName,email,role,orgCode,councilSeat';

/** The demo organisation with one more unit under DEPT-B, its clerk and its head. */
const withUnitU9 = (): OrganisationDocument => {
  const doc = example();
  doc.orgs.push({ code: 'U9', name: 'Trung tâm Thử nghiệm', kind: 'UNIT', parentCode: 'DEPT-B' });
  doc.users.push(
    { username: 'u9.clerk', displayName: 'Mai Văn Chín', email: 'u9.clerk@example.vn', role: 'CLERK', orgCode: 'U9', councilSeat: null },
    { username: 'u9.head', displayName: 'Mai Thị Chín', email: '', role: 'REVIEWER', orgCode: 'U9', councilSeat: null },
  );
  return doc;
};

describe('the organisation and its people (API.md "The organisation and its people")', () => {
  let sut: Harness;

  beforeAll(async () => {
    sut = await Harness.start();
  });
  afterAll(async () => {
    // Every other test file runs on the demo organisation as the seed left it.
    await answered(put(example()), 200);
    await sut.close();
  });

  const auth = async (username: string) => `Bearer ${await sut.token(username)}`;
  const put = async (body: unknown, app: INestApplication = sut.app) =>
    request(app.getHttpServer())
      .put('/api/admin/organisation')
      .set('Authorization', await auth('admin'))
      .send(body as object);
  /** The answer, once its status is the one expected (the body shown when it is not). */
  const answered = async (pending: Promise<request.Response>, status: number) => {
    const res = await pending;
    expect({ status: res.status, body: res.body as unknown }).toMatchObject({ status });
    return res;
  };
  const postCsv = async (text: string) =>
    request(sut.app.getHttpServer())
      .post('/api/admin/organisation/users.csv')
      .set('Authorization', await auth('admin'))
      .set('Content-Type', 'text/csv')
      .send(text);
  /** Every row of both tables, for "nothing changed". */
  const snapshot = async () => ({
    orgs: await sut.prisma.org.findMany({ orderBy: { code: 'asc' } }),
    users: await sut.prisma.user.findMany({ orderBy: { username: 'asc' } }),
  });
  const details = (res: request.Response) => (res.body as { error: { details: { path: string; message: string }[] } }).error.details;

  it('shows the organisation to admins only, with every user and whether they are active', async () => {
    const res = await answered(sut.get('admin', '/api/admin/organisation'), 200);
    const body = res.body as { orgs: { code: string; active: boolean }[]; users: { username: string; councilSeat: string | null; active: boolean }[] };
    expect(body.orgs).toContainEqual({ code: 'U1', name: expect.any(String), kind: 'UNIT', parentCode: 'DEPT-A', active: true });
    expect(body.users).toContainEqual(
      expect.objectContaining({ username: 'so.council', role: 'REVIEWER', orgCode: 'SCT', councilSeat: 'CHAIR', active: true }),
    );
    await answered(sut.get('u1.clerk', '/api/admin/organisation'), 403);
    await request(sut.app.getHttpServer())
      .put('/api/admin/organisation')
      .set('Authorization', await auth('u1.head'))
      .send(example())
      .expect(403);
  });

  it('the example file imports cleanly over the seed and changes nothing, however often it is sent', async () => {
    const before = await snapshot();
    for (let i = 0; i < 2; i++) {
      const res = await answered(put(example()), 200);
      expect(res.body).toEqual({ orgs: example().orgs.length, users: example().users.length, deactivated: { orgs: [], users: [] } });
    }
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a document listing every problem with its path, and changes nothing', async () => {
    const doc = example();
    const at = (code: string) => doc.orgs.findIndex((o) => o.code === code);
    doc.orgs[at('U2')]!.parentCode = 'SCT';
    doc.orgs[at('SNV')]!.parentCode = 'DEPT-A';
    doc.orgs.push(
      { code: 'U1', name: 'Trùng mã', kind: 'UNIT', parentCode: 'DEPT-A' },
      { code: 'HN2', name: 'Thành phố khác', kind: 'CITY', parentCode: null },
    );
    const users = doc.users.length;
    doc.users.push(
      { username: 'u1.clerk', displayName: 'Trùng tên', email: '', role: 'CLERK', orgCode: 'U1', councilSeat: null },
      { username: 'x.lost', displayName: 'Không đơn vị', email: '', role: 'CLERK', orgCode: 'U404', councilSeat: null },
      { username: 'x.clerk', displayName: 'Văn thư ở Sở', email: '', role: 'CLERK', orgCode: 'SCT', councilSeat: null },
      { username: 'x.chair', displayName: 'Chủ tịch thứ hai', email: '', role: 'REVIEWER', orgCode: 'HN', councilSeat: 'CHAIR' },
      { username: 'x.mail', displayName: 'Sai email', email: 'không-phải-email', role: 'STAFF', orgCode: 'U1', councilSeat: null },
    );
    const before = await snapshot();

    const res = await answered(put(doc), 400);

    expect((res.body as { error: { code: string } }).error.code).toBe('VALIDATION_FAILED');
    expect(details(res).map((d) => d.path)).toEqual([
      `orgs[${at('U2')}].parentCode`,
      `orgs[${at('SNV')}].parentCode`,
      `orgs[${doc.orgs.length - 2}].code`,
      `orgs[${doc.orgs.length - 1}].kind`,
      `users[${users}].username`,
      `users[${users + 1}].orgCode`,
      `users[${users + 2}].role`,
      `users[${users + 3}].councilSeat`,
      `users[${users + 4}].email`,
    ]);
    expect(details(res).every((d) => d.message.length > 0)).toBe(true);
    expect(await snapshot()).toEqual(before);
  });

  it('deactivates whoever a document leaves out, never deletes them, and their token is refused from the next request, in every process', async () => {
    const added = await answered(put(withUnitU9()), 200);
    expect(added.body).toEqual({ orgs: example().orgs.length + 1, users: example().users.length + 2, deactivated: { orgs: [], users: [] } });
    const token = await sut.token('u9.clerk');
    // A second API process that has read the organisation (cached) and let u9.clerk in.
    const other = await createApiApp(sut.config, ['error']);
    await other.init();
    try {
      await request(other.getHttpServer()).get('/api/org/units').set('Authorization', `Bearer ${token}`).expect(200);
      await request(other.getHttpServer()).get('/api/auth/me').set('Authorization', `Bearer ${token}`).expect(200);

      const dropped = await answered(put(example()), 200);

      expect(dropped.body).toEqual({
        orgs: example().orgs.length,
        users: example().users.length,
        deactivated: { orgs: ['U9'], users: ['u9.clerk', 'u9.head'] },
      });
      // On the audit trail, in the import's own transaction: who imported, and whom it deactivated.
      const event = await sut.prisma.auditEvent.findFirst({ where: { kind: 'ORGANISATION_IMPORTED' }, orderBy: { chainSeq: 'desc' } });
      expect(event).toMatchObject({ actor: 'admin', subject: 'organisation', data: { deactivated: { users: ['u9.clerk', 'u9.head'] } } });
      for (const app of [sut.app, other]) {
        const refused = await request(app.getHttpServer()).get('/api/auth/me').set('Authorization', `Bearer ${token}`);
        expect(refused.status).toBe(401);
      }
      await request(sut.app.getHttpServer()).post('/api/auth/dev-token').send({ username: 'u9.clerk' }).expect(401);
    } finally {
      await other.close();
    }
    expect(await sut.prisma.user.findUnique({ where: { username: 'u9.head' } })).toMatchObject({ active: false, orgCode: 'U9' });
    const organisation = (await answered(sut.get('admin', '/api/admin/organisation'), 200)).body as { orgs: { code: string; active: boolean }[] };
    expect(organisation.orgs.find((o) => o.code === 'U9')).toMatchObject({ active: false });
    // Left out of the tree new work is offered from.
    const units = JSON.stringify((await answered(sut.get('u1.clerk', '/api/org/units'), 200)).body);
    expect(units).toContain('"U1"');
    expect(units).not.toContain('"U9"');
    // The same document again changes nothing; bringing them back reactivates them.
    expect((await answered(put(example()), 200)).body).toMatchObject({ deactivated: { orgs: [], users: [] } });
    await answered(put(withUnitU9()), 200);
    expect(await sut.prisma.user.findUnique({ where: { username: 'u9.head' } })).toMatchObject({ active: true });
    await request(sut.app.getHttpServer()).get('/api/auth/me').set('Authorization', `Bearer ${token}`).expect(200);
  });

  it('refuses to leave out a unit that still has nominations in review, naming it and the count', async () => {
    const { id } = await sut.submit('u9.clerk');
    const before = await snapshot();

    const res = await answered(put(example()), 400);

    expect(details(res)).toEqual([{ path: 'orgs', message: expect.stringMatching(/U9.*1 hồ sơ/) }]);
    expect(await snapshot()).toEqual(before);
    await answered(sut.post('u9.clerk', `/api/nominations/${id}/withdraw`, { reason: 'Đơn vị rút hồ sơ', requestId: randomUUID() }), 200);
    await sut.waitForRow(id, (row) => row.status === 'WITHDRAWN');
    expect((await answered(put(example()), 200)).body).toMatchObject({ deactivated: { orgs: ['U9'], users: ['u9.clerk', 'u9.head'] } });
  });

  it('never strands a nomination whose reviewer an import deactivates: the stuck view shows it waiting on nobody until an admin gives the level to someone else', async () => {
    await answered(put(withUnitU9()), 200);
    const { id } = await sut.submit('u9.clerk');
    await sut.waitForRow(id, (row) => row.status === 'IN_REVIEW');
    const withoutHead = withUnitU9();
    withoutHead.users = withoutHead.users.filter((u) => u.username !== 'u9.head');
    withoutHead.users.push({ username: 'u9.staff', displayName: 'Mai Văn Mười', email: '', role: 'STAFF', orgCode: 'U9', councilSeat: null });

    expect((await answered(put(withoutHead), 200)).body).toMatchObject({ deactivated: { orgs: [], users: ['u9.head'] } });

    type Stuck = { items: { nominationId: string; kind: string; reason: string; waitingOn: string[]; unitName?: string }[] };
    const stuck = async () =>
      ((await answered(sut.get('admin', '/api/admin/stuck?unitCode=U9'), 200)).body as Stuck).items.filter((i) => i.nominationId === id);
    expect(await stuck()).toEqual([
      expect.objectContaining({
        kind: 'NO_REVIEWER',
        waitingOn: [],
        unitName: 'Trung tâm Thử nghiệm',
        reason: expect.stringContaining('Trung tâm Thử nghiệm'),
      }),
    ]);
    await answered(sut.post('admin', `/api/admin/nominations/${id}/reassign`, { level: 'UNIT', reviewer: 'u9.staff', reason: 'Trưởng đơn vị đã nghỉ' }), 200);
    expect(await stuck()).toEqual([]);
    await answered(sut.post('u9.clerk', `/api/nominations/${id}/withdraw`, { reason: 'Đơn vị rút hồ sơ', requestId: randomUUID() }), 200);
    await sut.waitForRow(id, (row) => row.status === 'WITHDRAWN');
    await answered(put(example()), 200);
  });

  it('adds and updates users from a CSV file without removing anyone', async () => {
    const before = await sut.prisma.user.count({ where: { active: true } });
    const res = await postCsv(
      `${CSV_HEADER}\r\ncsv.clerk,Phan Văn Tệp,csv.clerk@example.vn,CLERK,U1,\r\ndept-a.deputy,"Lương Văn Tiến, phó phòng",,STAFF,DEPT-A,\r\n`,
    );
    expect({ status: res.status, body: res.body as unknown }).toEqual({ status: 200, body: { imported: 2 } });
    expect(await sut.prisma.user.count({ where: { active: true } })).toBe(before + 1);
    expect(await sut.prisma.user.findUnique({ where: { username: 'dept-a.deputy' } })).toMatchObject({ displayName: 'Lương Văn Tiến, phó phòng', email: '' });
    await answered(sut.get('csv.clerk', '/api/auth/me'), 200);
  });

  it('refuses a CSV file with any bad line, reporting each by its number, and imports nothing', async () => {
    const before = await snapshot();
    const res = await postCsv(
      [
        CSV_HEADER,
        'csv.new,Người Mới,,CLERK,U1,',
        'csv.bad,Sai vai trò,,BOSS,U1,',
        'csv.lost,Không đơn vị,,CLERK,U404,',
        'csv.chair,Chủ tịch thứ hai,,REVIEWER,SCT,CHAIR',
        'csv.new,Trùng dòng 2,,CLERK,U2,',
        'csv.short,Thiếu cột',
        'csv.sodept,Văn thư ở phòng,,CLERK,DEPT-A,',
      ].join('\n'),
    );
    expect(res.status).toBe(400);
    // Lines the parser refuses come first; those the organisation refuses need the whole file read.
    expect(details(res).map((d) => d.path)).toEqual(['line:3', 'line:7']);
    expect(await snapshot()).toEqual(before);

    const rules = await postCsv(
      [
        CSV_HEADER,
        'csv.new,Người Mới,,CLERK,U1,',
        'csv.lost,Không đơn vị,,CLERK,U404,',
        'csv.chair,Chủ tịch thứ hai,,REVIEWER,SCT,CHAIR',
        'csv.new,Trùng dòng 2,,CLERK,U2,',
        'csv.sodept,Văn thư ở phòng,,CLERK,DEPT-A,',
      ].join('\n'),
    );
    expect(rules.status).toBe(400);
    expect(details(rules)).toEqual([
      { path: 'line:3', message: expect.stringMatching(/^orgCode: /) },
      { path: 'line:4', message: expect.stringMatching(/^councilSeat: .*so\.council/) },
      { path: 'line:5', message: expect.stringMatching(/^username: .*line:2/) },
      { path: 'line:6', message: expect.stringMatching(/^role: /) },
    ]);
    expect(await snapshot()).toEqual(before);
    await request(sut.app.getHttpServer())
      .post('/api/admin/organisation/users.csv')
      .set('Authorization', await auth('admin'))
      .send({ csv: 'no' })
      .expect(400);
  });
});

const server = process.env.TEST_DATABASE_URL;

/** `npm run org:import` is `npm run build && node dist/scripts/org-import.js`: this runs the second half, as the compose job does. */
(server ? describe : describe.skip)('npm run org:import on a new installation', () => {
  const name = `tdkt_orgimport_${Date.now()}_${process.pid}`;
  const url = databaseUrl(server ?? 'postgresql://unused', name);
  const dir = mkdtempSync(join(tmpdir(), 'tdkt-org-import-'));
  let prisma: PrismaClient;

  beforeAll(async () => {
    const build = spawnSync(process.execPath, [join(PROJECT_ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'], {
      cwd: PROJECT_ROOT,
      encoding: 'utf8',
    });
    if (build.status !== 0) throw new Error(`tsc failed:\n${build.stdout}\n${build.stderr}`);
    await createDatabase(server!, name);
    await migrateDatabase(PROJECT_ROOT, url);
    prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
  }, 180_000);
  afterAll(async () => {
    await prisma?.$disconnect();
    await dropDatabase(server!, name);
    rmSync(dir, { recursive: true, force: true });
  });

  const run = (...args: string[]) =>
    spawnSync(process.execPath, ['dist/scripts/org-import.js', ...args], { cwd: PROJECT_ROOT, env: { ...process.env, DATABASE_URL: url }, encoding: 'utf8' });
  const snapshot = async () => ({
    orgs: await prisma.org.findMany({ orderBy: { code: 'asc' } }),
    users: await prisma.user.findMany({ orderBy: { username: 'asc' } }),
  });

  it('loads the example organisation into an empty database, and again changes nothing', async () => {
    const first = run(EXAMPLE_FILE);
    expect({ status: first.status, stderr: first.stderr }).toEqual({ status: 0, stderr: '' });
    expect(first.stdout).toContain(`imported ${example().orgs.length} organisations and ${example().users.length} users`);
    const loaded = await snapshot();
    expect(loaded.users).toHaveLength(example().users.length);
    expect(loaded.users.every((u) => u.active)).toBe(true);

    const again = run(EXAMPLE_FILE);
    expect(again.status).toBe(0);
    expect(again.stdout).not.toContain('deactivated');
    expect(await snapshot()).toEqual(loaded);
  });

  it('refuses a bad file listing every problem, with nothing changed', async () => {
    const doc = example();
    doc.orgs[0]!.parentCode = 'SCT';
    doc.users.push({ username: 'x.clerk', displayName: 'Văn thư', email: '', role: 'CLERK', orgCode: 'SCT', councilSeat: null });
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify(doc));
    const before = await snapshot();

    const result = run(file);

    expect(result.status).toBe(1);
    expect(result.stderr).toContain('2 problems; nothing was imported');
    expect(result.stderr).toContain('orgs[0].parentCode');
    expect(result.stderr).toContain(`users[${doc.users.length - 1}].role`);
    expect(await snapshot()).toEqual(before);
    writeFileSync(file, '{ not json');
    expect(run(file).status).toBe(1);
  });

  it('with --if-empty (the compose job) leaves a database that already holds an organisation as it is', async () => {
    const doc = example();
    doc.users = doc.users.filter((u) => u.username !== 'u1.clerk');
    const file = join(dir, 'without-u1-clerk.json');
    writeFileSync(file, JSON.stringify(doc));
    const before = await snapshot();

    const result = run('--if-empty', file);

    expect({ status: result.status, stderr: result.stderr }).toEqual({ status: 0, stderr: '' });
    expect(result.stdout).toContain('already holds an organisation');
    expect(await snapshot()).toEqual(before);
  });
});
