import { randomUUID } from 'node:crypto';
import { Harness } from './support/harness';
import { until } from './support/until';

type StuckItem = {
  nominationId: string | null;
  kind: string;
  reason: string;
  waitingOn: string[];
  lastError?: string;
  nextEscalationAt?: string;
  temporalUiUrl: string | null;
  recipient?: string;
  address?: string;
};

describe('admins see stuck work and act on it', () => {
  let sut: Harness;
  let campaignId: string;
  let bulkCampaignId: string;

  /** A campaign open for an hour: it keeps this file's nominations apart from every other test's. */
  async function openCampaign(): Promise<string> {
    const code = `ADMIN-${randomUUID().slice(0, 8).toUpperCase()}`;
    const res = await sut.post('admin', '/api/campaigns', {
      code,
      name: `Đợt thử nghiệm ${code}`,
      year: 2026,
      kind: 'THEMED',
      awardCodes: ['BANG_KHEN_UBND_TP', 'GIAY_KHEN_GIAM_DOC_SO'],
      opensAt: new Date(Date.now() + 200).toISOString(),
      closesAt: new Date(Date.now() + 3_600_000).toISOString(),
    });
    expect(res.status).toBe(201);
    for (let i = 0; i < 50 && (await sut.get('admin', `/api/campaigns/${res.body.id}`)).body.status !== 'OPEN'; i++)
      await new Promise((r) => setTimeout(r, 200));
    return res.body.id as string;
  }

  beforeAll(async () => {
    sut = await Harness.start({ DEADLINE_UNIT: '2s', ACTIVITY_RETRY_ALERT_ATTEMPTS: '2' });
    campaignId = await openCampaign();
    bulkCampaignId = await openCampaign();
  });
  afterAll(async () => {
    await sut.close();
  });

  const stuck = async (query = '') => {
    const res = await sut.get('admin', `/api/admin/stuck?campaignId=${campaignId}${query}`);
    if (res.status !== 200) throw new Error(`stuck: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.items as StuckItem[];
  };
  const listed = async (query: string) => {
    const ids: string[] = [];
    for await (const wf of sut.temporal.workflow.list({ query })) ids.push(wf.workflowId);
    return ids;
  };

  it('keeps search attributes current, so the README’s UI filters find exactly the right workflows', async () => {
    const n = await sut.submit('u3.clerk', { campaignId });
    const byId = (filter: string) => `WorkflowId = "${n.workflowId}" AND ${filter}`;
    await until(
      async () => ((await listed(byId('NominationLevel = "UNIT" AND UnitCode = "U3" AND AwardCode = "BANG_KHEN_UBND_TP"'))).length ? true : undefined),
      'UNIT attributes',
    );
    await sut.waitForRow(n.id, (row) => row.overdue);
    await until(
      async () => ((await listed(byId('NominationLevel = "UNIT" AND OverdueSince IS NOT NULL AND ExecutionStatus = "Running"'))).length ? true : undefined),
      'overdue attributes',
    );

    await sut.decide('u3.head', n.id, { level: 'UNIT', decision: 'RETURN', comment: 'Bổ sung hồ sơ' });
    await sut.post('u3.clerk', `/api/nominations/${n.id}/resubmit`, { comment: 'Đã bổ sung' });
    await sut.decide('u3.head', n.id, { level: 'UNIT', decision: 'RETURN', comment: 'Vẫn thiếu' });
    await sut.post('u3.clerk', `/api/nominations/${n.id}/resubmit`, { comment: 'Đã bổ sung lần hai' });
    await sut.decide('u3.head', n.id, { level: 'UNIT', decision: 'APPROVE' });
    // The README's ready-made filters: returned twice or more; at a level with a deadline before a date; a campaign still open.
    const returnedTwice = byId('ReturnCount >= 2');
    const dueSoon = byId(`NominationLevel = "DEPARTMENT" AND DueAt < "2100-01-01T00:00:00Z"`);
    const campaignOpen = byId(`CampaignId = "${campaignId}" AND ExecutionStatus = "Running"`);
    for (const query of [returnedTwice, dueSoon, campaignOpen]) {
      await until(async () => ((await listed(query)).includes(n.workflowId) ? true : undefined), query);
    }
    expect(await listed(byId('NominationLevel = "UNIT"'))).toEqual([]);
    expect(await listed(byId('OverdueSince IS NOT NULL'))).toEqual([]);

    const description = await sut.temporal.workflow.getHandle(n.workflowId).describe();
    expect(await description.staticSummary()).toContain('Bằng khen của Chủ tịch UBND thành phố — Nguyễn Thị Lan (U3');
  });

  it('lists an overdue nomination with a plain reason, whom it waits on, and a link into the Temporal UI', async () => {
    const n = await sut.submit('u1.clerk', { campaignId });
    await sut.waitForRow(n.id, (row) => row.overdue);
    const items = await stuck('&level=UNIT');
    const item = items.find((x) => x.nominationId === n.id && x.kind === 'OVERDUE');
    expect(item).toBeDefined();
    expect(item!.reason).toContain('Quá hạn xử lý ở cấp Đơn vị cơ sở');
    expect(item!.waitingOn).toEqual(['u1.head']);
    expect(item).toMatchObject({ unitCode: 'U1', unitName: 'Trung tâm Khuyến công và Tư vấn phát triển công nghiệp' });
    expect(item!.nextEscalationAt).toEqual(expect.any(String));
    expect(item!.temporalUiUrl).toContain(`/workflows/${n.workflowId}`);
    expect((await sut.get('admin', `/api/admin/stuck?campaignId=${campaignId}&minOverdueDays=30`)).body.items).toEqual([]);
    expect((await sut.get('u1.head', '/api/admin/stuck')).status).toBe(403);

    const nudged = await sut.post('admin', `/api/admin/nominations/${n.id}/nudge`, { reason: 'Đề nghị xử lý ngay' });
    expect(nudged.status).toBe(200);
    expect((await sut.post('admin', `/api/admin/nominations/${n.id}/nudge`, {})).status).toBe(400);
    const event = await sut.prisma.auditEvent.findFirst({ where: { nominationId: n.id, kind: 'NUDGED' } });
    expect(event).toMatchObject({ actor: 'admin' });
    expect((await sut.get('u1.head', '/api/notifications')).body.items[0]).toMatchObject({ kind: 'REMINDER', nominationId: n.id });
  });

  it('lists a nomination whose activity keeps failing, with the error', async () => {
    const n = await sut.submit('u1.clerk', { campaignId });
    await sut.waitForRow(n.id, (row) => row.version >= 1);
    expect((await sut.decide('u1.head', n.id, { level: 'UNIT', decision: 'APPROVE' })).status).toBe(200);
    // A database that keeps failing this nomination's next audit row with a serialisation failure (a
    // transient error, retried) stands in for trouble that lasts.
    await sut.prisma.$executeRawUnsafe(`
      CREATE OR REPLACE FUNCTION tdkt_test_refuse() RETURNS trigger AS $$
      BEGIN
        IF NEW.nomination_id = '${n.id}' AND NEW.kind = 'REASSIGNED' THEN RAISE EXCEPTION 'simulated trouble in the audit store' USING ERRCODE = '40001'; END IF;
        RETURN NEW;
      END $$ LANGUAGE plpgsql`);
    await sut.prisma.$executeRawUnsafe('CREATE TRIGGER tdkt_test_refuse BEFORE INSERT ON audit_events FOR EACH ROW EXECUTE FUNCTION tdkt_test_refuse()');
    const body = { level: 'DEPARTMENT', reviewer: 'dept-a.deputy', reason: 'Trưởng phòng đi công tác', requestId: `reassign-${n.id}` };
    try {
      const pending = sut.post('admin', `/api/admin/nominations/${n.id}/reassign`, body);
      const item = await until(async () => (await stuck()).find((x) => x.nominationId === n.id && x.kind === 'ACTIVITY_RETRYING'), 'ACTIVITY_RETRYING');
      expect(item.reason).toContain('commitTransition');
      expect(item.lastError).toMatch(/write conflict|simulated trouble/);
      await sut.prisma.$executeRawUnsafe('DROP TRIGGER tdkt_test_refuse ON audit_events');
      // Answered 503 once the command's deadline passed, the same request again joins the one execution.
      const first = await pending;
      expect([200, 503]).toContain(first.status);
      if (first.status === 503)
        await until(
          async () => ((await sut.post('admin', `/api/admin/nominations/${n.id}/reassign`, body)).status === 200 ? true : undefined),
          'the reassignment',
        );
    } finally {
      await sut.prisma.$executeRawUnsafe('DROP TRIGGER IF EXISTS tdkt_test_refuse ON audit_events');
    }
    expect(await sut.prisma.auditEvent.count({ where: { nominationId: n.id, kind: 'REASSIGNED' } })).toBe(1);
    // The reassigned reviewer may now decide the level.
    const decided = await sut.decide('dept-a.deputy', n.id, { level: 'DEPARTMENT', decision: 'APPROVE' });
    expect(decided.status).toBe(200);
    expect(decided.body.decisions[1]).toMatchObject({ level: 'DEPARTMENT', reviewer: 'dept-a.deputy' });
  });

  it('detects a row whose workflow was terminated and re-drives it from the database', async () => {
    const n = await sut.submit('u1.clerk', { campaignId, awardCode: 'GIAY_KHEN_GIAM_DOC_SO' });
    await sut.decide('u1.head', n.id, { level: 'UNIT', decision: 'APPROVE' });
    await sut.temporal.workflow.getHandle(n.workflowId).terminate('an operator’s mistake');

    // Temporal's visibility store learns of the termination a moment later.
    const item = await until(async () => (await stuck()).find((x) => x.nominationId === n.id), 'STATE_MISMATCH');
    expect(item).toMatchObject({ kind: 'STATE_MISMATCH' });
    expect(item!.reason).toContain('TERMINATED');
    expect((await sut.post('admin', `/api/admin/nominations/${n.id}/repair`, {})).status).toBe(400);

    const repaired = await sut.post('admin', `/api/admin/nominations/${n.id}/repair`, { reason: 'Khôi phục workflow bị dừng nhầm' });
    expect(repaired.status).toBe(200);
    expect((await stuck()).filter((x) => x.nominationId === n.id && x.kind === 'STATE_MISMATCH')).toEqual([]);
    await sut.decide('dept-a.reviewer', n.id, { level: 'DEPARTMENT', decision: 'APPROVE' });
    const final = await sut.decide('so.council', n.id, { level: 'SO', decision: 'APPROVE' });
    expect(final.body).toMatchObject({ status: 'APPROVED' });
    expect(final.body.decisions.map((d: { level: string }) => d.level)).toEqual(['UNIT', 'DEPARTMENT', 'SO']);
    const events = await sut.prisma.auditEvent.findMany({ where: { nominationId: n.id }, orderBy: { seq: 'asc' } });
    expect(events.map((e) => e.kind)).toEqual(['SUBMITTED', 'DECIDED', 'REDRIVEN', 'DECIDED', 'DECIDED']);
    expect(events[2]).toMatchObject({ actor: 'admin' });
  });

  it('closes a row left behind by a workflow that completed', async () => {
    const n = await sut.submit('u1.clerk', { campaignId, awardCode: 'GIAY_KHEN_GIAM_DOC_SO' });
    for (const [reviewer, level] of [
      ['u1.head', 'UNIT'],
      ['dept-a.reviewer', 'DEPARTMENT'],
      ['so.council', 'SO'],
    ] as const) {
      await sut.decide(reviewer, n.id, { level, decision: 'APPROVE' });
    }
    await sut.prisma.nomination.update({ where: { id: n.id }, data: { status: 'IN_REVIEW', currentLevel: 'SO' } });
    const item = await until(async () => (await stuck()).find((x) => x.nominationId === n.id), 'STATE_MISMATCH');
    expect(item).toMatchObject({ kind: 'STATE_MISMATCH' });
    expect(item.reason).toContain('COMPLETED');
    const repaired = await sut.post('admin', `/api/admin/nominations/${n.id}/repair`, { reason: 'Đồng bộ theo workflow' });
    expect(repaired.body).toMatchObject({ status: 'APPROVED', currentLevel: null });
  });

  it('moves the deadline of exactly the matching nominations and re-arms their timers', async () => {
    const bulkCampaign = bulkCampaignId;
    const atDepartment = async (clerk: string, head: string) => {
      const n = await sut.submit(clerk, { campaignId: bulkCampaign });
      await sut.decide(head, n.id, { level: 'UNIT', decision: 'APPROVE' });
      return n;
    };
    const [a, b] = [await atDepartment('u3.clerk', 'u3.head'), await atDepartment('u3.clerk', 'u3.head')];
    const other = await atDepartment('u1.clerk', 'u1.head');
    const dueAt = new Date(Date.now() + 4000).toISOString();
    const command = {
      filter: { campaignId: bulkCampaign, unitCode: 'U3', level: 'DEPARTMENT' },
      dueAt,
      reason: 'Rút ngắn thời hạn theo chỉ đạo của Giám đốc Sở',
      requestId: randomUUID(),
    };
    const res = await sut.post('admin', '/api/admin/nominations/deadline', command);
    expect(res.body).toEqual({ updated: 2 });
    // Applied asynchronously by a workflow; the same request again starts nothing new and answers the same count.
    expect((await sut.post('admin', '/api/admin/nominations/deadline', command)).body).toEqual({ updated: 2 });
    for (const n of [a, b]) {
      const row = await sut.waitForRow(n.id, (r) => r.overdue, 15_000);
      expect((row as unknown as { dueAt: Date }).dueAt.toISOString()).toBe(dueAt);
      const overdueAt = (await sut.prisma.notification.findFirstOrThrow({ where: { nominationId: n.id, kind: 'OVERDUE' } })).createdAt.getTime();
      expect(overdueAt).toBeGreaterThanOrEqual(Date.parse(dueAt) - 100);
      expect(overdueAt).toBeLessThan(Date.parse(dueAt) + 5000);
    }
    const untouched = await sut.prisma.nomination.findUniqueOrThrow({ where: { id: other.id } });
    expect(untouched.overdue).toBe(false);
    expect(untouched.dueAt!.getTime()).toBeGreaterThan(Date.now() + 86_400_000);
    expect((await sut.post('admin', '/api/admin/nominations/deadline', { filter: {}, dueAt })).status).toBe(400);
    expect((await sut.post('u3.head', '/api/admin/nominations/deadline', { filter: {}, dueAt, reason: 'x' })).status).toBe(403);
    const audits = await sut.prisma.auditEvent.count({ where: { nominationId: a.id, kind: 'DEADLINE_CHANGED' } });
    expect(audits).toBe(1);
  });

  it('lists mail that keeps failing with its recipient and last error, with or without a nomination', async () => {
    const n = await sut.submit('u1.clerk', { campaignId });
    const failing = {
      channel: 'EMAIL',
      kind: 'REMINDER',
      subject: 'Nhắc việc',
      body: 'Nội dung',
      attempts: 5,
      lastError: 'connect ECONNREFUSED 127.0.0.1:2525',
      lastAttemptAt: new Date(),
    };
    await sut.prisma.delivery.create({ data: { ...failing, nominationId: n.id, seq: 999, recipient: 'u1.head', address: 'u1.head@example.vn' } });
    const orphan = await sut.prisma.delivery.create({ data: { ...failing, nominationId: null, seq: 0, recipient: 'admin', address: 'admin@example.vn' } });
    // Too few attempts yet, and delivered: neither is listed.
    await sut.prisma.delivery.create({ data: { ...failing, attempts: 1, nominationId: n.id, seq: 998, recipient: 'u1.head', address: 'u1.head@example.vn' } });
    await sut.prisma.delivery.create({
      data: { ...failing, deliveredAt: new Date(), nominationId: n.id, seq: 997, recipient: 'u1.head', address: 'u1.head@example.vn' },
    });
    try {
      const items = (await stuck()).filter((x) => x.kind === 'DELIVERY_FAILING');
      expect(items).toEqual([
        expect.objectContaining({
          nominationId: n.id,
          recipient: 'u1.head',
          address: 'u1.head@example.vn',
          lastError: 'connect ECONNREFUSED 127.0.0.1:2525',
          temporalUiUrl: expect.stringContaining(n.workflowId),
        }),
      ]);
      expect(items[0]!.reason).toContain('u1.head@example.vn');
      // Without a filter, mail of no nomination is listed too.
      const all = (await sut.get('admin', '/api/admin/stuck?pageSize=200')).body.items as StuckItem[];
      expect(all).toContainEqual(expect.objectContaining({ kind: 'DELIVERY_FAILING', nominationId: null, recipient: 'admin', temporalUiUrl: null }));
    } finally {
      await sut.prisma.delivery.deleteMany({ where: { OR: [{ nominationId: n.id }, { id: orphan.id }] } });
    }
  });

  it('pages the list, problems first, then the longest overdue', async () => {
    const pageCampaign = await openCampaign();
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await sut.submit('u2.clerk', { campaignId: pageCampaign })).id);
    for (const id of ids) await sut.waitForRow(id, (row) => row.overdue);
    const page = async (n: number) => (await sut.get('admin', `/api/admin/stuck?campaignId=${pageCampaign}&page=${n}&pageSize=2`)).body;
    const [first, second, third] = [await page(1), await page(2), await page(3)];
    expect(first).toMatchObject({ total: 3, page: 1, pageSize: 2 });
    expect(first.items).toHaveLength(2);
    expect(second.items).toHaveLength(1);
    expect(third.items).toEqual([]);
    expect([...first.items, ...second.items].map((x: StuckItem) => x.nominationId)).toEqual(ids);
    expect((await sut.get('admin', '/api/admin/stuck?pageSize=201')).status).toBe(400);
    expect((await sut.get('admin', '/api/admin/stuck?unitCode=U1%22%20OR%20true')).status).toBe(400);
  });
});
