import { randomUUID } from 'node:crypto';
import { samplePdf } from '../libs/devtools/sample-documents';
import { Harness } from './support/harness';

const SO_COUNCIL = ['so.council', 'so.member1', 'so.member2', 'so.member3', 'so.member4'];
const CITY_COUNCIL = ['city.board', 'city.member1', 'city.member2', 'city.member3', 'city.member4'];

describe('council ballots and quotas', () => {
  let sut: Harness;
  beforeAll(async () => {
    sut = await Harness.start();
  });
  afterAll(async () => {
    await sut.close();
  });

  /** A CSTĐ cơ sở nomination brought to the Sở's council (its nominee holds LĐTT for the year in the seed). */
  async function atSoCouncil(fullName: string, unit: 'U1' | 'U2' = 'U1') {
    const n = await sut.submit(`${unit.toLowerCase()}.clerk`, { awardCode: 'CSTD_CO_SO', nominee: { kind: 'INDIVIDUAL', fullName } });
    expect((await sut.decide(`${unit.toLowerCase()}.head`, n.id, { level: 'UNIT', decision: 'APPROVE' })).status).toBe(200);
    expect((await sut.decide('dept-a.reviewer', n.id, { level: 'DEPARTMENT', decision: 'APPROVE' })).status).toBe(200);
    return n;
  }

  async function vote(n: { id: string }, members: string[], choice: 'FOR' | 'AGAINST') {
    for (const member of members) {
      const res = await sut.post(member, `/api/nominations/${n.id}/votes`, { vote: choice, requestId: `${n.id}-${member}` });
      expect(res.status).toBe(200);
    }
  }

  it('a secret ballot passing its threshold approves; nobody sees who voted how', async () => {
    const n = await atSoCouncil('Phạm Minh Tuấn');
    const single = await sut.decide('so.council', n.id, { level: 'SO', decision: 'APPROVE' });
    expect(single.status).toBe(409);

    const first = await sut.post('so.member1', `/api/nominations/${n.id}/votes`, { vote: 'FOR', requestId: 'm1' });
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ level: 'SO', membersTotal: 5, votesCast: 1, closed: false });
    // The same click again is answered alike; a second vote by the same member is refused.
    expect((await sut.post('so.member1', `/api/nominations/${n.id}/votes`, { vote: 'FOR', requestId: 'm1' })).body).toEqual(first.body);
    const twice = await sut.post('so.member1', `/api/nominations/${n.id}/votes`, { vote: 'AGAINST', requestId: 'm1-again' });
    expect(twice.status).toBe(409);
    expect((await sut.post('u1.head', `/api/nominations/${n.id}/votes`, { vote: 'FOR' })).status).toBe(403);
    expect((await sut.post('so.member2', `/api/nominations/${n.id}/votes`, { vote: 'MAYBE' })).status).toBe(400);

    await vote(n, ['so.member2', 'so.council'], 'FOR');
    await vote(n, ['so.member3', 'so.member4'], 'AGAINST');
    expect((await sut.post('so.member1', `/api/nominations/${n.id}/votes/close`, {})).status).toBe(403);

    const closed = await sut.post('so.council', `/api/nominations/${n.id}/votes/close`, { requestId: 'close-1' });
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ status: 'APPROVED', currentLevel: null });
    const decision = closed.body.decisions[2];
    expect(decision).toMatchObject({
      level: 'SO',
      decision: 'APPROVE',
      reviewer: 'so.council',
      tally: { for: 3, against: 2, membersTotal: 5, threshold: 0.5 },
    });
    expect(decision.minutes).toContain('Đồng ý: 3');
    expect(decision.minutes).toContain('Kết quả: đạt');
    expect(JSON.stringify(closed.body)).not.toMatch(/so\.member[1-4]/);

    const late = await sut.post('so.member4', `/api/nominations/${n.id}/votes`, { vote: 'FOR' });
    expect(late.status).toBe(409);
    // Nothing stored links a member to a vote: only who voted, and the counts.
    const voters = await sut.prisma.voter.findMany({ where: { nominationId: n.id } });
    expect(voters).toHaveLength(5);
    expect(Object.keys(voters[0]!)).not.toContain('vote');
    const history = await sut.prisma.awardHistory.findFirst({ where: { nominationId: n.id } });
    expect(history).toMatchObject({ fullName: 'Phạm Minh Tuấn', awardCode: 'CSTD_CO_SO', year: 2026, unitCode: 'U1' });
  });

  /** What the database holds of a ballot, with the transaction ids that wrote (xmin) and last locked or deleted (xmax) each row. */
  async function ballotRows(nominationId: string) {
    const [voters, sessions, pending] = await Promise.all([
      sut.prisma.$queryRaw<{ username: string; xmin: string; xmax: string }[]>`
        SELECT username, xmin::text AS xmin, xmax::text AS xmax FROM voters WHERE nomination_id = ${nominationId}::uuid`,
      sut.prisma.$queryRaw<{ xmin: string; xmax: string; votes_for: number; votes_against: number }[]>`
        SELECT xmin::text AS xmin, xmax::text AS xmax, votes_for, votes_against FROM vote_sessions WHERE nomination_id = ${nominationId}::uuid`,
      sut.prisma.ballotVote.count({ where: { nominationId } }),
    ]);
    return { voters, sessions, pending };
  }

  it('stores nothing that links a member to a vote: no transaction id, timestamp, sequence or order shared', async () => {
    const n = await atSoCouncil('Vũ Văn Long');
    const rounds: [string, 'FOR' | 'AGAINST'][][] = [
      [['so.member1', 'FOR']],
      [['so.member2', 'AGAINST']],
      [
        ['so.member3', 'FOR'],
        ['so.member4', 'AGAINST'],
        ['so.council', 'AGAINST'],
      ],
    ];
    for (const round of rounds) {
      const answers = await Promise.all(round.map(([member, choice]) => sut.post(member, `/api/nominations/${n.id}/votes`, { vote: choice })));
      expect(answers.map((a) => a.status)).toEqual(round.map(() => 200));
      // After every vote: no vote waits beside its voter, and the counts were last written or locked by no voter's transaction.
      const rows = await ballotRows(n.id);
      const votersTransactions = new Set(rows.voters.map((v) => v.xmin));
      expect(votersTransactions.size).toBe(rows.voters.length);
      expect(rows.voters.every((v) => v.xmax === '0')).toBe(true);
      expect(rows.pending).toBe(0);
      expect(rows.sessions).toHaveLength(1);
      expect(votersTransactions.has(rows.sessions[0]!.xmin)).toBe(false);
      expect(votersTransactions.has(rows.sessions[0]!.xmax)).toBe(false);
    }
    expect((await ballotRows(n.id)).sessions[0]).toMatchObject({ votes_for: 2, votes_against: 3 });

    // Neither the voters nor the pending votes have a column that could order them in time: no timestamp, no sequence.
    const columns = await sut.prisma.$queryRaw<{ table_name: string; column_name: string; data_type: string; column_default: string | null }[]>`
      SELECT table_name, column_name, data_type, column_default FROM information_schema.columns WHERE table_name IN ('voters', 'ballot_votes')`;
    expect(columns.length).toBeGreaterThan(0);
    expect(columns.filter((c) => /time|date|interval/i.test(c.data_type) || /nextval|now|current/i.test(c.column_default ?? ''))).toEqual([]);
    // Nor a foreign key, whose check would lock the nomination's row with the voter's transaction id.
    const keys = await sut.prisma.$queryRaw<{ table_name: string }[]>`
      SELECT table_name FROM information_schema.table_constraints WHERE constraint_type = 'FOREIGN KEY' AND table_name IN ('voters', 'ballot_votes')`;
    expect(keys).toEqual([]);

    const closed = await sut.post('so.council', `/api/nominations/${n.id}/votes/close`, {});
    // Rejected, so that the unit's last CSTĐ cơ sở place stays for the tests below.
    expect(closed.body.decisions[2]).toMatchObject({ decision: 'REJECT', tally: { for: 2, against: 3, membersTotal: 5 } });
  });

  it('a vote whose counting a crash cut short is counted once, by the member’s retry, the next vote or the close', async () => {
    const n = await atSoCouncil('Đặng Thị Thu Trang');
    await vote(n, ['so.member1'], 'AGAINST');
    // What a cast leaves when the process dies between its two transactions: the voter and the vote, not yet counted.
    const cutShort = (username: string, inFavour: boolean) =>
      sut.prisma.$transaction([
        sut.prisma.voter.create({ data: { nominationId: n.id, level: 'SO', username, requestId: `cut-${username}` } }),
        sut.prisma.ballotVote.create({ data: { id: randomUUID(), nominationId: n.id, level: 'SO', inFavour } }),
      ]);

    await cutShort('so.member2', true);
    const retried = await sut.post('so.member2', `/api/nominations/${n.id}/votes`, { vote: 'FOR', requestId: 'cut-so.member2' });
    expect(retried.status).toBe(200);
    expect(retried.body).toEqual({ level: 'SO', membersTotal: 5, votesCast: 2, closed: false });
    expect(await ballotRows(n.id)).toMatchObject({ pending: 0, sessions: [{ votes_for: 1, votes_against: 1 }] });

    await cutShort('so.member3', false);
    await vote(n, ['so.member4'], 'AGAINST');
    expect(await ballotRows(n.id)).toMatchObject({ pending: 0, sessions: [{ votes_for: 1, votes_against: 3 }] });

    await cutShort('so.council', true);
    const closed = await sut.post('so.council', `/api/nominations/${n.id}/votes/close`, {});
    expect(closed.status).toBe(200);
    expect(closed.body.decisions[2]).toMatchObject({ decision: 'REJECT', tally: { for: 2, against: 3, membersTotal: 5 } });
    expect(await ballotRows(n.id)).toMatchObject({ pending: 0, sessions: [{ votes_for: 2, votes_against: 3 }] });
  });

  it('a ballot below its threshold rejects, counted against all members', async () => {
    const n = await atSoCouncil('Hoàng Thị Ngọc Hân');
    // Two FOR out of five members is not more than half, however few voted against.
    await vote(n, ['so.member1', 'so.member2'], 'FOR');
    const closed = await sut.post('so.council', `/api/nominations/${n.id}/votes/close`, {});
    expect(closed.body).toMatchObject({ status: 'REJECTED' });
    expect(closed.body.decisions[2]).toMatchObject({ decision: 'REJECT', ground: 'CRITERIA_NOT_MET', tally: { for: 2, against: 0, membersTotal: 5 } });
  });

  it('records on the council’s decision the hashes of the document versions it had, the minutes it attached among them', async () => {
    const n = await atSoCouncil('Mai Thị Bích Ngọc');
    const minutes = await sut.upload(
      'so.council',
      'BIEN_BAN_HOP',
      samplePdf('bien ban hoi dong'),
      'Biên bản họp Hội đồng.pdf',
      `/api/nominations/${n.id}/documents`,
    );
    expect(minutes.status).toBe(201);
    const current = ((await sut.get('so.council', `/api/nominations/${n.id}`)).body.documents as { id: string; sha256: string; current: boolean }[])
      .filter((d) => d.current)
      .map((d) => ({ id: d.id, sha256: d.sha256 }));
    expect(current).toContainEqual({ id: minutes.body.id, sha256: minutes.body.sha256 });

    await vote(n, ['so.member1'], 'FOR');
    const closed = await sut.post('so.council', `/api/nominations/${n.id}/votes/close`, {});
    expect(closed.status).toBe(200);

    expect(closed.body.decisions[2]).toMatchObject({ level: 'SO', tally: expect.any(Object), documents: current });
    const row = await sut.prisma.decision.findFirst({ where: { nominationId: n.id, level: 'SO' } });
    expect(row?.documents).toEqual(current);
  });

  it('the city council needs 90% of all members for CSTĐ thành phố; the Sở decides it by one reviewer', async () => {
    const n = await sut.submit('u1.clerk', {
      awardCode: 'CSTD_THANH_PHO',
      nominee: { kind: 'INDIVIDUAL', fullName: 'Trần Minh Đức' },
      declarations: { rating: 'HTXS', initiatives: ['Ứng dụng bản đồ số cụm công nghiệp toàn thành phố'] },
    });
    for (const [reviewer, level] of [
      ['u1.head', 'UNIT'],
      ['dept-a.reviewer', 'DEPARTMENT'],
      ['so.council', 'SO'],
    ] as const) {
      expect((await sut.decide(reviewer, n.id, { level, decision: 'APPROVE' })).status).toBe(200);
    }
    await vote(n, CITY_COUNCIL.slice(0, 4), 'FOR');
    await vote(n, CITY_COUNCIL.slice(4), 'AGAINST');
    const closed = await sut.post('city.board', `/api/nominations/${n.id}/votes/close`, {});
    expect(closed.body).toMatchObject({ status: 'REJECTED' });
    expect(closed.body.decisions[3].tally).toEqual({ for: 4, against: 1, membersTotal: 5, threshold: 0.9 });
  });

  it('two approvals racing for the last quota place: one wins, the other gets 422 and stays at its level', async () => {
    // U2 has 7 LĐTT holders for 2026 here, so 15% leaves one CSTĐ cơ sở place.
    const holders = ['Lê Văn Quang', 'Nguyễn Văn An', 'Trần Thị Bình', 'Phạm Văn Cường', 'Lê Thị Dung', 'Võ Văn Em', 'Đào Thị Giang'];
    await sut.prisma.awardHistory.createMany({
      data: holders.map((fullName) => ({
        fullName,
        unitCode: 'U2',
        awardCode: 'LAO_DONG_TIEN_TIEN',
        year: 2026,
        decisionRef: 'QĐ 1302/QĐ-SCT',
        source: 'TEST',
      })),
      skipDuplicates: true,
    });
    const a = await atSoCouncil('Nguyễn Văn An', 'U2');
    const b = await atSoCouncil('Trần Thị Bình', 'U2');
    await vote(a, SO_COUNCIL, 'FOR');
    await vote(b, SO_COUNCIL, 'FOR');

    const [ra, rb] = await Promise.all([
      sut.post('so.council', `/api/nominations/${a.id}/votes/close`, {}),
      sut.post('so.council', `/api/nominations/${b.id}/votes/close`, {}),
    ]);
    expect([ra.status, rb.status].sort()).toEqual([200, 422]);
    const loser = ra.status === 422 ? { res: ra, n: a } : { res: rb, n: b };
    expect(loser.res.body.error.code).toBe('QUOTA_EXCEEDED');
    const stays = await sut.get('so.council', `/api/nominations/${loser.n.id}`);
    expect(stays.body).toMatchObject({ status: 'IN_REVIEW', currentLevel: 'SO' });
    expect(await sut.prisma.quotaClaim.count({ where: { unitCode: 'U2', awardCode: 'CSTD_CO_SO', year: 2026 } })).toBe(1);
    // The loser's ballot is still open: the council may close it again once a place frees up.
    expect(await sut.prisma.voteSession.findFirst({ where: { nominationId: loser.n.id, closedAt: null } })).not.toBeNull();
  });
});
