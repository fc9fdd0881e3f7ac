import { awardCash, computeCampaignResult, type BaseSalaryEntry } from '../campaigns/campaign-result';
import { catalogueVersion } from '../domain/award-catalogue';
import { draftDecision, type DraftCandidate } from './award-decision-draft';

const salaries: BaseSalaryEntry[] = [
  { amount: 2_340_000, effectiveFrom: '2024-07-01' },
  { amount: 2_530_000, effectiveFrom: '2026-07-01' },
];

const lan: DraftCandidate = {
  id: 'n-lan',
  status: 'APPROVED',
  awardCode: 'LAO_DONG_TIEN_TIEN',
  year: 2026,
  catalogueVersion: '2025.1',
  unitCode: 'U1',
  unitName: 'Trung tâm Khuyến công',
  nominee: { kind: 'INDIVIDUAL', fullName: 'Nguyễn Thị Lan' },
  route: ['UNIT', 'DEPARTMENT', 'SO'],
};
const an: DraftCandidate = { ...lan, id: 'n-an', unitName: 'Ban Quản lý chợ', nominee: { kind: 'INDIVIDUAL', fullName: 'Trần Văn An' } };

const request = (nominationIds: string[], day = '2026-12-08') => ({ awardCode: 'LAO_DONG_TIEN_TIEN', year: 2026, nominationIds, day, baseSalaries: salaries });
const byId = (...candidates: DraftCandidate[]) => new Map(candidates.map((c) => [c.id, c]));

describe('draftDecision', () => {
  it('prices each awardee exactly as the campaign result does, on the drafting day', () => {
    const draft = draftDecision(request(['n-lan', 'n-an']), byId(lan, an));
    if ('refused' in draft) throw new Error('refused');
    const result = computeCampaignResult({
      campaign: { code: 'C', name: 'Đợt', year: 2026 },
      approved: [lan, an].map((c) => ({ ...c, nominationId: c.id, decidedOn: '2026-12-08' })),
      pending: [],
      baseSalaries: salaries,
    });
    const campaignAmounts = result.decisions[0]!.items.map((i) => [i.nominationId, i.amount]);
    expect(draft.items.map((i) => [i.nominationId, i.amount])).toEqual(campaignAmounts);
    // 2,530,000 × 0.3 = 759,000, up to 760,000.
    expect(draft.items.map((i) => i.amount)).toEqual([760_000, 760_000]);
    expect(draft.items[0]!.amount).toBe(awardCash(catalogueVersion('2025.1')!, 'LAO_DONG_TIEN_TIEN', 'INDIVIDUAL', salaries, '2026-12-08').amount);
    expect(draft).toMatchObject({ authority: 'GIAM_DOC_SO', awardName: 'Danh hiệu Lao động tiên tiến', total: 1_520_000 });
  });

  it('lists the awardees by unit, then name, in Vietnamese order', () => {
    const draft = draftDecision(request(['n-lan', 'n-an']), byId(lan, an));
    expect('items' in draft && draft.items.map((i) => i.unitName)).toEqual(['Ban Quản lý chợ', 'Trung tâm Khuyến công']);
  });

  it('refuses, one detail each naming it, every nomination that may not be in the decision', () => {
    const candidates = byId(
      lan,
      { ...an, id: 'n-review', status: 'IN_REVIEW' },
      { ...an, id: 'n-forwarded', status: 'FORWARDED' },
      { ...an, id: 'n-other', awardCode: 'CSTD_CO_SO' },
      { ...an, id: 'n-year', year: 2025 },
      { ...an, id: 'n-taken', inDecision: { number: '4/QĐ-SCT' } },
    );
    const draft = draftDecision(request(['n-lan', 'n-review', 'n-forwarded', 'n-other', 'n-year', 'n-taken', 'n-missing']), candidates);
    expect('refused' in draft && draft.refused.map((d) => [d.path, d.message.split(':')[0]])).toEqual([
      ['nominationIds.1', 'n-review'],
      ['nominationIds.2', 'n-forwarded'],
      ['nominationIds.3', 'n-other'],
      ['nominationIds.4', 'n-year'],
      ['nominationIds.5', 'n-taken'],
      ['nominationIds.6', 'n-missing'],
    ]);
    expect('refused' in draft && draft.refused[4]!.message).toContain('4/QĐ-SCT');
  });

  it("refuses an enterprise's own award, which its director decided (Luật 06/2022 art. 80(4))", () => {
    const enterprise: DraftCandidate = { ...lan, id: 'n-dn', catalogueVersion: '2026.1', route: ['UNIT'] };
    const draft = draftDecision(request(['n-lan', 'n-dn']), byId(lan, enterprise));
    expect('refused' in draft && draft.refused).toEqual([{ path: 'nominationIds.1', message: expect.stringContaining('Giám đốc doanh nghiệp') }]);
  });

  it('refuses an award of another authority than the one deciding it', () => {
    const city = { ...lan, awardCode: 'BANG_KHEN_UBND_TP', route: ['UNIT', 'DEPARTMENT', 'SO', 'CITY'] };
    const draft = draftDecision({ ...request(['n-lan']), awardCode: 'BANG_KHEN_UBND_TP' }, byId(city));
    expect('items' in draft && draft.authority).toBe('CHU_TICH_UBND_TP');
  });
});
