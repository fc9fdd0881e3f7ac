import { randomUUID } from 'node:crypto';
import { campaignWorkflowId } from '../libs/domain/campaign-messages';
import { extractPages } from './support/pdf-text';
import { Harness } from './support/harness';

const inMs = (ms: number) => new Date(Date.now() + ms).toISOString();
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('campaigns: a window that opens and closes on time, and a result drawn up at the end', () => {
  let sut: Harness;
  beforeAll(async () => {
    sut = await Harness.start({ CAMPAIGN_POLL_INTERVAL: '1s', CAMPAIGN_REMINDER_BEFORE_CLOSE: '3s' });
  });
  afterAll(async () => {
    await sut.close();
  });

  async function createCampaign(opensInMs: number, closesInMs: number, extra: Record<string, unknown> = {}) {
    const code = `T-${randomUUID().slice(0, 8).toUpperCase()}`;
    const res = await sut.post('admin', '/api/campaigns', {
      code,
      name: `Đợt thi đua thử nghiệm ${code}`,
      year: 2026,
      kind: 'THEMED',
      awardCodes: ['GIAY_KHEN_GIAM_DOC_SO', 'BANG_KHEN_UBND_TP'],
      opensAt: inMs(opensInMs),
      closesAt: inMs(closesInMs),
      decisionDeadline: inMs(closesInMs + 120_000),
      ...extra,
    });
    expect(res.status).toBe(201);
    return res.body as { id: string; code: string; status: string; closesAt: string };
  }
  const status = async (id: string) =>
    (await sut.get('admin', `/api/campaigns/${id}`)).body as { status: string; closedAt: string | null; counts: { byStatus: Record<string, number> } };
  const waitStatus = async (id: string, wanted: string, timeoutMs = 30_000) => {
    const deadline = Date.now() + timeoutMs;
    while ((await status(id)).status !== wanted) {
      if (Date.now() > deadline) throw new Error(`campaign ${id} never ${wanted}`);
      await pause(200);
    }
  };
  const submitTo = async (campaignId: string, overrides: Record<string, unknown> = {}, clerk = 'u1.clerk') =>
    sut.post(clerk, '/api/nominations', {
      documents:
        (overrides.documents as string[] | undefined) ??
        (await sut.requiredDocuments(clerk, (overrides.awardCode as string | undefined) ?? 'GIAY_KHEN_GIAM_DOC_SO')),
      awardCode: 'GIAY_KHEN_GIAM_DOC_SO',
      year: 2026,
      nominee: { kind: 'INDIVIDUAL', fullName: 'Nguyễn Thị Lan', position: 'Chuyên viên' },
      achievements: 'Hoàn thành xuất sắc nhiệm vụ trong đợt thi đua cao điểm.',
      declarations: { rating: 'HTXS', initiatives: ['Số hóa hồ sơ', 'Bản đồ cụm công nghiệp'] },
      campaignId,
      ...overrides,
    });

  it('opens on time (clerks told), reminds units that have not submitted, refuses submissions once closed, and finishes with the result', async () => {
    const draft = { code: 'X-1', name: 'Sai', year: 2026, kind: 'REGULAR', awardCodes: ['GIAY_KHEN_GIAM_DOC_SO'], opensAt: inMs(5000), closesAt: inMs(9000) };
    expect((await sut.post('u1.clerk', '/api/campaigns', draft)).status).toBe(403);
    const bad = await sut.post('admin', '/api/campaigns', { ...draft, closesAt: inMs(1000) });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].path).toBe('closesAt');

    const campaign = await createCampaign(2000, 9000);
    expect(campaign.status).toBe('SCHEDULED');
    expect((await submitTo(campaign.id)).body.error.code).toBe('CAMPAIGN_CLOSED');

    await waitStatus(campaign.id, 'OPEN');
    const told = async (clerk: string, kind: string) =>
      (await sut.get(clerk, '/api/notifications')).body.items.some((n: { kind: string; title: string }) => n.kind === kind && n.title.includes(campaign.code));
    // The clerks are told in the same step that opens the window, a moment after the status changes.
    for (let i = 0; i < 20 && !(await told('u3.clerk', 'CAMPAIGN_OPENED')); i++) await pause(200);
    expect(await told('u3.clerk', 'CAMPAIGN_OPENED')).toBe(true);

    const accepted = await submitTo(campaign.id);
    expect(accepted.status).toBe(201);
    const wrongAward = await submitTo(campaign.id, { awardCode: 'BANG_KHEN_THU_TUONG' });
    expect(wrongAward.status).toBe(400);
    const rejected = await submitTo(campaign.id, { awardCode: 'BANG_KHEN_UBND_TP', nominee: { kind: 'INDIVIDUAL', fullName: 'Nguyễn Thị Lan' } });
    expect(rejected.status).toBe(201);

    await waitStatus(campaign.id, 'CLOSED', 15_000);
    expect(await told('u3.clerk', 'CAMPAIGN_REMINDER')).toBe(true);
    expect(await told('u1.clerk', 'CAMPAIGN_REMINDER')).toBe(false);
    const late = await submitTo(campaign.id);
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('CAMPAIGN_CLOSED');

    for (const [reviewer, level] of [
      ['u1.head', 'UNIT'],
      ['dept-a.reviewer', 'DEPARTMENT'],
      ['so.council', 'SO'],
    ] as const) {
      expect((await sut.decide(reviewer, accepted.body.id, { level, decision: 'APPROVE' })).status).toBe(200);
    }
    await sut.decide('u1.head', rejected.body.id, { level: 'UNIT', decision: 'REJECT', ground: 'CRITERIA_NOT_MET', comment: 'Chưa đủ tiêu chuẩn' });
    await waitStatus(campaign.id, 'FINISHED', 20_000);

    const result = (await sut.get('admin', `/api/campaigns/${campaign.id}/result`)).body;
    expect(result.decisions).toHaveLength(1);
    expect(result.decisions[0]).toMatchObject({ authority: 'GIAM_DOC_SO', total: 710_000 });
    expect(result.decisions[0].items).toEqual([
      expect.objectContaining({ nominationId: accepted.body.id, unitCode: 'U1', awardCode: 'GIAY_KHEN_GIAM_DOC_SO', amount: 710_000 }),
    ]);
    expect(result.pending).toEqual([]);
    expect((await status(campaign.id)).counts.byStatus).toEqual({ APPROVED: 1, REJECTED: 1 });

    const csv = await sut.download('admin', `/api/campaigns/${campaign.id}/result.csv`);
    const bytes = csv.body as Buffer;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    expect(text).toContain('Nguyễn Thị Lan');
    expect(text).toContain('Giấy khen của Giám đốc Sở');
    expect(text).toContain('710000');

    const pdf = await sut.download('admin', `/api/campaigns/${campaign.id}/result.pdf`);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const [pages] = await extractPages([pdf.body as Buffer]);
    // The table wraps long cells over several lines.
    const pdfText = pages!.join('\n').replace(/\s+/g, ' ');
    expect(pdfText).toContain('Nguyễn Thị Lan');
    expect(pdfText).toContain('Giấy khen của Giám đốc Sở');
    expect(pdfText).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');

    const certificates = await sut.download('admin', `/api/campaigns/${campaign.id}/certificates.pdf`);
    const [certificatePages] = await extractPages([certificates.body as Buffer]);
    // One certificate per award.
    expect(certificatePages).toHaveLength(1);
    expect(certificatePages![0]!.replace(/\s+/g, ' ')).toContain('Nguyễn Thị Lan');
  });

  it("counts the first deadline by the campaign's own level limit at submission, and the workflow keeps it", async () => {
    const campaign = await createCampaign(200, 120_000, { levelDeadlines: { UNIT: '2h' } });
    await waitStatus(campaign.id, 'OPEN');

    const res = await submitTo(campaign.id);

    expect(res.status).toBe(201);
    expect(Date.parse(res.body.dueAt) - Date.parse(res.body.createdAt)).toBe(2 * 3_600_000);
    // Once the workflow waits on the level's timer it has planned the level itself: it found nothing to correct.
    const handle = sut.temporal.workflow.getHandle(res.body.workflowId);
    while (!(await handle.fetchHistory()).events!.some((e) => e.timerStartedEventAttributes)) await pause(100);
    const events = await sut.prisma.auditEvent.findMany({ where: { nominationId: res.body.id }, orderBy: { seq: 'asc' } });
    expect(events.map((e) => e.kind)).toEqual(['SUBMITTED']);
    expect((await sut.prisma.nomination.findUniqueOrThrow({ where: { id: res.body.id } })).dueAt?.toISOString()).toBe(res.body.dueAt);
  });

  it('at the instant of closing, every submission is either in before the close or cleanly refused', async () => {
    // The dossiers are uploaded beforehand: only the submissions themselves race the close.
    const dossiers = await Promise.all(Array.from({ length: 24 }, () => sut.requiredDocuments('u1.clerk', 'GIAY_KHEN_GIAM_DOC_SO')));
    const campaign = await createCampaign(500, 4000);
    await waitStatus(campaign.id, 'OPEN');
    const closesAt = Date.parse(campaign.closesAt);
    await pause(closesAt - Date.now() - 1200);
    const attempts: Promise<{ status: number; body: { id?: string; error?: { code: string } } }>[] = [];
    for (let i = 0; i < 24; i++) {
      attempts.push(submitTo(campaign.id, { requestId: `race-${campaign.code}-${i}`, documents: dossiers[i] }));
      await pause(100);
    }
    const results = await Promise.all(attempts);
    expect(results.filter((r) => !(r.status === 201 || (r.status === 409 && r.body.error?.code === 'CAMPAIGN_CLOSED')))).toEqual([]);
    const accepted = results.filter((r) => r.status === 201);
    expect(accepted.length).toBeGreaterThan(0);
    expect(accepted.length).toBeLessThan(results.length);
    const rows = await sut.prisma.nomination.findMany({ where: { campaignId: campaign.id } });
    expect(rows).toHaveLength(accepted.length);
    expect(rows.every((r) => r.createdAt.getTime() < closesAt)).toBe(true);
    await waitStatus(campaign.id, 'CLOSED');
    const closedAt = Date.parse((await status(campaign.id)).closedAt!);
    expect(rows.every((r) => r.createdAt.getTime() <= closedAt)).toBe(true);
  });

  it('a campaign of 2,000 nominations finishes with its workflow history far below the limit', async () => {
    const campaign = await createCampaign(300, 8000);
    await waitStatus(campaign.id, 'OPEN');
    const names = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng'];
    // Rows as the nomination workflows leave them once decided: the campaign reads their state from the database only.
    await sut.prisma.nomination.createMany({
      data: Array.from({ length: 2000 }, (_, i) => ({
        id: randomUUID(),
        awardCode: i % 10 === 0 ? 'BANG_KHEN_UBND_TP' : 'GIAY_KHEN_GIAM_DOC_SO',
        catalogueVersion: '2025.1',
        year: 2026,
        unitCode: ['U1', 'U2', 'U3'][i % 3]!,
        nominee: { kind: 'INDIVIDUAL', fullName: `${names[i % 5]} Văn Số ${i}` },
        achievements: 'Hoàn thành xuất sắc nhiệm vụ trong đợt thi đua.',
        campaignId: campaign.id,
        route: i % 10 === 0 ? ['UNIT', 'DEPARTMENT', 'SO', 'CITY'] : ['UNIT', 'DEPARTMENT', 'SO'],
        status: i % 4 === 3 ? 'REJECTED' : 'IN_REVIEW',
        currentLevel: i % 4 === 3 ? null : 'SO',
        submittedBy: 'u1.clerk',
        requestId: `bulk-${campaign.code}-${i}`,
        workflowId: `nomination-bulk-${i}`,
      })),
    });
    await waitStatus(campaign.id, 'CLOSED', 15_000);
    // Closed but not finished while any of its nominations is still open, however many polls pass.
    await pause(2500);
    expect((await status(campaign.id)).status).toBe('CLOSED');
    await sut.prisma.nomination.updateMany({ where: { campaignId: campaign.id, status: 'IN_REVIEW' }, data: { status: 'APPROVED', currentLevel: null } });
    await waitStatus(campaign.id, 'FINISHED', 20_000);

    const result = (await sut.get('admin', `/api/campaigns/${campaign.id}/result`)).body;
    const items = result.decisions.flatMap((d: { items: unknown[] }) => d.items);
    expect(items).toHaveLength(1500);
    const so = result.decisions.find((d: { authority: string }) => d.authority === 'GIAM_DOC_SO');
    // Every tenth is a city Bằng khen, none of which fell among the rejected (i % 4 === 3).
    expect(so.items).toHaveLength(1300);
    expect(so.total).toBe(1300 * 710_000);
    const history = await sut.temporal.workflow.getHandle(campaignWorkflowId(campaign.code)).fetchHistory();
    expect(history.events!.length).toBeLessThan(200);
  });
});
