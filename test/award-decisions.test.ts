import { execFileSync, spawnSync } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { createApiApp } from '../apps/api/app.factory';
import { awardCash } from '../libs/campaigns/campaign-result';
import { catalogueVersion } from '../libs/domain/award-catalogue';
import { awardHistoryEntry } from '../libs/domain/award-history-entry';
import { hanoiDay } from '../libs/domain/hanoi-time';
import type { Nominee } from '../libs/domain/schemas';
import { EligibilityService } from '../libs/eligibility/eligibility.service';
import { createLogger } from '../libs/logging/logger';
import { Harness } from './support/harness';
import { extractPages } from './support/pdf-text';
import { PROJECT_ROOT } from './setup/paths';

/**
 * Award decisions over nominations written as approved rows (year 2017, which no other test uses):
 * the reviews that lead there are other files' subject; drafting, numbering, signing, the history and
 * the public lookup are this one's, all through the API against the real database.
 */
describe('award decisions', () => {
  let sut: Harness;
  const YEAR = 2017;
  const AWARD = 'LAO_DONG_TIEN_TIEN';
  const dir = mkdtempSync(join(tmpdir(), 'award-decisions-'));

  /** A nomination as a final approval leaves it: the row, and the history row the approval wrote. */
  const approved = async (
    fullName: string,
    options: { unitCode?: string; awardCode?: string; status?: 'APPROVED' | 'IN_REVIEW' | 'FORWARDED'; campaignId?: string } = {},
  ) => {
    const id = randomUUID();
    const nominee: Nominee = { kind: 'INDIVIDUAL', fullName, position: 'Chuyên viên' };
    const row = { id, awardCode: options.awardCode ?? AWARD, year: YEAR, unitCode: options.unitCode ?? 'U1', nominee };
    await sut.prisma.nomination.create({
      data: {
        ...row,
        catalogueVersion: '2025.1',
        achievements: 'Hoàn thành tốt nhiệm vụ được giao.',
        route: ['UNIT', 'DEPARTMENT', 'SO'],
        status: options.status ?? 'APPROVED',
        submittedBy: 'u1.clerk',
        campaignId: options.campaignId,
        requestId: `award-decisions-${id}`,
        workflowId: `nomination-${id}`,
      },
    });
    if ((options.status ?? 'APPROVED') === 'APPROVED')
      await sut.prisma.awardHistory.create({ data: awardHistoryEntry(row, new Date().toISOString(), undefined, undefined) });
    return id;
  };

  const draft = (nominationIds: string[], body: Record<string, unknown> = {}) =>
    sut.post('admin', '/api/award-decisions', { awardCode: AWARD, year: YEAR, nominationIds, requestId: randomUUID(), ...body });
  const issue = (id: string) => sut.post('admin', `/api/award-decisions/${id}/issue`, { signer: 'Nguyễn Văn Minh, Giám đốc Sở', requestId: randomUUID() });
  const publicAwards = (query: string) => request(sut.app.getHttpServer()).get(`/api/public/awards?${query}`);
  const ldttForYear = async (fullName: string) => {
    const eligibility = await sut.app
      .get(EligibilityService)
      .evaluate({ awardCode: 'CSTD_CO_SO', year: YEAR, unitCode: 'U1', nominee: { kind: 'INDIVIDUAL', fullName }, declarations: { rating: 'HTXS' } });
    return eligibility.criteria.find((c) => c.code === 'LDTT_FOR_YEAR')?.status;
  };

  beforeAll(async () => {
    sut = await Harness.start();
  }, 120_000);
  afterAll(() => sut?.close());

  it('refuses a draft naming one detail per nomination that may not be in it', async () => {
    const ok = await approved('Trần Thị Hợp');
    const inReview = await approved('Lê Văn Chờ', { status: 'IN_REVIEW' });
    const forwarded = await approved('Phạm Thị Trình', { status: 'FORWARDED' });
    const otherAward = await approved('Đỗ Văn Khác', { awardCode: 'CSTD_CO_SO' });
    const unknown = randomUUID();
    const res = await draft([ok, inReview, forwarded, otherAward, unknown]);
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('INVALID_STATE');
    const details = res.body.error.details as { path: string; message: string }[];
    expect(details.map((d) => d.path)).toEqual(['nominationIds.1', 'nominationIds.2', 'nominationIds.3', 'nominationIds.4']);
    for (const [i, id] of [inReview, forwarded, otherAward, unknown].entries()) expect(details[i]!.message).toContain(id);
    expect(await sut.prisma.awardDecision.count({ where: { year: YEAR } })).toBe(0);

    expect((await draft([ok], { requestId: undefined })).status).toBe(400);
    expect((await sut.post('u1.clerk', '/api/award-decisions', { awardCode: AWARD, year: YEAR, nominationIds: [ok], requestId: 'x' })).status).toBe(403);
  });

  describe('one decision from draft to revocation', () => {
    let first: string;
    let second: string;
    let decisionId: string;
    let number: string;
    let sha256: string;

    beforeAll(async () => {
      first = await approved('Nguyễn Thị Lan');
      second = await approved('Vũ Văn Bình', { unitCode: 'U3' });
    });

    it('drafts with the campaign result’s amounts, once per request id, and no nomination twice', async () => {
      const requestId = randomUUID();
      const res = await draft([first, second], { requestId });
      expect(res.status).toBe(201);
      const salaries = (await sut.prisma.baseSalary.findMany()).map((s) => ({ amount: s.amount, effectiveFrom: s.effectiveFrom.toISOString().slice(0, 10) }));
      const expected = awardCash(catalogueVersion('2025.1')!, AWARD, 'INDIVIDUAL', salaries, hanoiDay(new Date())).amount;
      expect(res.body).toMatchObject({ status: 'DRAFT', authority: 'GIAM_DOC_SO', awardCode: AWARD, year: YEAR, number: null, total: 2 * expected });
      expect(res.body.items.map((i: { amount: number }) => i.amount)).toEqual([expected, expected]);
      decisionId = res.body.id;

      expect((await draft([first, second], { requestId })).body.id).toBe(decisionId);
      const reused = await draft([first], { requestId });
      expect(reused.status).toBe(422);
      expect(reused.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
      const again = await draft([second]);
      expect(again.status).toBe(409);
      expect(again.body.error.details).toEqual([{ path: 'nominationIds.0', message: expect.stringContaining(second) }]);
    });

    it('issues with the next number, writes the history and shows it on the nomination; issuing again gives the same number', async () => {
      const res = await issue(decisionId);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: 'ISSUED', signer: 'Nguyễn Văn Minh, Giám đốc Sở' });
      expect(res.body.number).toMatch(/^\d+\/QĐ-SCT$/);
      expect(res.body.sha256).toMatch(/^[0-9a-f]{64}$/);
      ({ number, sha256 } = res.body);
      expect((await issue(decisionId)).body).toMatchObject({ number, sha256 });
      // Once on the audit trail, however often it is issued.
      const issued = await sut.prisma.auditEvent.findMany({ where: { kind: 'AWARD_DECISION_ISSUED', subject: `award-decision:${decisionId}` } });
      expect(issued.map((e) => [e.actor, (e.data as { number: string }).number])).toEqual([['admin', number]]);

      const history = await sut.prisma.awardHistory.findMany({ where: { nominationId: { in: [first, second] } }, orderBy: { fullName: 'asc' } });
      expect(history.map((h) => [h.fullName, h.decisionRef, h.basis, h.revokedAt])).toEqual([
        ['Nguyễn Thị Lan', number, 'REGULAR', null],
        ['Vũ Văn Bình', number, 'REGULAR', null],
      ]);
      const nomination = await sut.get('admin', `/api/nominations/${first}`);
      expect(nomination.body.awardDecision).toEqual({ id: decisionId, number, issuedAt: res.body.issuedAt });
      expect(await ldttForYear('Nguyễn Thị Lan')).toBe('MET');
    });

    it('serves the document signed over the whole file: pdfsig finds it valid, and broken after one byte changes', async () => {
      const res = await sut.download('admin', `/api/award-decisions/${decisionId}/document.pdf`);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      const pdf = res.body as Buffer;
      expect(createHash('sha256').update(pdf).digest('hex')).toBe(sha256);
      const [pages] = await extractPages([pdf]);
      const text = pages!.join('\n');
      for (const part of [
        'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
        `Số: ${number}`,
        'QUYẾT ĐỊNH',
        'Căn cứ',
        'Điều 1.',
        'Nơi nhận:',
        'Nguyễn Thị Lan',
        'Vũ Văn Bình',
      ]) {
        expect(text).toContain(part);
      }

      const pdfsig = execFileSync(process.execPath, [join(PROJECT_ROOT, 'scripts', 'ensure-pdfsig.mjs')], { encoding: 'utf8' });
      const verify = (bytes: Buffer) => {
        const file = join(dir, `${randomUUID()}.pdf`);
        writeFileSync(file, bytes);
        const run = spawnSync(pdfsig, [file], { encoding: 'utf8' });
        return run.stdout + run.stderr;
      };
      const good = verify(pdf);
      expect(good).toContain('Signature is Valid');
      expect(good).toContain('Total document signed');
      expect(good).toContain('ETSI.CAdES.detached');
      // A byte of the page content, inside the signed ranges.
      const changed = Buffer.from(pdf);
      const at = changed.indexOf('stream') + 20;
      changed[at] = changed[at]! ^ 0x01;
      expect(verify(changed)).not.toContain('Signature is Valid');
    });

    it('prints one certificate page per awardee; a unit’s users see only their own awardees', async () => {
      const res = await sut.download('admin', `/api/award-decisions/${decisionId}/certificates.pdf`);
      expect(res.status).toBe(200);
      const [pages] = await extractPages([res.body as Buffer]);
      expect(pages).toHaveLength(2);
      expect(pages![0]).toContain('Nguyễn Thị Lan');
      expect(pages![1]).toContain('Vũ Văn Bình');
      for (const page of pages!) expect(page).toContain(number);

      const own = await sut.get('u1.clerk', `/api/award-decisions/${decisionId}`);
      expect(own.status).toBe(200);
      expect(own.body.items.map((i: { nominationId: string }) => i.nominationId)).toEqual([first]);
      expect((await sut.get('u2.clerk', `/api/award-decisions/${decisionId}`)).status).toBe(404);
      expect((await sut.get('u2.clerk', `/api/award-decisions?year=${YEAR}`)).body.items).toEqual([]);
    });

    it('publishes name, unit, award, number and date, without sign-in, and nothing else', async () => {
      const res = await publicAwards(`year=${YEAR}&q=nguyen thi lan`);
      expect(res.status).toBe(200);
      expect(res.body.items).toEqual([
        {
          fullName: 'Nguyễn Thị Lan',
          unitName: expect.any(String),
          awardName: 'Danh hiệu Lao động tiên tiến',
          decisionNumber: number,
          issuedAt: expect.any(String),
        },
      ]);
      expect((await publicAwards(`year=${YEAR}`)).body.items).toHaveLength(2);
    });

    it('revokes with a reason: the history stops counting, the lookup drops it, the document stays, marked revoked', async () => {
      expect((await sut.post('admin', `/api/award-decisions/${decisionId}/revoke`, { requestId: randomUUID() })).status).toBe(400);
      const res = await sut.post('admin', `/api/award-decisions/${decisionId}/revoke`, { reason: 'Phát hiện sai sót trong hồ sơ', requestId: randomUUID() });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: 'REVOKED', number, revokeReason: 'Phát hiện sai sót trong hồ sơ' });
      const revoked = await sut.prisma.auditEvent.findMany({ where: { kind: 'AWARD_DECISION_REVOKED', subject: `award-decision:${decisionId}` } });
      expect(revoked.map((e) => [e.actor, e.data])).toEqual([['admin', { number, reason: 'Phát hiện sai sót trong hồ sơ' }]]);
      expect(await ldttForYear('Nguyễn Thị Lan')).toBe('NOT_MET');
      expect((await publicAwards(`year=${YEAR}`)).body.items).toEqual([]);
      expect((await sut.get('admin', `/api/nominations/${first}`)).body.awardDecision).toBeNull();
      expect((await issue(decisionId)).status).toBe(409);

      const document = await sut.download('admin', `/api/award-decisions/${decisionId}/document.pdf`);
      expect(document.status).toBe(200);
      const [pages] = await extractPages([document.body as Buffer]);
      expect(pages!.join('\n')).toContain('ĐÃ THU HỒI');

      // The nomination may be decided again; the revoked number is never given again.
      const redraft = await draft([first]);
      expect(redraft.status).toBe(201);
      const reissued = await issue(redraft.body.id);
      expect(reissued.body.number).not.toBe(number);
      expect(parseInt(reissued.body.number, 10)).toBeGreaterThan(parseInt(number, 10));
      expect(await ldttForYear('Nguyễn Thị Lan')).toBe('MET');
    });
  });

  it('links the campaign result to the decisions issued from it', async () => {
    const code = `AD-${randomUUID().slice(0, 8)}`;
    const at = new Date();
    const campaign = await sut.prisma.campaign.create({
      data: {
        code,
        name: `Đợt thi đua ${code}`,
        year: YEAR,
        kind: 'REGULAR',
        awardCodes: [AWARD],
        opensAt: at,
        closesAt: at,
        decisionDeadline: at,
        status: 'CLOSED',
        workflowId: `campaign-${code}`,
        createdBy: 'admin',
      },
    });
    const ids = [await approved('Phan Văn Đợt', { campaignId: campaign.id }), await approved('Lý Thị Đợt', { campaignId: campaign.id })];
    const before = await sut.get('admin', `/api/campaigns/${campaign.id}/result`);
    expect(before.body.awardDecisions).toEqual([]);
    const drafted = await draft(ids);
    const issued = await issue(drafted.body.id);
    const after = await sut.get('admin', `/api/campaigns/${campaign.id}/result`);
    expect(after.body.awardDecisions).toEqual([
      { id: drafted.body.id, number: issued.body.number, status: 'ISSUED', awardCode: AWARD, issuedAt: issued.body.issuedAt, awardees: 2 },
    ]);
  });

  it('gives twenty decisions issued at once, through two API replicas, twenty consecutive numbers', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 20; i++) {
      const res = await draft([await approved(`Người Thứ ${i + 1}`, { unitCode: 'U2' })]);
      expect(res.status).toBe(201);
      ids.push(res.body.id);
    }
    // A second API process on the same database, as a deployment with two replicas has.
    const replica = await createApiApp(sut.config, ['error'], createLogger(sut.config, 'api'));
    await replica.init();
    try {
      const token = await sut.token('admin');
      const issued = await Promise.all(
        ids.map((id, i) =>
          request((i % 2 ? replica : sut.app).getHttpServer())
            .post(`/api/award-decisions/${id}/issue`)
            .set('Authorization', `Bearer ${token}`)
            .send({ signer: 'Nguyễn Văn Minh, Giám đốc Sở', requestId: randomUUID() }),
        ),
      );
      expect(issued.map((r) => r.status)).toEqual(ids.map(() => 200));
      const numbers = issued.map((r) => parseInt(r.body.number, 10)).sort((a, b) => a - b);
      expect(numbers).toEqual(numbers.map((_, i) => numbers[0]! + i));
      const counter = await sut.prisma.awardDecisionCounter.findUniqueOrThrow({
        where: { authority_year: { authority: 'GIAM_DOC_SO', year: Number(hanoiDay(new Date()).slice(0, 4)) } },
      });
      expect(counter.last).toBe(numbers.at(-1));
    } finally {
      await replica.close();
    }
  }, 60_000);

  it('counts in the statistics the awardees of issued decisions, none of a revoked one', async () => {
    const issued = (await sut.get('admin', `/api/award-decisions?year=${YEAR}&status=ISSUED`)).body.items as { items: unknown[]; total: number }[];
    const stats = await sut.get('admin', `/api/statistics?year=${YEAR}&by=award`);
    const row = (stats.body.rows as { key: string; awarded: number; amount: number }[]).find((r) => r.key === AWARD);
    // The redrafted nomination, the campaign's two and the twenty issued at once.
    expect(issued.reduce((n, d) => n + d.items.length, 0)).toBe(23);
    expect(row).toMatchObject({ awarded: 23, amount: issued.reduce((sum, d) => sum + d.total, 0) });
  });
});
