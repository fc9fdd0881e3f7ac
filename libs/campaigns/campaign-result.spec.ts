import { CATALOGUE } from '../domain/award-catalogue';
import { baseSalaryOn, cashAmount, computeCampaignResult, DEFAULT_BASE_SALARIES, scopeCampaignResult, type CampaignNomination } from './campaign-result';

const UP_TO_10K = { direction: 'UP', unit: 10_000, legalBasis: 'test' } as const;

const campaign = { code: 'REGULAR-2026', name: 'Phong trào thi đua thường xuyên', year: 2026 };

const lan: CampaignNomination = {
  nominationId: 'n-lan',
  nominee: { kind: 'INDIVIDUAL', fullName: 'Nguyễn Thị Lan', position: 'Chuyên viên' },
  unitCode: 'U1',
  unitName: 'Trung tâm Khuyến công',
  awardCode: 'CSTD_CO_SO',
};
const binh: CampaignNomination = {
  ...lan,
  nominationId: 'n-binh',
  nominee: { kind: 'INDIVIDUAL', fullName: 'Trần Văn Bình' },
  awardCode: 'LAO_DONG_TIEN_TIEN',
};
const dung: CampaignNomination = { ...binh, nominationId: 'n-dung', nominee: { kind: 'INDIVIDUAL', fullName: 'Đỗ Văn Dũng' } };
const anh: CampaignNomination = {
  ...binh,
  nominationId: 'n-anh',
  nominee: { kind: 'INDIVIDUAL', fullName: 'Đặng Thị Ánh' },
  unitCode: 'U2',
  unitName: 'Ban Quản lý chợ',
};
const hung: CampaignNomination = { ...lan, nominationId: 'n-hung', nominee: { kind: 'INDIVIDUAL', fullName: 'Lê Văn Hùng' }, awardCode: 'CSTD_THANH_PHO' };
const phong: CampaignNomination = {
  nominationId: 'n-phong',
  nominee: { kind: 'COLLECTIVE', name: 'Phòng Kế hoạch - Tài chính' },
  unitCode: 'U3',
  unitName: 'Ban Quản lý chợ',
  awardCode: 'TAP_THE_LAO_DONG_XUAT_SAC',
};

