import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { baseSalaryOn, cashAmount } from '../libs/campaigns/campaign-result';
import { catalogueVersion } from '../libs/domain/award-catalogue';
import { stateQuery } from '../libs/domain/nomination-messages';
import { Harness } from './support/harness';
import { extractPages } from './support/pdf-text';
import { until } from './support/until';
import type { Response } from 'supertest';

const CATP = 'Công an thành phố Hà Nội';
const SNV = 'Sở Nội vụ Hà Nội';

/**
 * The steps the law adds (workflow v5): a state-level award posted publicly, its agencies consulted in
 * parallel, forwarded by the city and recorded when the central decision comes; a hold placed while in
 * review suspends the level and its lifting resumes it with the deadline moved.
 */
describe('the law’s steps in the workflow', () => {
  let sut: Harness;
  beforeAll(async () => {
    // The second escalation a few seconds after a deadline a campaign sets in seconds; campaigns looked at every second.
    sut = await Harness.start({ PUBLIC_POSTING_PERIOD: '4s', CONSULTATION_PERIOD: '8s', ESCALATE_AFTER: '3s', CAMPAIGN_POLL_INTERVAL: '1s' });
  });
  afterAll(() => sut?.close());

  // supertest's body is untyped JSON: the checks below read it as the API documents it.
  const ok = async (res: Response, status = 200): Promise<Response['body']> => {
    if (res.status !== status) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const approve = (reviewer: string, id: string, level: string) => sut.decide(reviewer, id, { level, decision: 'APPROVE', comment: 'Đồng ý' });
  const vote = (member: string, id: string) => sut.post(member, `/api/nominations/${id}/votes`, { vote: 'FOR', requestId: `${id}-${member}` });
  /** From 2026.1 the city's council decides a state-level proposal by secret ballot before the city forwards it. */
  const councilForwards = async (id: string) => {
    for (const member of ['city.board', 'city.member1', 'city.member2', 'city.member3', 'city.member4']) await ok(await vote(member, id));
    return sut.post('city.board', `/api/nominations/${id}/votes/close`, {});
  };

  /**
   * A collective's Bằng khen Thủ tướng approved up to the city level, where its posting and consultation start.
   * The city's Bằng khen more than five years before makes the collective eligible.
   */
  const atCityLevel = async (teamName: string, overrides: Record<string, unknown> = {}) => {
    const team = `${teamName} ${Date.now()}`;
    await sut.prisma.awardHistory.create({
      data: { fullName: team, unitCode: 'U1', awardCode: 'BANG_KHEN_UBND_TP', year: 2020, decisionRef: 'QĐ 100/QĐ-UBND', source: 'SEED' },
    });
    const n = await sut.submit('u1.clerk', {
      awardCode: 'BANG_KHEN_THU_TUONG',
      nominee: { kind: 'COLLECTIVE', name: team },
      declarations: { rating: 'HTXS' },
      ...overrides,
    });
    for (const [reviewer, level] of [
      ['u1.head', 'UNIT'],
      ['dept-a.reviewer', 'DEPARTMENT'],
      ['so.council', 'SO'],
    ] as const)
      await ok(await approve(reviewer, n.id, level));
    return { n, team };
  };

  it('posts a Bằng khen Thủ tướng, gathers objections and opinions, forwards it, then records the central decision', async () => {
    const { n, team } = await atCityLevel('Phòng Kỹ thuật');

    const atCity = await ok(await sut.get('city.board', `/api/nominations/${n.id}`));
    expect(atCity).toMatchObject({ currentLevel: 'CITY', posting: { open: true }, consultation: { open: true } });
    // Each agency's own deadline, set as its request was sent.
    const dueAt = expect.any(String);
    expect(atCity.consultation.opinions).toEqual([
      { agency: 'CATP', agencyName: CATP, answer: null, comment: null, answeredAt: null, dueAt, overdue: false },
      { agency: 'SNV', agencyName: SNV, answer: null, comment: null, answeredAt: null, dueAt, overdue: false },
    ]);

    const postings = await ok(await sut.get('u3.clerk', '/api/postings'));
    expect(postings.items).toContainEqual(
      expect.objectContaining({
        nominationId: n.id,
        nominee: { kind: 'COLLECTIVE', name: team },
        awardCode: 'BANG_KHEN_THU_TUONG',
        unitCode: 'U1',
        postingEndsAt: atCity.posting.endsAt,
      }),
    );
    await ok(await sut.post('u3.clerk', `/api/nominations/${n.id}/objections`, { text: 'Đề nghị làm rõ thành tích năm 2024' }), 201);
    expect(await sut.prisma.auditEvent.findFirst({ where: { subject: `nomination:${n.id}`, kind: 'OBJECTION_FILED' } })).toMatchObject({
      actor: 'u3.clerk',
      data: { text: 'Đề nghị làm rõ thành tích năm 2024' },
    });

    const early = await vote('city.member1', n.id);
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('INVALID_STATE');

    const inbox = async (username: string) => ((await ok(await sut.get(username, '/api/inbox?pageSize=100'))).items as { id: string }[]).map((i) => i.id);
    expect(await inbox('snv.officer')).toContain(n.id);
    await ok(await sut.post('snv.officer', `/api/nominations/${n.id}/opinions`, { answer: 'AGREE', comment: 'Thống nhất' }));
    // Answered, it no longer waits on the agency; the police's is still awaited.
    expect(await inbox('snv.officer')).not.toContain(n.id);
    expect(await inbox('catp.officer')).toContain(n.id);
    expect((await sut.post('snv.officer', `/api/nominations/${n.id}/opinions`, { answer: 'DISAGREE' })).status).toBe(409);
    // Staff of no consulted agency: one who cannot see the nomination is not told it exists (another file may have made
    // the department's staff a deputy, who sees it: then refused as no agency of it).
    await sut.prisma.delegation.deleteMany({ where: { deputy: 'dept-a.deputy' } });
    expect((await sut.post('dept-a.deputy', `/api/nominations/${n.id}/opinions`, { answer: 'AGREE' })).status).toBe(404);
    await sut.prisma.delegation.create({
      data: { delegator: 'dept-a.reviewer', deputy: 'dept-a.deputy', level: 'DEPARTMENT', orgCode: 'DEPT-A', fromDay: '2000-01-01', toDay: '2999-12-31' },
    });
    expect((await sut.post('dept-a.deputy', `/api/nominations/${n.id}/opinions`, { answer: 'AGREE' })).status).toBe(403);
    await sut.prisma.delegation.deleteMany({ where: { deputy: 'dept-a.deputy' } });

    // The posting ends first; the consultation then closes at its deadline without the police's answer.
    await until(
      async () => (await sut.prisma.nomination.findUniqueOrThrow({ where: { id: n.id } })).postingOpen === false || undefined,
      'the posting ended',
      20_000,
    );
    expect((await vote('city.member1', n.id)).status).toBe(409);
    await until(
      async () => (await sut.prisma.nomination.findUniqueOrThrow({ where: { id: n.id } })).consultationOpen === false || undefined,
      'the consultation closed',
      20_000,
    );

    const ready = await ok(await sut.get('city.board', `/api/nominations/${n.id}`));
    expect(ready.objections).toEqual([expect.objectContaining({ author: 'u3.clerk', text: 'Đề nghị làm rõ thành tích năm 2024' })]);
    expect(ready.consultation.opinions).toEqual([
      { agency: 'CATP', agencyName: CATP, answer: null, comment: null, answeredAt: null, dueAt: atCity.consultation.opinions[0].dueAt, overdue: true },
      {
        agency: 'SNV',
        agencyName: SNV,
        answer: 'AGREE',
        comment: 'Thống nhất',
        answeredAt: expect.any(String),
        dueAt: atCity.consultation.opinions[1].dueAt,
        overdue: false,
      },
    ]);
    const late = await sut.post('catp.officer', `/api/nominations/${n.id}/opinions`, { answer: 'AGREE' });
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('INVALID_STATE');
    expect(await sut.prisma.auditEvent.count({ where: { nominationId: n.id, kind: 'OPINIONS_OVERDUE' } })).toBe(1);
    expect((await ok(await sut.get('u1.clerk', `/api/nominations/${n.id}`))).objections).toBeUndefined();

    // The city board alone no longer decides it: its council does.
    expect((await approve('city.board', n.id, 'CITY')).status).toBe(409);
    const forwarded = await ok(await councilForwards(n.id));
    expect(forwarded).toMatchObject({ status: 'FORWARDED', currentLevel: null });
    expect(forwarded.decisions.at(-1)).toMatchObject({ level: 'CITY', decision: 'APPROVE', tally: { for: 5, against: 0, membersTotal: 5, threshold: 0.5 } });
    expect(await sut.prisma.awardHistory.count({ where: { nominationId: n.id } })).toBe(0);

    const decision = { decisionRef: 'QĐ 1234/QĐ-TTg', decidedOn: '2026-12-20', outcome: 'APPROVED' };
    expect((await sut.post('u1.clerk', `/api/nominations/${n.id}/external-decision`, decision)).status).toBe(403);
    const approved = await ok(await sut.post('admin', `/api/nominations/${n.id}/external-decision`, decision));
    expect(approved).toMatchObject({ status: 'APPROVED', externalDecision: { decisionRef: 'QĐ 1234/QĐ-TTg', decidedOn: '2026-12-20' } });
    expect(await sut.prisma.awardHistory.findFirst({ where: { nominationId: n.id } })).toMatchObject({
      awardCode: 'BANG_KHEN_THU_TUONG',
      decisionRef: 'QĐ 1234/QĐ-TTg',
    });
    expect((await sut.post('admin', `/api/nominations/${n.id}/external-decision`, decision)).status).toBe(409);
  });

  it('takes at most OBJECTIONS_PER_USER objections from one user on one nomination, concurrent ones too, and lists carry none', async () => {
    const n = await sut.submit('u1.clerk');
    await sut.waitForRow(n.id, (row) => row.version >= 1);
    // Posted as the workflow posts a nomination; the point here is the limit, not the period.
    await sut.prisma.nomination.update({ where: { id: n.id }, data: { postingOpen: true, postingEndsAt: new Date(Date.now() + 3_600_000) } });
    const object = (username: string, text: string) => sut.post(username, `/api/nominations/${n.id}/objections`, { text });

    const burst = await Promise.all([1, 2, 3, 4, 5].map((i) => object('u3.clerk', `Ý kiến thứ ${i} về thành tích`)));
    expect(burst.map((r) => r.status).sort()).toEqual([201, 201, 201, 409, 409]);
    expect(burst.find((r) => r.status === 409)!.body.error).toMatchObject({ code: 'INVALID_STATE', details: [expect.objectContaining({ path: 'text' })] });
    expect((await object('u3.clerk', 'Thêm một ý kiến nữa')).status).toBe(409);
    // The limit is each user's own.
    await ok(await object('u2.clerk', 'Ý kiến của đơn vị U2'), 201);
    expect(await sut.prisma.objection.count({ where: { nominationId: n.id, author: 'u3.clerk' } })).toBe(3);

    expect((await ok(await sut.get('u1.head', `/api/nominations/${n.id}`))).objections).toHaveLength(4);
    const listed = (await ok(await sut.get('u1.head', '/api/nominations?pageSize=100'))).items as { id: string; objections?: unknown }[];
    expect(listed.find((row) => row.id === n.id)).toBeDefined();
    expect(listed.every((row) => row.objections === undefined)).toBe(true);
  });

  it('a workflow re-driven mid-posting takes over the posting, the consultation and the answers given, and still waits them out', async () => {
    const { n } = await atCityLevel('Phòng Kế hoạch');
    await ok(await sut.post('snv.officer', `/api/nominations/${n.id}/opinions`, { answer: 'AGREE', comment: 'Thống nhất' }));
    const before = await sut.prisma.nomination.findUniqueOrThrow({ where: { id: n.id }, include: { opinions: true } });

    await sut.temporal.workflow.getHandle(n.workflowId).terminate('an operator’s mistake');
    await until(async () => (await sut.temporal.workflow.getHandle(n.workflowId).describe()).status.name === 'TERMINATED' || undefined, 'terminated');
    await ok(await sut.post('admin', `/api/admin/nominations/${n.id}/repair`, { reason: 'Khôi phục workflow bị dừng nhầm' }));

    const state = await sut.temporal.workflow.getHandle(n.workflowId).query(stateQuery);
    expect(state.posting).toEqual({ endsAt: before.postingEndsAt!.toISOString(), ended: !before.postingOpen });
    expect(state.consultation).toMatchObject({ dueAt: before.consultationDueAt!.toISOString(), agencies: ['CATP', 'SNV'], answered: ['SNV'], closed: false });
    expect(Object.keys(state.consultation!.deadlines ?? {}).sort()).toEqual(['CATP', 'SNV']);
    // The new run keeps the gates' timers: the consultation closes at the police's deadline, then the city forwards it.
    await until(
      async () => (await sut.prisma.nomination.findUniqueOrThrow({ where: { id: n.id } })).consultationOpen === false || undefined,
      'the consultation closed',
      30_000,
    );
    expect(await ok(await councilForwards(n.id))).toMatchObject({ status: 'FORWARDED' });
  });

  it('a hold recorded mid-review suspends the level, and lifting it resumes it with the deadline moved', async () => {
    const person = `Lê Văn Tạm ${Date.now()}`;
    const n = await sut.submit('u1.clerk', {
      awardCode: 'GIAY_KHEN_GIAM_DOC_SO',
      nominee: { kind: 'INDIVIDUAL', fullName: person },
      declarations: { rating: 'HTT' },
    });
    await ok(await approve('u1.head', n.id, 'UNIT'));
    const before = await until(async () => {
      const row = await sut.prisma.nomination.findUniqueOrThrow({ where: { id: n.id } });
      return row.version >= 2 ? row : undefined;
    }, 'the unit’s approval committed');

    const hold = await ok(
      await sut.post('admin', '/api/admin/holds', { fullName: person, unitCode: 'U1', reason: 'Đang bị thanh tra', until: '2099-12-31' }),
      201,
    );
    await until(async () => (await sut.prisma.nomination.findUniqueOrThrow({ where: { id: n.id } })).suspendedSince || undefined, 'suspended');
    const refused = await approve('dept-a.reviewer', n.id, 'DEPARTMENT');
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('ON_HOLD');
    const stuck = await ok(await sut.get('admin', '/api/admin/stuck'));
    expect(stuck.items).toContainEqual(expect.objectContaining({ nominationId: n.id, kind: 'ON_HOLD', reason: expect.stringContaining('Đang bị thanh tra') }));
    expect((await ok(await sut.get('admin', '/api/admin/holds'))).items).toContainEqual(expect.objectContaining({ id: hold.id }));

    await new Promise((r) => setTimeout(r, 1500));
    const lifted = await request(sut.app.getHttpServer())
      .delete(`/api/admin/holds/${hold.id}`)
      .set('Authorization', `Bearer ${await sut.token('admin')}`);
    expect(lifted.status).toBe(204);
    const after = await until(async () => {
      const row = await sut.prisma.nomination.findUniqueOrThrow({ where: { id: n.id } });
      return row.suspendedSince === null ? row : undefined;
    }, 'resumed');
    expect(after.dueAt!.getTime() - before.dueAt!.getTime()).toBeGreaterThanOrEqual(1500);
    expect((await ok(await approve('dept-a.reviewer', n.id, 'DEPARTMENT'))).currentLevel).toBe('SO');
  });

  const inMs = (ms: number) => new Date(Date.now() + ms).toISOString();
  async function campaign(awardCodes: string[], closesInMs: number, extra: Record<string, unknown> = {}) {
    const code = `LAW-${randomUUID().slice(0, 8).toUpperCase()}`;
    const body = { code, name: `Đợt thi đua ${code}`, year: 2026, kind: 'REGULAR', awardCodes, opensAt: inMs(-1000), closesAt: inMs(closesInMs), ...extra };
    const created = await ok(await sut.post('admin', '/api/campaigns', body), 201);
    // Its workflow opens it a moment after `opensAt`; a submission before that is refused with CAMPAIGN_CLOSED.
    await until(async () => (await ok(await sut.get('admin', `/api/campaigns/${created.id}`))).status === 'OPEN' || undefined, 'the campaign opened', 15_000);
    return created;
  }
  const download = async (path: string) => {
    const res = await sut.download('admin', path);
    expect(res.status).toBe(200);
    return res.body as Buffer;
  };
  const pdfText = async (path: string) => ((await extractPages([await download(path)]))[0] ?? []).join('\n').replace(/\s+/g, ' ');

  it('a campaign’s result lists a forwarded Bằng khen Thủ tướng as proposed, without cash, then as granted with its cash once the central decision is recorded', async () => {
    const c = await campaign(['BANG_KHEN_THU_TUONG'], 8_000);
    const { n, team } = await atCityLevel('Tổ Đề nghị', { campaignId: c.id });
    for (const officer of ['snv.officer', 'catp.officer']) await ok(await sut.post(officer, `/api/nominations/${n.id}/opinions`, { answer: 'AGREE' }));
    await until(
      async () => (await sut.prisma.nomination.findUniqueOrThrow({ where: { id: n.id } })).postingOpen === false || undefined,
      'the posting ended',
      20_000,
    );
    expect(await ok(await councilForwards(n.id))).toMatchObject({ status: 'FORWARDED' });

    // Every nomination final once the window closed: the campaign finishes and stores its result.
    await until(async () => (await ok(await sut.get('admin', `/api/campaigns/${c.id}`))).status === 'FINISHED' || undefined, 'the campaign finished', 30_000);
    const proposed = await ok(await sut.get('admin', `/api/campaigns/${c.id}/result`));
    expect(proposed.decisions).toEqual([]);
    expect(proposed.proposals).toEqual([
      expect.objectContaining({
        nominationId: n.id,
        awardCode: 'BANG_KHEN_THU_TUONG',
        forwardTo: 'THU_TUONG',
        outcome: 'PROPOSED',
        amount: null,
        baseSalary: null,
      }),
    ]);
    const proposedCsv = (await download(`/api/campaigns/${c.id}/result.csv`)).subarray(3).toString('utf8');
    expect(proposedCsv).toContain(`Đề nghị Thủ tướng Chính phủ khen thưởng (chờ quyết định),${n.id},${team},`);
    expect(proposedCsv).not.toContain('Tổng cộng');
    const proposedPdf = await pdfText(`/api/campaigns/${c.id}/result.pdf`);
    expect(proposedPdf).toContain('DANH SÁCH ĐỀ NGHỊ THỦ TƯỚNG CHÍNH PHỦ KHEN THƯỞNG');
    expect(proposedPdf).toContain(team);
    expect(proposedPdf).toContain('chờ quyết định');
    expect(proposedPdf).not.toContain('QUYẾT ĐỊNH:');

    // The central decision comes after the campaign finished: the stored result shows it all the same.
    await ok(
      await sut.post('admin', `/api/nominations/${n.id}/external-decision`, { decisionRef: 'QĐ 77/QĐ-TTg', decidedOn: '2026-12-20', outcome: 'APPROVED' }),
    );
    const table = await ok(await sut.get('admin', '/api/admin/base-salary'));
    const version = catalogueVersion(n.catalogueVersion as string)!;
    const award = version.awards.find((a) => a.code === 'BANG_KHEN_THU_TUONG')!;
    const amount = cashAmount(baseSalaryOn(table, '2026-12-20'), award.cash.collective!, version.cashRounding);
    const granted = await ok(await sut.get('admin', `/api/campaigns/${c.id}/result`));
    expect(granted.decisions).toEqual([]);
    expect(granted.proposals).toEqual([
      expect.objectContaining({
        nominationId: n.id,
        outcome: 'GRANTED',
        externalDecision: { decisionRef: 'QĐ 77/QĐ-TTg', decidedOn: '2026-12-20', outcome: 'APPROVED' },
        cashMultiple: award.cash.collective,
        amount,
      }),
    ]);
    const grantedCsv = (await download(`/api/campaigns/${c.id}/result.csv`)).subarray(3).toString('utf8');
    expect(grantedCsv).toContain(`"Thủ tướng Chính phủ (đã khen thưởng, QĐ 77/QĐ-TTg ngày 20/12/2026)",${n.id},${team},`);
    expect(grantedCsv).toContain(`,Bằng khen của Thủ tướng Chính phủ,${amount}\r\n`);
    expect(grantedCsv).toContain(`Thủ tướng Chính phủ (đã khen thưởng),,Tổng cộng,,,${amount}`);
    const grantedPdf = await pdfText(`/api/campaigns/${c.id}/result.pdf`);
    expect(grantedPdf).toContain('QĐ 77/QĐ-TTg');
    expect(grantedPdf).toContain(new Intl.NumberFormat('vi-VN').format(amount));
  });

  it('no council member votes while the nomination is posted or on hold', async () => {
    const person = `Đỗ Văn Biểu ${Date.now()}`;
    await sut.prisma.awardHistory.create({
      data: { fullName: person, unitCode: 'U1', awardCode: 'LAO_DONG_TIEN_TIEN', year: 2026, decisionRef: 'QĐ 5/QĐ-SCT', source: 'SEED' },
    });
    const n = await sut.submit('u1.clerk', { awardCode: 'CSTD_CO_SO', nominee: { kind: 'INDIVIDUAL', fullName: person } });
    await ok(await approve('u1.head', n.id, 'UNIT'));
    await ok(await approve('dept-a.reviewer', n.id, 'DEPARTMENT'));
    const vote = () => sut.post('so.member1', `/api/nominations/${n.id}/votes`, { vote: 'FOR' });

    const hold = await ok(
      await sut.post('admin', '/api/admin/holds', { fullName: person, unitCode: 'U1', reason: 'Đang xem xét kỷ luật', until: '2099-12-31' }),
      201,
    );
    await until(async () => (await sut.prisma.nomination.findUniqueOrThrow({ where: { id: n.id } })).suspendedSince || undefined, 'suspended');
    const held = await vote();
    expect(held.status).toBe(409);
    expect(held.body.error.code).toBe('ON_HOLD');
    const lifted = await request(sut.app.getHttpServer())
      .delete(`/api/admin/holds/${hold.id}`)
      .set('Authorization', `Bearer ${await sut.token('admin')}`);
    expect(lifted.status).toBe(204);
    await until(async () => (await sut.prisma.nomination.findUniqueOrThrow({ where: { id: n.id } })).suspendedSince === null || undefined, 'resumed');

    // No shipped award has both a council and a posting (the Bằng khen Thủ tướng is decided by one
    // reviewer, gated in the workflow above); the row is marked as a posted council level would be.
    await sut.prisma.nomination.update({ where: { id: n.id }, data: { postingOpen: true, postingEndsAt: new Date(Date.now() + 3_600_000) } });
    const posted = await vote();
    expect(posted.status).toBe(409);
    expect(posted.body.error.code).toBe('INVALID_STATE');
    expect(await sut.prisma.voter.count({ where: { nominationId: n.id } })).toBe(0);

    await sut.prisma.nomination.update({ where: { id: n.id }, data: { postingOpen: false } });
    expect((await vote()).status).toBe(200);
  });

  it('the second escalation waits out a hold: none while suspended, then after the time that was left', async () => {
    const c = await campaign(['GIAY_KHEN_GIAM_DOC_SO'], 3_600_000, { levelDeadlines: { DEPARTMENT: '3s' } });
    const person = `Vũ Thị Chờ ${Date.now()}`;
    const n = await sut.submit('u1.clerk', {
      awardCode: 'GIAY_KHEN_GIAM_DOC_SO',
      campaignId: c.id,
      nominee: { kind: 'INDIVIDUAL', fullName: person },
      declarations: { rating: 'HTT' },
    });
    await ok(await approve('u1.head', n.id, 'UNIT'));
    const events = (kind: string) => sut.prisma.auditEvent.findMany({ where: { nominationId: n.id, kind } });
    // Overdue 3 s after it reached the department; the escalation is due 3 s later.
    const [overdue] = await until(async () => ((await events('OVERDUE')).length ? events('OVERDUE') : undefined), 'overdue', 15_000);
    const hold = await ok(
      await sut.post('admin', '/api/admin/holds', { fullName: person, unitCode: 'U1', reason: 'Đang bị thanh tra', until: '2099-12-31' }),
      201,
    );
    const suspendedAt = (
      await until(async () => (await sut.prisma.nomination.findUniqueOrThrow({ where: { id: n.id } })).suspendedSince || undefined, 'suspended')
    ).getTime();
    const left = overdue!.at.getTime() + 3_000 - suspendedAt;

    await new Promise((r) => setTimeout(r, Math.max(0, overdue!.at.getTime() + 3_000 - Date.now()) + 2_000));
    expect(await events('ESCALATED')).toEqual([]);

    const liftedAt = Date.now();
    const lifted = await request(sut.app.getHttpServer())
      .delete(`/api/admin/holds/${hold.id}`)
      .set('Authorization', `Bearer ${await sut.token('admin')}`);
    expect(lifted.status).toBe(204);
    const [escalated] = await until(async () => ((await events('ESCALATED')).length ? events('ESCALATED') : undefined), 'escalated after the hold', 20_000);
    // The time that was left when the hold began, counted again from its lifting (less the lift's own round trip).
    expect(escalated!.at.getTime() - liftedAt).toBeGreaterThanOrEqual(left - 500);
    expect(await sut.prisma.nomination.findUniqueOrThrow({ where: { id: n.id } })).toMatchObject({
      status: 'IN_REVIEW',
      currentLevel: 'DEPARTMENT',
      overdue: true,
    });
  });
});
