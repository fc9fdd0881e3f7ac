import { AWARD_CODES } from '../domain/award-catalogue';
import { cashAmount, computeCampaignResult, DEFAULT_BASE_SALARY, DEFAULT_CASH_MULTIPLES, scopeCampaignResult, type CampaignNomination } from './campaign-result';

const campaign = { code: 'REGULAR-2026', name: 'Phong trào thi đua thường xuyên', year: 2026 };

const lan: CampaignNomination = {
  nominationId: 'n-lan',
  nominee: { kind: 'INDIVIDUAL', fullName: 'Nguyễn Thị Lan', position: 'Chuyên viên' },
  unitCode: 'U1',
  unitName: 'Trung tâm Khuyến công',
  awardCode: 'CSTD_CO_SO',
};
const binh: CampaignNomination = { ...lan, nominationId: 'n-binh', nominee: { kind: 'INDIVIDUAL', fullName: 'Trần Văn Bình' }, awardCode: 'LAO_DONG_TIEN_TIEN' };
const dung: CampaignNomination = { ...binh, nominationId: 'n-dung', nominee: { kind: 'INDIVIDUAL', fullName: 'Đỗ Văn Dũng' } };
const anh: CampaignNomination = { ...binh, nominationId: 'n-anh', nominee: { kind: 'INDIVIDUAL', fullName: 'Đặng Thị Ánh' }, unitCode: 'U2', unitName: 'Ban Quản lý chợ' };
const hung: CampaignNomination = { ...lan, nominationId: 'n-hung', nominee: { kind: 'INDIVIDUAL', fullName: 'Lê Văn Hùng' }, awardCode: 'CSTD_THANH_PHO' };
const phong: CampaignNomination = { nominationId: 'n-phong', nominee: { kind: 'COLLECTIVE', name: 'Phòng Kế hoạch - Tài chính' }, unitCode: 'U3', unitName: 'Ban Quản lý chợ', awardCode: 'TAP_THE_LAO_DONG_XUAT_SAC' };

