import request from 'supertest';
import { Harness } from './support/harness';

const day = (offsetDays: number) => new Date(Date.now() + 7 * 3_600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);

describe('substitution (ủy quyền)', () => {
  let sut: Harness;
  beforeAll(async () => {
    sut = await Harness.start();
  });
  afterAll(async () => {
    await sut.close();
  });

  it('a deputy decides inside the delegation’s dates, recorded with both names; outside them, not', async () => {
    const bad = await sut.post('dept-a.reviewer', '/api/delegations', { deputy: 'dept-a.deputy', level: 'DEPARTMENT', from: day(1), to: day(-1) });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].path).toBe('to');
    const notMine = await sut.post('dept-a.reviewer', '/api/delegations', { deputy: 'dept-a.deputy', level: 'SO', from: day(-1), to: day(1) });
    expect(notMine.status).toBe(403);

    // A delegation that has ended (written as it was, since none may start in the past any more).
    await sut.prisma.delegation.create({
      data: { delegator: 'dept-a.reviewer', deputy: 'u3.clerk', level: 'DEPARTMENT', orgCode: 'DEPT-A', fromDay: day(-30), toDay: day(-1) },
    });
    const current = await sut.post('dept-a.reviewer', '/api/delegations', { deputy: 'dept-a.deputy', level: 'DEPARTMENT', from: day(0), to: day(1) });
    expect(current.status).toBe(201);
    expect(current.body).toMatchObject({ delegator: 'dept-a.reviewer', deputy: 'dept-a.deputy', level: 'DEPARTMENT' });

    const n = await sut.submit();
    await sut.decide('u1.head', n.id, { level: 'UNIT', decision: 'APPROVE' });
    const expired = await sut.decide('u3.clerk', n.id, { level: 'DEPARTMENT', decision: 'APPROVE' });
    // A clerk's role never decides: refused by the route's declaration before the delegation is looked at.
    expect(expired.status).toBe(403);
    expect((await sut.get('dept-a.deputy', `/api/nominations/${n.id}`)).status).toBe(200);
    const wrongLevel = await sut.decide('dept-a.deputy', n.id, { level: 'UNIT', decision: 'APPROVE' });
    expect(wrongLevel.status).toBe(403);

    const res = await sut.decide('dept-a.deputy', n.id, { level: 'DEPARTMENT', decision: 'APPROVE', comment: 'Thừa ủy quyền Trưởng phòng' });
    expect(res.status).toBe(200);
    expect(res.body.decisions[1]).toMatchObject({ level: 'DEPARTMENT', reviewer: 'dept-a.deputy', onBehalfOf: 'dept-a.reviewer' });
    const row = await sut.prisma.decision.findFirstOrThrow({ where: { nominationId: n.id, level: 'DEPARTMENT' } });
    expect(row).toMatchObject({ reviewer: 'dept-a.deputy', onBehalfOf: 'dept-a.reviewer' });
  });

  it('a deputy finds what waits at the delegated level in their inbox while the delegation is in force', async () => {
    await sut.prisma.delegation.deleteMany({ where: { deputy: 'dept-a.deputy' } });
    const n = await sut.submit();
    await sut.decide('u1.head', n.id, { level: 'UNIT', decision: 'APPROVE' });
    const inbox = async () => ((await sut.get('dept-a.deputy', '/api/inbox?pageSize=100')).body.items as { id: string }[]).map((i) => i.id);
    expect(await inbox()).not.toContain(n.id);

    const given = await sut.post('dept-a.reviewer', '/api/delegations', { deputy: 'dept-a.deputy', level: 'DEPARTMENT', from: day(0), to: day(1) });
    expect(given.status).toBe(201);
    expect(await inbox()).toContain(n.id);

    const revoked = await request(sut.app.getHttpServer())
      .delete(`/api/delegations/${given.body.id}`)
      .set('Authorization', `Bearer ${await sut.token('dept-a.reviewer')}`);
    expect(revoked.status).toBe(204);
    expect(await inbox()).not.toContain(n.id);
  });
});
