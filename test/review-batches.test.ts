import { randomUUID } from 'node:crypto';
import { Harness } from './support/harness';

type Result = { nominationId: string | null; status: number; nomination?: { id: string; status: string; currentLevel: string | null }; error?: object };

/** API.md "Review in batches": each item answered as its single route answers it alone. */
describe('review in batches', () => {
  let sut: Harness;
  beforeAll(async () => {
    sut = await Harness.start();
  });
  afterAll(async () => {
    await sut.close();
  });

  /** A nomination with a name no other test file uses, waiting at U1's (or U2's) unit level. */
  const submit = (fullName: string, unit: 'u1' | 'u2' = 'u1', overrides: Record<string, unknown> = {}) =>
    sut.submit(`${unit}.clerk`, { awardCode: 'LAO_DONG_TIEN_TIEN', nominee: { kind: 'INDIVIDUAL', fullName }, ...overrides });
  const batch = (username: string, body: Record<string, unknown>) => sut.post(username, '/api/decisions/batch', body);
  const single = (username: string, id: string, body: Record<string, unknown>) =>
    sut.post(username, `/api/nominations/${id}/decisions`, { requestId: randomUUID(), ...body });
  const decisionsOf = (ids: string[]) => sut.prisma.decision.count({ where: { nominationId: { in: ids } } });
  const auditOf = (ids: string[]) => sut.prisma.auditEvent.count({ where: { nominationId: { in: ids } } });

  it('a mixed batch: each item answered as the single route answers it, in the order sent, the refusals stopping nothing', async () => {
    const own = [await submit('Lô Thị Batch Một'), await submit('Lô Thị Batch Hai')];
    const notOwn = await submit('Lô Thị Batch Ba', 'u2');
    const items = [
      { nominationId: own[0]!.id, level: 'UNIT', decision: 'APPROVE' },
      { nominationId: notOwn.id, level: 'UNIT', decision: 'APPROVE' },
      { nominationId: randomUUID(), level: 'UNIT', decision: 'APPROVE' },
      { nominationId: own[1]!.id, level: 'UNIT', decision: 'REJECT', comment: 'Thiếu căn cứ' },
      { nominationId: own[1]!.id, level: 'DEPARTMENT', decision: 'APPROVE' },
      { nominationId: 'not-a-uuid', level: 'UNIT', decision: 'APPROVE' },
      { level: 'UNIT', decision: 'APPROVE' },
      { nominationId: own[1]!.id, level: 'UNIT', decision: 'APPROVE', unknown: true },
      { nominationId: own[1]!.id, level: 'UNIT', decision: 'RETURN', comment: 'Bổ sung minh chứng sáng kiến' },
    ];

    const res = await batch('u1.head', { requestId: randomUUID(), items });

    expect(res.status).toBe(200);
    const results = res.body.results as Result[];
    expect(results.map((r) => [r.nominationId, r.status])).toEqual([
      [own[0]!.id, 200],
      [notOwn.id, 404],
      [items[2]!.nominationId, 404],
      [own[1]!.id, 400],
      [own[1]!.id, 403],
      ['not-a-uuid', 404],
      [null, 400],
      [own[1]!.id, 400],
      [own[1]!.id, 200],
    ]);
    expect(results[0]!.nomination).toMatchObject({ id: own[0]!.id, status: 'IN_REVIEW', currentLevel: 'DEPARTMENT' });
    expect(results[8]!.nomination).toMatchObject({ id: own[1]!.id, status: 'RETURNED' });
    expect(results[6]!.error).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ path: 'nominationId' }] });
    // What the nomination now shows: the same body the route reading it answers.
    expect(results[0]!.nomination).toEqual((await sut.get('u1.head', `/api/nominations/${own[0]!.id}`)).body);

    // The refusals, sent alone to the single route now, are answered alike (they changed nothing, so the state is the same).
    for (const index of [1, 2, 3, 5, 7]) {
      const { nominationId, ...body } = items[index]! as { nominationId: string } & Record<string, unknown>;
      const alone = await single('u1.head', nominationId, body);
      expect([index, results[index]!.status, { error: results[index]!.error }]).toEqual([index, alone.status, alone.body]);
    }
    const notYours = await single('u1.head', own[0]!.id, { level: 'UNIT', decision: 'APPROVE' });
    expect(notYours.status).toBe(409);
    // Each decision wrote the audit event a single decision writes.
    expect(await sut.prisma.auditEvent.count({ where: { nominationId: own[0]!.id, kind: 'DECIDED' } })).toBe(1);
    expect(await decisionsOf([notOwn.id])).toBe(0);
  });

  it('the same request id again answers the same results and decides nothing new; reused for another batch it is 422', async () => {
    const ids = [(await submit('Lô Văn Lặp Một')).id, (await submit('Lô Văn Lặp Hai')).id];
    const body = { requestId: `batch-${randomUUID()}`, items: ids.map((nominationId) => ({ nominationId, level: 'UNIT', decision: 'APPROVE' })) };

    const first = await batch('u1.head', body);
    const [decisions, events] = [await decisionsOf(ids), await auditOf(ids)];
    const again = await batch('u1.head', body);

    expect(first.status).toBe(200);
    expect(first.body.results.map((r: Result) => r.status)).toEqual([200, 200]);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect([await decisionsOf(ids), await auditOf(ids)]).toEqual([decisions, events]);

    const reused = await batch('u1.head', { ...body, items: body.items.slice(0, 1) });
    expect(reused.status).toBe(422);
    expect(reused.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    // Another caller's batch under the same id is a batch of its own.
    const other = await batch('dept-a.reviewer', { ...body, items: ids.map((nominationId) => ({ nominationId, level: 'DEPARTMENT', decision: 'APPROVE' })) });
    expect(other.body.results.map((r: Result) => r.status)).toEqual([200, 200]);
    // The results were kept as first answered: the replay does not re-read what changed since.
    expect((await batch('u1.head', body)).body).toEqual(first.body);
  });

  it('an empty batch, one over 200 items or a malformed envelope is 400 and decides nothing', async () => {
    const item = { nominationId: randomUUID(), level: 'UNIT', decision: 'APPROVE' };
    for (const body of [
      { items: [] },
      { items: Array.from({ length: 201 }, () => item) },
      {},
      { items: [item], extra: 1 },
      { requestId: 'có dấu', items: [item] },
    ]) {
      const res = await batch('u1.head', body);
      expect([res.status, res.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    }
    expect((await batch('u1.clerk', { items: [item] })).status).toBe(403);
    expect((await sut.post('u1.head', '/api/votes/batch', { items: [] })).status).toBe(400);
  });

  it('two batches racing over the same nominations decide each once', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) ids.push((await submit(`Lô Thị Đua ${i}`)).id);
    const items = ids.map((nominationId) => ({ nominationId, level: 'UNIT', decision: 'APPROVE' }));

    const [a, b] = await Promise.all([
      batch('u1.head', { requestId: randomUUID(), items }),
      batch('u1.head', { requestId: randomUUID(), items: [...items].reverse() }),
    ]);

    expect([a.status, b.status]).toEqual([200, 200]);
    const statuses = (r: { body: { results: Result[] } }) => new Map(r.body.results.map((x) => [x.nominationId, x.status]));
    const [sa, sb] = [statuses(a), statuses(b)];
    for (const id of ids) expect([sa.get(id), sb.get(id)].sort()).toEqual([200, 409]);
    expect(await sut.prisma.decision.count({ where: { nominationId: { in: ids }, level: 'UNIT' } })).toBe(ids.length);
  });

  it('a council member votes in a batch, each vote answered as the single vote route answers it', async () => {
    const atCouncil: string[] = [];
    for (const fullName of ['Trần Văn Hải', 'Lê Thị Phương Thảo']) {
      const n = await sut.submit('u1.clerk', { awardCode: 'CSTD_CO_SO', nominee: { kind: 'INDIVIDUAL', fullName } });
      atCouncil.push(n.id);
    }
    const up = async (username: string, level: string) => {
      const res = await batch(username, { requestId: randomUUID(), items: atCouncil.map((nominationId) => ({ nominationId, level, decision: 'APPROVE' })) });
      expect(res.body.results.map((r: Result) => r.status)).toEqual([200, 200]);
    };
    await up('u1.head', 'UNIT');
    await up('dept-a.reviewer', 'DEPARTMENT');
    const notAtCouncil = (await submit('Lô Văn Phiếu')).id;
    const items = [
      ...atCouncil.map((nominationId) => ({ nominationId, vote: 'FOR' })),
      { nominationId: notAtCouncil, vote: 'FOR' },
      { nominationId: atCouncil[0], vote: 'MAYBE' },
    ];

    const res = await sut.post('so.member1', '/api/votes/batch', { requestId: randomUUID(), items });

    expect(res.status).toBe(200);
    const results = res.body.results as (Result & { ballot?: object })[];
    expect(results.map((r) => r.status)).toEqual([200, 200, 409, 400]);
    expect(results[0]!.ballot).toEqual({ level: 'SO', membersTotal: 5, votesCast: 1, closed: false });
    for (const index of [2, 3]) {
      const { nominationId, ...body } = items[index]! as { nominationId: string } & Record<string, unknown>;
      const alone = await sut.post('so.member1', `/api/nominations/${nominationId}/votes`, body);
      expect([results[index]!.status, { error: results[index]!.error }]).toEqual([alone.status, alone.body]);
    }
    // A second vote of the same member, alone or in a batch, is refused alike.
    const twice = await sut.post('so.member1', '/api/votes/batch', { items: [{ nominationId: atCouncil[0], vote: 'AGAINST' }] });
    const alone = await sut.post('so.member1', `/api/nominations/${atCouncil[0]}/votes`, { vote: 'AGAINST' });
    expect([twice.body.results[0].status, { error: twice.body.results[0].error }]).toEqual([alone.status, alone.body]);
    expect(
      await sut.prisma.auditEvent.count({ where: { kind: 'VOTE_CAST', actor: 'so.member1', subject: { in: atCouncil.map((id) => `nomination:${id}`) } } }),
    ).toBe(2);
  });

  it('the inbox filters by award, unit, campaign, overdue and name, and pages with its total, the earliest due first', async () => {
    const tag = `Lọc${randomUUID().slice(0, 6)}`;
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await submit(`Hà Thị ${tag} ${i}`)).id);
    const other = await sut.submit('u1.clerk', { nominee: { kind: 'INDIVIDUAL', fullName: `Nguyễn Thị Lan ${tag}` } });
    await sut.prisma.nomination.update({ where: { id: ids[3]! }, data: { overdue: true } });
    const inbox = async (query: string) => {
      const res = await sut.get('u1.head', `/api/inbox?${query}`);
      expect(res.status).toBe(200);
      return res.body as { items: { id: string; dueAt: string }[]; total: number; page: number; pageSize: number };
    };

    const all = await inbox(`q=${encodeURIComponent(tag.toLowerCase())}`);
    expect(all.total).toBe(6);
    expect(all.items.map((i) => i.dueAt)).toEqual([...all.items.map((i) => i.dueAt)].sort());
    expect((await inbox(`q=${encodeURIComponent(tag)}&awardCode=LAO_DONG_TIEN_TIEN`)).total).toBe(5);
    expect((await inbox(`q=${encodeURIComponent(tag)}&awardCode=BANG_KHEN_UBND_TP`)).items.map((i) => i.id)).toEqual([other.id]);
    expect((await inbox(`q=${encodeURIComponent(tag)}&overdue=true`)).items.map((i) => i.id)).toEqual([ids[3]]);
    expect((await inbox(`q=${encodeURIComponent(tag)}&overdue=false`)).total).toBe(5);
    expect((await inbox(`q=${encodeURIComponent(tag)}&unitCode=U2`)).total).toBe(0);
    expect((await inbox(`q=${encodeURIComponent(tag)}&unitCode=U1`)).total).toBe(6);
    expect((await inbox(`q=${encodeURIComponent(tag)}&campaignId=NO-SUCH-CAMPAIGN`)).total).toBe(0);

    const pages = [await inbox(`q=${tag}&pageSize=4&page=1`), await inbox(`q=${tag}&pageSize=4&page=2`)];
    expect(pages.map((p) => [p.items.length, p.total, p.page, p.pageSize])).toEqual([
      [4, 6, 1, 4],
      [2, 6, 2, 4],
    ]);
    expect(pages.flatMap((p) => p.items.map((i) => i.id))).toEqual(all.items.map((i) => i.id));

    for (const bad of ['overdue=yes', 'pageSize=201', 'q=', 'unitCode=%20x']) expect((await sut.get('u1.head', `/api/inbox?${bad}`)).status).toBe(400);
  });
});