describe('computeCampaignResult', () => {
  it('rounds each amount to the nearest 1,000 đồng and totals the rounded amounts (worked by hand)', () => {
    // Base 2,345,678: LĐTT 0.3 → 703,703.4 → 704,000; CSTĐ cơ sở 1.0 → 2,345,678 → 2,346,000;
    // CSTĐ thành phố 3.0 → 7,037,034 → 7,037,000; TTLĐXS 1.5 → 3,518,517 → 3,519,000.
    const result = computeCampaignResult({ campaign, baseSalary: 2_345_678, approved: [lan, binh, hung, phong], pending: [] });

    const [so, city] = result.decisions;
    expect(so?.items.map((i) => [i.nominationId, i.amount])).toEqual([['n-binh', 704_000], ['n-lan', 2_346_000]]);
    expect(so?.total).toBe(3_050_000);
    expect(city?.items.map((i) => [i.nominationId, i.amount])).toEqual([['n-hung', 7_037_000], ['n-phong', 3_519_000]]);
    expect(city?.total).toBe(10_556_000);
    expect(result.baseSalary).toBe(2_345_678);
  });

  it('uses the configured base salary and DOMAIN.md multiples by default', () => {
    const result = computeCampaignResult({ campaign, approved: [lan, binh, hung, phong], pending: [] });
    expect(DEFAULT_BASE_SALARY).toBe(2_340_000);
    expect(result.decisions.flatMap((d) => d.items.map((i) => [i.awardCode, i.cashMultiple, i.amount]))).toEqual([
      ['LAO_DONG_TIEN_TIEN', 0.3, 702_000],
      ['CSTD_CO_SO', 1, 2_340_000],
      ['CSTD_THANH_PHO', 3, 7_020_000],
      ['TAP_THE_LAO_DONG_XUAT_SAC', 1.5, 3_510_000],
    ]);
  });

  it('lets configuration override a multiple, and every catalogue award has a default', () => {
    const result = computeCampaignResult({ campaign, approved: [binh], pending: [], cashMultiples: { LAO_DONG_TIEN_TIEN: 0.5 } });
    expect(result.decisions[0]?.items[0]?.amount).toBe(1_170_000);
    expect(Object.keys(DEFAULT_CASH_MULTIPLES).sort()).toEqual([...AWARD_CODES].sort());
  });

  it('rounds half a thousand up and is not fooled by floating-point noise', () => {
    expect(cashAmount(1_001_500, 1)).toBe(1_002_000);
    expect(cashAmount(1_001_499, 1)).toBe(1_001_000);
    expect(cashAmount(2_340_000, 0.3)).toBe(702_000);
    // 1,315,000 × 0.7 is 920,500 exactly, but 920,499.9999999999 in floating point.
    expect(cashAmount(1_315_000, 0.7)).toBe(921_000);
  });

  it('makes one decision per authority that has items, the Sở first, with names for the documents', () => {
    const both = computeCampaignResult({ campaign, approved: [hung, lan], pending: [] });
    expect(both.decisions.map((d) => [d.authority, d.authorityName])).toEqual([
      ['GIAM_DOC_SO', 'Giám đốc Sở Công Thương Hà Nội'],
      ['CHU_TICH_UBND_TP', 'Chủ tịch Ủy ban nhân dân thành phố Hà Nội'],
    ]);
    expect(both.decisions[0]?.items[0]).toMatchObject({ awardName: 'Chiến sĩ thi đua cơ sở', unitName: 'Trung tâm Khuyến công', nominee: lan.nominee });

    const cityOnly = computeCampaignResult({ campaign, approved: [hung], pending: [] });
    expect(cityOnly.decisions.map((d) => d.authority)).toEqual(['CHU_TICH_UBND_TP']);
    expect(computeCampaignResult({ campaign, approved: [], pending: [] }).decisions).toEqual([]);
  });

  it('orders items by award (catalogue order), then unit, then name, in Vietnamese collation', () => {
    const result = computeCampaignResult({ campaign, approved: [lan, dung, binh, anh], pending: [] });
    // LĐTT precedes CSTĐ cơ sở in the catalogue; Đ sorts between D and E, so Đỗ precedes Trần (code points would not).
    expect(result.decisions[0]?.items.map((i) => i.nominationId)).toEqual(['n-anh', 'n-dung', 'n-binh', 'n-lan']);
  });

  it('lists pending nominations with their award and authority, awarding them nothing', () => {
    const result = computeCampaignResult({ campaign, approved: [lan], pending: [hung, binh] });
    expect(result.pending).toEqual([
      { ...binh, awardName: 'Danh hiệu Lao động tiên tiến', authority: 'GIAM_DOC_SO' },
      { ...hung, awardName: 'Chiến sĩ thi đua thành phố', authority: 'CHU_TICH_UBND_TP' },
    ]);
    expect(result.decisions.flatMap((d) => d.items.map((i) => i.nominationId))).toEqual(['n-lan']);
  });

  it('refuses data it cannot price or that lists a nomination twice', () => {
    expect(() => computeCampaignResult({ campaign, approved: [{ ...lan, awardCode: 'NO_SUCH' }], pending: [] })).toThrow(/NO_SUCH/);
    expect(() => computeCampaignResult({ campaign, approved: [lan], pending: [lan] })).toThrow(/twice/);
    expect(() => computeCampaignResult({ campaign, approved: [lan], pending: [], baseSalary: 0 })).toThrow(RangeError);
    expect(() => computeCampaignResult({ campaign, approved: [lan], pending: [], cashMultiples: { CSTD_CO_SO: Number.NaN } })).toThrow(/CSTD_CO_SO/);
  });
});

describe('scopeCampaignResult', () => {
  const full = computeCampaignResult({ campaign, approved: [lan, binh, anh, hung, phong], pending: [dung] });

  it('keeps only the visible items, totals over them alone, and drops an authority left empty', () => {
    const u2 = scopeCampaignResult(full, (i) => i.unitCode === 'U2');
    expect(u2.decisions).toEqual([expect.objectContaining({ authority: 'GIAM_DOC_SO', total: 702_000, items: [expect.objectContaining({ nominationId: 'n-anh' })] })]);
    expect(u2.pending).toEqual([]);
    expect(u2.baseSalary).toBe(full.baseSalary);
  });

  it('filters the pending list the same way', () => {
    expect(scopeCampaignResult(full, (i) => i.unitCode === 'U1').pending.map((p) => p.nominationId)).toEqual(['n-dung']);
  });

  it('returns everything, totals unchanged, when all is visible, and nothing when none is', () => {
    expect(scopeCampaignResult(full, () => true)).toEqual(full);
    expect(scopeCampaignResult(full, () => false)).toEqual({ baseSalary: full.baseSalary, decisions: [], proposals: [], pending: [] });
  });
});
