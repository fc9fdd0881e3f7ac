import request from 'supertest';
import { Harness } from './support/harness';

const U1 = 'Trung tâm Khuyến công và Tư vấn phát triển công nghiệp';
const U2 = 'Trung tâm Phát triển công nghiệp hỗ trợ';
const U3 = 'Trung tâm Xúc tiến thương mại';
const DEPT_A = 'Phòng Quản lý Công nghiệp';

const hanoiDay = (offsetDays: number) => new Date(Date.now() + 7 * 3_600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);

/** Names, not codes (issue 21): every response that names an organisation gives its name beside the code. */
describe('organisation names in responses', () => {
  let sut: Harness;
  beforeAll(async () => {
    sut = await Harness.start();
  });
  afterAll(async () => {
    await sut.close();
  });

  const remove = async (path: string) =>
    request(sut.app.getHttpServer())
      .delete(path)
      .set('Authorization', `Bearer ${await sut.token('admin')}`);

  it('who is signed in: the organisation’s name', async () => {
    expect((await sut.get('u1.clerk', '/api/auth/me')).body).toMatchObject({ orgCode: 'U1', orgName: U1 });
    expect((await sut.get('dept-a.reviewer', '/api/auth/me')).body).toMatchObject({ orgCode: 'DEPT-A', orgName: DEPT_A });
  });

  it('a nomination, the unit’s list and the inbox: the unit’s name', async () => {
    const n = await sut.submit('u1.clerk');
    expect((await sut.get('u1.clerk', `/api/nominations/${n.id}`)).body).toMatchObject({ unitCode: 'U1', unitName: U1 });
    const listed = (await sut.get('u1.clerk', '/api/nominations?unitCode=U1&pageSize=200')).body.items as { id: string }[];
    expect(listed.find((item) => item.id === n.id)).toMatchObject({ unitCode: 'U1', unitName: U1 });
    await sut.waitForRow(n.id, (row) => row.status === 'IN_REVIEW');
    const inbox = (await sut.get('u1.head', '/api/inbox?pageSize=200')).body.items as { id: string }[];
    expect(inbox.find((item) => item.id === n.id)).toMatchObject({ unitCode: 'U1', unitName: U1 });
  });

  it('a delegation: the organisation’s name, as created and as listed', async () => {
    const created = await sut.post('dept-a.reviewer', '/api/delegations', { deputy: 'dept-a.deputy', level: 'DEPARTMENT', from: hanoiDay(0), to: hanoiDay(1) });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ orgCode: 'DEPT-A', orgName: DEPT_A });
    try {
      const { given } = (await sut.get('dept-a.reviewer', '/api/delegations')).body as { given: { id: string }[] };
      expect(given.find((d) => d.id === created.body.id)).toMatchObject({ orgCode: 'DEPT-A', orgName: DEPT_A });
      const { received } = (await sut.get('dept-a.deputy', '/api/delegations')).body as { received: { id: string }[] };
      expect(received.find((d) => d.id === created.body.id)).toMatchObject({ orgName: DEPT_A });
    } finally {
      expect((await remove(`/api/delegations/${created.body.id}`)).status).toBe(204);
    }
  });

  it('a hold: the unit’s name, as created and as listed', async () => {
    const created = await sut.post('admin', '/api/admin/holds', {
      fullName: 'Đỗ Văn Tên Thử',
      unitCode: 'U3',
      reason: 'Đang bị thanh tra',
      until: '2099-12-31',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ unitCode: 'U3', unitName: U3 });
    try {
      const { items } = (await sut.get('admin', '/api/admin/holds')).body as { items: { id: string }[] };
      expect(items.find((h) => h.id === created.body.id)).toMatchObject({ unitCode: 'U3', unitName: U3 });
    } finally {
      expect((await remove(`/api/admin/holds/${created.body.id}`)).status).toBe(204);
    }
  });

  it('the award history: the unit’s name on each row', async () => {
    const imported = await request(sut.app.getHttpServer())
      .post('/api/admin/award-history/import')
      .set('Authorization', `Bearer ${await sut.token('admin')}`)
      .set('Content-Type', 'text/csv')
      .send(['fullName,unitCode,awardCode,year,decisionRef', 'Lê Thị Tên Thử,U2,CSTD_CO_SO,2025,"QĐ 9/QĐ-SCT"'].join('\r\n'));
    expect(imported.status).toBe(200);
    const listed = await sut.get('admin', `/api/admin/award-history?fullName=${encodeURIComponent('Lê Thị Tên Thử')}`);
    expect(listed.body.items).toEqual([expect.objectContaining({ unitCode: 'U2', unitName: U2 })]);
  });
});
