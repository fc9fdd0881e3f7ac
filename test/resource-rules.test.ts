import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { computeCampaignResult, type CampaignNomination } from '../libs/campaigns/campaign-result';
import type { Prisma } from '../libs/db/generated/client';
import { Harness } from './support/harness';

const day = (offsetDays: number) => new Date(Date.now() + 7 * 3_600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

type Result = { decisions: { authority: string; items: { nominationId: string; unitCode: string }[]; total: number }[]; pending: { nominationId: string }[] };
const ids = (result: Result) => [...result.decisions.flatMap((d) => d.items.map((i) => i.nominationId)), ...result.pending.map((p) => p.nominationId)].sort();
const countAll = (counts: { byStatus: Record<string, number> }) => Object.values(counts.byStatus).reduce((a, b) => a + b, 0);

describe('resource rules: who sees a campaign’s nominees, who may deputise or be reassigned, who learns why a nominee is on hold', () => {
  let sut: Harness;
  beforeAll(async () => {
    sut = await Harness.start();
  });
  afterAll(async () => {
    await sut.close();
  });

  const del = async (username: string, path: string) =>
    request(sut.app.getHttpServer())
      .delete(path)
      .set('Authorization', `Bearer ${await sut.token(username)}`);

  describe('campaigns', () => {
    let campaignId: string;
    let u1: { id: string };
    let u3: { id: string };

    beforeAll(async () => {
      const code = `SCOPE-${randomUUID().slice(0, 8).toUpperCase()}`;
      const created = await sut.post('admin', '/api/campaigns', {
        code,
        name: `Đợt thi đua phạm vi ${code}`,
        year: 2026,
        kind: 'THEMED',
        awardCodes: ['GIAY_KHEN_GIAM_DOC_SO'],
        opensAt: new Date(Date.now() + 500).toISOString(),
        closesAt: new Date(Date.now() + 3_600_000).toISOString(),
      });
      expect(created.status).toBe(201);
      campaignId = created.body.id;
      for (let i = 0; i < 100 && (await sut.get('admin', `/api/campaigns/${campaignId}`)).body.status !== 'OPEN'; i++) await pause(200);
      const nominate = (clerk: string, fullName: string) =>
        sut.submit(clerk, {
          awardCode: 'GIAY_KHEN_GIAM_DOC_SO',
          nominee: { kind: 'INDIVIDUAL', fullName, position: 'Chuyên viên' },
          declarations: { rating: 'HTXS', initiatives: ['Số hóa hồ sơ', 'Bản đồ cụm công nghiệp'] },
          campaignId,
        });
      u1 = await nominate('u1.clerk', 'Nguyễn Thị Lan');
      u3 = await nominate('u3.clerk', 'Phan Văn Tùng');
    });

    it('the live draft lists only what the caller may see: U3’s clerk U3’s, the department reviewer their route’s, an admin all', async () => {
      const seen = async (username: string) => {
        const res = await sut.get(username, `/api/campaigns/${campaignId}/result`);
        expect(res.status).toBe(200);
        return ids(res.body as Result);
      };
      expect(await seen('admin')).toEqual([u1.id, u3.id].sort());
      expect(await seen('u3.clerk')).toEqual([u3.id]);
      expect(await seen('dept-a.reviewer')).toEqual([u1.id]);
      expect(await seen('dept-b.reviewer')).toEqual([u3.id]);
      expect(await seen('so.council')).toEqual([u1.id, u3.id].sort());
      expect(await seen('u2.clerk')).toEqual([]);
    });

    it('counts, on the campaign and in the list, cover the same nominations', async () => {
      const counted = async (username: string) => {
        const one = await sut.get(username, `/api/campaigns/${campaignId}`);
        const listed = (await sut.get(username, '/api/campaigns')).body.items.find((c: { id: string }) => c.id === campaignId);
        expect(listed.counts).toEqual(one.body.counts);
        return countAll(one.body.counts);
      };
      expect(await counted('admin')).toBe(2);
      expect(await counted('u3.clerk')).toBe(1);
      expect(await counted('dept-a.reviewer')).toBe(1);
      expect(await counted('u2.clerk')).toBe(0);
    });

    it('the stored result of a finished campaign is filtered per caller, totals included, in JSON, CSV and PDF alike', async () => {
      const item = (id: string, unitCode: string, fullName: string): CampaignNomination => ({
        nominationId: id,
        nominee: { kind: 'INDIVIDUAL', fullName },
        unitCode,
        unitName: unitCode,
        awardCode: 'GIAY_KHEN_GIAM_DOC_SO',
      });
      // A name as a clerk could type it, to be run as formulas by a spreadsheet splitting on , or ;.
      const hostile = '=HYPERLINK("http://x");@SUM(A1)';
      const stored = computeCampaignResult({
        campaign: { code: 'SCOPE', name: 'Phạm vi', year: 2026 },
        approved: [item(u1.id, 'U1', 'Nguyễn Thị Lan'), item(u3.id, 'U3', hostile)],
        pending: [],
      });
      await sut.prisma.campaign.update({ where: { id: campaignId }, data: { status: 'FINISHED', result: stored as unknown as Prisma.InputJsonObject } });

      const admin = (await sut.get('admin', `/api/campaigns/${campaignId}/result`)).body as Result;
      expect(admin.decisions[0]).toMatchObject({ total: 1_420_000 });
      const clerk = (await sut.get('u3.clerk', `/api/campaigns/${campaignId}/result`)).body as Result;
      expect(ids(clerk)).toEqual([u3.id]);
      expect(clerk.decisions[0]).toMatchObject({ total: 710_000 });

      const csv = (await sut.download('u3.clerk', `/api/campaigns/${campaignId}/result.csv`)).body.toString('utf8');
      expect(csv).not.toContain('Nguyễn Thị Lan');
      expect(csv).toContain(`"'=HYPERLINK(""http://x"");'@SUM(A1)"`);
      const adminCsv = (await sut.download('admin', `/api/campaigns/${campaignId}/result.csv`)).body.toString('utf8');
      expect(adminCsv).toContain('Nguyễn Thị Lan');

      const pdf = await sut.download('u3.clerk', `/api/campaigns/${campaignId}/result.pdf`);
      expect(pdf.status).toBe(200);
      expect((await sut.download('u2.clerk', `/api/campaigns/${campaignId}/certificates.pdf`)).status).toBe(200);
      expect(((await sut.get('u2.clerk', `/api/campaigns/${campaignId}/result`)).body as Result).decisions).toEqual([]);
    });
  });

  describe('delegations', () => {
    const delegate = (body: Record<string, unknown>, as = 'dept-a.reviewer') =>
      sut.post(as, '/api/delegations', { deputy: 'dept-a.deputy', level: 'DEPARTMENT', from: day(0), to: day(5), ...body });
    const refusedOn = async (body: Record<string, unknown>) => {
      const res = await delegate(body);
      expect(res.status).toBe(400);
      return res.body.error.details.map((d: { path: string }) => d.path);
    };

    it('the deputy is staff of the delegator’s own organisation, never a clerk or an admin', async () => {
      expect(await refusedOn({ deputy: 'u1.clerk' })).toEqual(['deputy']);
      expect(await refusedOn({ deputy: 'admin' })).toEqual(['deputy']);
      expect(await refusedOn({ deputy: 'dept-b.reviewer' })).toEqual(['deputy']);
      expect(await refusedOn({ deputy: 'so.member1' })).toEqual(['deputy']);
      expect(await refusedOn({ deputy: 'dept-a.reviewer' })).toEqual(['deputy']);
      expect(await refusedOn({ deputy: 'nobody.here' })).toEqual(['deputy']);
      // The unit's own head may not hand the unit level to the clerk whose submissions it approves.
      const toClerk = await sut.post('u1.head', '/api/delegations', { deputy: 'u1.clerk', level: 'UNIT', from: day(0), to: day(1) });
      expect(toClerk.status).toBe(400);
      expect(toClerk.body.error.details[0].path).toBe('deputy');
    });

    it('starts today or later (Hà Nội day) and lasts at most DELEGATION_MAX_DAYS', async () => {
      expect(await refusedOn({ from: day(-1) })).toEqual(['from']);
      expect(await refusedOn({ from: day(1), to: day(91) })).toEqual(['to']);
      const longest = await delegate({ from: day(1), to: day(90) });
      expect(longest.status).toBe(201);
      await del('dept-a.reviewer', `/api/delegations/${longest.body.id}`);
    });

    it('lists those given and those received; the delegator or an admin revokes, the deputy may not, others do not see it', async () => {
      const created = await delegate({});
      expect(created.status).toBe(201);
      const id = created.body.id as string;
      expect((await sut.get('dept-a.reviewer', '/api/delegations')).body.given).toEqual(
        expect.arrayContaining([expect.objectContaining({ id, deputy: 'dept-a.deputy', from: day(0), to: day(5) })]),
      );
      const deputy = (await sut.get('dept-a.deputy', '/api/delegations')).body;
      expect(deputy.received).toEqual(expect.arrayContaining([expect.objectContaining({ id, delegator: 'dept-a.reviewer' })]));
      expect(deputy.given).toEqual([]);
      expect((await sut.get('u3.clerk', '/api/delegations')).body).toEqual({ given: [], received: [] });

      expect((await del('dept-a.deputy', `/api/delegations/${id}`)).status).toBe(403);
      // A clerk never delegates: refused by the route's declaration before the delegation is looked up.
      expect((await del('u3.clerk', `/api/delegations/${id}`)).status).toBe(403);
      expect((await del('dept-b.reviewer', `/api/delegations/${id}`)).status).toBe(404);
      expect((await del('dept-a.reviewer', '/api/delegations/not-a-uuid')).status).toBe(404);
      expect(await sut.prisma.delegation.count({ where: { id } })).toBe(1);
      expect((await del('dept-a.reviewer', `/api/delegations/${id}`)).status).toBe(204);
      expect((await del('dept-a.reviewer', `/api/delegations/${id}`)).status).toBe(404);
      expect((await sut.get('dept-a.deputy', '/api/delegations')).body.received.map((d: { id: string }) => d.id)).not.toContain(id);

      const another = await delegate({});
      expect((await del('admin', `/api/delegations/${another.body.id}`)).status).toBe(204);
    });

    it('a revoked delegation grants nothing, and a deputy decides only while the delegator still reviews that level', async () => {
      const n = await sut.submit();
      expect((await sut.decide('u1.head', n.id, { level: 'UNIT', decision: 'APPROVE' })).status).toBe(200);
      const revoked = await delegate({});
      await del('dept-a.reviewer', `/api/delegations/${revoked.body.id}`);
      expect((await sut.decide('dept-a.deputy', n.id, { level: 'DEPARTMENT', decision: 'APPROVE' })).status).toBe(404);

      await delegate({});
      await sut.prisma.user.update({ where: { username: 'dept-a.reviewer' }, data: { role: 'STAFF' } });
      try {
        const stale = await sut.decide('dept-a.deputy', n.id, { level: 'DEPARTMENT', decision: 'APPROVE' });
        expect([403, 404]).toContain(stale.status);
        expect(await sut.prisma.decision.count({ where: { nominationId: n.id, level: 'DEPARTMENT' } })).toBe(0);
      } finally {
        await sut.prisma.user.update({ where: { username: 'dept-a.reviewer' }, data: { role: 'REVIEWER' } });
      }
      const res = await sut.decide('dept-a.deputy', n.id, { level: 'DEPARTMENT', decision: 'APPROVE' });
      expect(res.status).toBe(200);
      expect(res.body.decisions[1]).toMatchObject({ reviewer: 'dept-a.deputy', onBehalfOf: 'dept-a.reviewer' });
      await sut.prisma.delegation.deleteMany({ where: { delegator: 'dept-a.reviewer' } });
    });
  });

  describe('reassign', () => {
    const reassign = (id: string, level: string, reviewer: string) =>
      sut.post('admin', `/api/admin/nominations/${id}/reassign`, { level, reviewer, reason: 'Người xét duyệt đi công tác', requestId: randomUUID() });

    it('only to staff of the organisation reviewing that level of the nomination’s route; never an admin or a clerk', async () => {
      const n = await sut.submit();
      for (const [level, reviewer] of [
        ['UNIT', 'u1.clerk'],
        ['UNIT', 'admin'],
        ['UNIT', 'dept-a.deputy'],
        ['UNIT', 'u2.head'],
        ['UNIT', 'nobody.here'],
      ] as const) {
        const res = await reassign(n.id, level, reviewer);
        expect({ reviewer, status: res.status, path: res.body.error?.details?.[0]?.path }).toEqual({ reviewer, status: 400, path: 'reviewer' });
      }
      expect(await sut.prisma.levelAssignment.count({ where: { nominationId: n.id } })).toBe(0);

      expect((await sut.decide('u1.head', n.id, { level: 'UNIT', decision: 'APPROVE' })).status).toBe(200);
      expect((await reassign(n.id, 'DEPARTMENT', 'dept-b.reviewer')).status).toBe(400);
      expect((await reassign(n.id, 'DEPARTMENT', 'so.member1')).status).toBe(400);
      const ok = await reassign(n.id, 'DEPARTMENT', 'dept-a.deputy');
      expect(ok.status).toBe(200);
      expect(await sut.prisma.levelAssignment.findFirst({ where: { nominationId: n.id, level: 'DEPARTMENT' } })).toMatchObject({ reviewer: 'dept-a.deputy' });
    });
  });

  describe('hold reasons', () => {
    const reason = 'Đang bị thanh tra về tài chính';

    it('a clerk’s refusal says the nominee is on hold (ON_HOLD), not why', async () => {
      const fullName = `Trịnh Văn ${randomUUID().slice(0, 4)}`;
      expect((await sut.post('admin', '/api/admin/holds', { fullName, unitCode: 'U3', reason, until: day(30) })).status).toBe(201);
      const res = await sut.post('u3.clerk', '/api/nominations', {
        awardCode: 'LAO_DONG_TIEN_TIEN',
        year: 2026,
        nominee: { kind: 'INDIVIDUAL', fullName, position: 'Chuyên viên' },
        achievements: 'Hoàn thành tốt nhiệm vụ được giao trong năm.',
        declarations: { rating: 'HTXS' },
      });
      expect(res.status).toBe(422);
      expect(res.body.error.details).toEqual([{ path: 'ON_HOLD', message: expect.stringContaining('không xét khen thưởng') }]);
      expect(JSON.stringify(res.body)).not.toContain(reason);
    });

    it('the nomination’s stored eligibility shows the reason to the route’s reviewers and admins, not to the submitting unit’s clerk', async () => {
      const n = await sut.submit();
      const row = await sut.prisma.nomination.findUniqueOrThrow({ where: { id: n.id } });
      const eligibility = row.eligibility as { passed: boolean; criteria: Record<string, unknown>[] };
      const onHold = { code: 'ON_HOLD', status: 'NOT_MET', message: 'Đang trong thời gian không xét khen thưởng đến hết ngày 31/12/2099', reason };
      await sut.prisma.nomination.update({
        where: { id: n.id },
        data: { eligibility: { ...eligibility, criteria: [onHold, ...eligibility.criteria] } as Prisma.InputJsonObject },
      });

      const held = async (username: string) => {
        const res = await sut.get(username, `/api/nominations/${n.id}`);
        expect(res.status).toBe(200);
        return res.body.eligibility.criteria.find((c: { code: string }) => c.code === 'ON_HOLD');
      };
      expect(await held('u1.clerk')).toEqual({ code: 'ON_HOLD', status: 'NOT_MET', message: onHold.message });
      const listed = (await sut.get('u1.clerk', `/api/nominations?pageSize=100`)).body.items.find((i: { id: string }) => i.id === n.id);
      expect(JSON.stringify(listed)).not.toContain(reason);
      expect(await held('dept-a.reviewer')).toMatchObject({ reason });
      expect(await held('u1.head')).toMatchObject({ reason });
      expect(await held('admin')).toMatchObject({ reason });
    });
  });
});