describe('computeCampaignResult', () => {
  it('rounds each amount up to the next 10,000 đồng and totals the rounded amounts (worked by hand)', () => {
    // Base 2,345,678 from 2026-01-01: LĐTT 0.3 → 703,703.4 → 710,000; CSTĐ cơ sở 1.0 → 2,345,678 → 2,350,000;
    // CSTĐ thành phố 3.0 → 7,037,034 → 7,040,000; TTLĐXS (a collective) 1.5 → 3,518,517 → 3,520,000.
    const baseSalaries = [...DEFAULT_BASE_SALARIES, { amount: 2_345_678, effectiveFrom: '2026-01-01' }];
    const result = computeCampaignResult({ campaign, baseSalaries, approved: [lan, binh, hung, phong], pending: [] });

    const [so, city] = result.decisions;
    expect(so?.items.map((i) => [i.nominationId, i.amount])).toEqual([
      ['n-binh', 710_000],
      ['n-lan', 2_350_000],
    ]);
    expect(so?.total).toBe(3_060_000);
    expect(city?.items.map((i) => [i.nominationId, i.amount])).toEqual([
      ['n-hung', 7_040_000],
      ['n-phong', 3_520_000],
    ]);
    expect(city?.total).toBe(10_560_000);
    expect(result.baseSalary).toBe(2_345_678);
  });

  it('uses the seeded base salary and the catalogue multiples by default', () => {
    const result = computeCampaignResult({ campaign, approved: [lan, binh, hung, phong], pending: [] });
    expect(DEFAULT_BASE_SALARIES).toEqual([{ amount: 2_340_000, effectiveFrom: '2024-07-01' }]);
    expect(result.decisions.flatMap((d) => d.items.map((i) => [i.awardCode, i.cashMultiple, i.amount]))).toEqual([
      ['LAO_DONG_TIEN_TIEN', 0.3, 710_000],
      ['CSTD_CO_SO', 1, 2_340_000],
      ['CSTD_THANH_PHO', 3, 7_020_000],
      ['TAP_THE_LAO_DONG_XUAT_SAC', 1.5, 3_510_000],
    ]);
  });

  it('pays a collective its own multiple, above an individual, by the version the nomination was judged by', () => {
    const bangKhen = (id: string, nominee: CampaignNomination['nominee'], catalogueVersion: string): CampaignNomination => ({
      ...lan,
      nominationId: id,
      nominee,
      awardCode: 'BANG_KHEN_UBND_TP',
      catalogueVersion,
    });
    const team = { kind: 'COLLECTIVE', name: 'Phòng Quản lý thương mại' } as const;
    const approved = [
      bangKhen('a-person-2025', lan.nominee, '2025.1'),
      bangKhen('b-team-2025', team, '2025.1'),
      bangKhen('c-person-2024', lan.nominee, '2024.1'),
      bangKhen('d-team-2024', team, '2024.1'),
      { ...lan, nominationId: 'e-giay-khen-team', nominee: team, awardCode: 'GIAY_KHEN_GIAM_DOC_SO' },
    ];
    const result = computeCampaignResult({ campaign, approved, pending: [] });
    const items = result.decisions.flatMap((d) => d.items);
    const priced = Object.fromEntries(items.map((i) => [i.nominationId, [i.cashMultiple, i.amount]]));
    // 2,340,000 × 1.5 = 3,510,000; × 3 = 7,020,000; × 1 = 2,340,000; × 2 = 4,680,000; × 0.6 = 1,404,000 → 1,410,000.
    expect(priced).toEqual({
      'a-person-2025': [1.5, 3_510_000],
      'b-team-2025': [3, 7_020_000],
      'c-person-2024': [1, 2_340_000],
      'd-team-2024': [2, 4_680_000],
      'e-giay-khen-team': [0.6, 1_410_000],
    });
  });

  it('lists an award the city only proposes apart, without cash and outside its decisions', () => {
    const proposed = { ...lan, nominationId: 'f-thu-tuong', awardCode: 'BANG_KHEN_THU_TUONG', catalogueVersion: '2025.1' };
    const result = computeCampaignResult({ campaign, approved: [proposed], pending: [] });
    expect(result.decisions.flatMap((d) => d.items)).toEqual([]);
    expect(result.proposals).toEqual([expect.objectContaining({ nominationId: 'f-thu-tuong', forwardTo: 'THU_TUONG', outcome: 'PROPOSED', amount: null })]);
  });

  it('a proposal the central level granted carries its cash, priced on the central decision’s day; one refused, none', () => {
    const baseSalaries = [...DEFAULT_BASE_SALARIES, { amount: 2_530_000, effectiveFrom: '2026-07-01' }];
    const proposed = { ...lan, awardCode: 'BANG_KHEN_THU_TUONG', catalogueVersion: '2025.1', decidedOn: '2026-06-15' };
    const granted = {
      ...proposed,
      nominationId: 'g-granted',
      externalDecision: { decisionRef: 'QĐ 12/QĐ-TTg', decidedOn: '2026-07-02', outcome: 'APPROVED' as const },
    };
    const refused = {
      ...proposed,
      nominationId: 'h-refused',
      externalDecision: { decisionRef: 'CV 9/VPCP', decidedOn: '2026-07-02', outcome: 'REJECTED' as const },
    };
    const result = computeCampaignResult({ campaign, baseSalaries, approved: [granted, refused], pending: [] });
    expect(result.decisions).toEqual([]);
    // 2,530,000 × 3.5 = 8,855,000 → 8,860,000 (up to ten thousand); the city's own decision date would give 2,340,000 × 3.5.
    expect(result.proposals?.map((p) => [p.nominationId, p.outcome, p.baseSalary, p.amount])).toEqual([
      ['g-granted', 'GRANTED', 2_530_000, 8_860_000],
      ['h-refused', 'NOT_GRANTED', null, null],
    ]);
  });

  it('prices each item by the base salary in force on its decision date', () => {
    const baseSalaries = [{ amount: 1_800_000, effectiveFrom: '2023-07-01' }, ...DEFAULT_BASE_SALARIES, { amount: 2_530_000, effectiveFrom: '2026-07-01' }];
    const approved = [
      { ...lan, nominationId: 'before', decidedOn: '2026-06-30' },
      { ...lan, nominationId: 'on', decidedOn: '2026-07-01' },
      { ...lan, nominationId: 'old', decidedOn: '2024-06-30' },
    ];
    const result = computeCampaignResult({ campaign, baseSalaries, approved, pending: [] });
    const items = Object.fromEntries(result.decisions[0]!.items.map((i) => [i.nominationId, [i.baseSalary, i.amount]]));
    expect(items).toEqual({ before: [2_340_000, 2_340_000], on: [2_530_000, 2_530_000], old: [1_800_000, 1_800_000] });
    expect(result.baseSalary).toBe(2_530_000);
    expect(baseSalaryOn(baseSalaries, '2024-07-01')).toBe(2_340_000);
    // Before the table begins: the oldest amount known, not a failure of the whole result.
    expect(baseSalaryOn(baseSalaries, '2023-06-30')).toBe(1_800_000);
    expect(() => baseSalaryOn([], '2026-01-01')).toThrow(RangeError);
  });

  it('every award of every version has a multiple for each kind it is given to', () => {
    for (const version of CATALOGUE) {
      for (const award of version.awards) {
        for (const kind of award.nomineeKinds) expect(award.cash[kind === 'INDIVIDUAL' ? 'individual' : 'collective']).toBeGreaterThan(0);
      }
    }
  });

  it('rounds up to the next ten thousand, exact amounts untouched, and is not fooled by floating-point noise', () => {
    expect(cashAmount(1_000_001, 1, UP_TO_10K)).toBe(1_010_000);
    expect(cashAmount(1_010_000, 1, UP_TO_10K)).toBe(1_010_000);
    expect(cashAmount(2_340_000, 0.3, UP_TO_10K)).toBe(710_000);
    // 1,800,000 × 0.55 is 990,000 exactly, but 990,000.0000000001 in floating point: a bare ceiling would give 1,000,000.
    expect(cashAmount(1_800_000, 0.55, UP_TO_10K)).toBe(990_000);
    expect(cashAmount(1_315_000, 0.7, { direction: 'NEAREST', unit: 1_000, legalBasis: 'test' })).toBe(921_000);
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
    expect(() => computeCampaignResult({ campaign, approved: [lan], pending: [], baseSalaries: [{ amount: 0, effectiveFrom: '2024-07-01' }] })).toThrow(
      RangeError,
    );
    expect(() => computeCampaignResult({ campaign, approved: [{ ...lan, nominee: { kind: 'COLLECTIVE', name: 'Tổ 1' } }], pending: [] })).toThrow(
      /CSTD_CO_SO has no cash multiple for COLLECTIVE/,
    );
  });
});

describe('scopeCampaignResult', () => {
  const full = computeCampaignResult({ campaign, approved: [lan, binh, anh, hung, phong], pending: [dung] });

  it('keeps only the visible items, totals over them alone, and drops an authority left empty', () => {
    const u2 = scopeCampaignResult(full, (i) => i.unitCode === 'U2');
    expect(u2.decisions).toEqual([
      expect.objectContaining({ authority: 'GIAM_DOC_SO', total: 710_000, items: [expect.objectContaining({ nominationId: 'n-anh' })] }),
    ]);
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
