import { AWARD_CODES, catalogueVersion, type CatalogueVersion } from '../domain/award-catalogue';
import type { Nominee } from '../domain/schemas';
import { evaluateEligibility, type AwardRecord, type Declarations, type EligibilityInput } from './eligibility';
import { memberDeclarationsSchema } from './member-declarations';

const person: Nominee = { kind: 'INDIVIDUAL', fullName: 'Nguyễn Thị Lan' };
const team: Nominee = { kind: 'COLLECTIVE', name: 'Phòng Tư vấn phát triển công nghiệp' };

const evaluate = (awardCode: string, over: Partial<EligibilityInput> = {}) =>
  evaluateEligibility({ awardCode, year: 2026, nominee: person, history: [], holds: [], ...over });

const criterion = (awardCode: string, code: string, over: Partial<EligibilityInput> = {}) => {
  const found = evaluate(awardCode, over).criteria.find((c) => c.code === code);
  if (!found) throw new Error(`${awardCode} has no criterion ${code}`);
  return found;
};

const statusOf = (awardCode: string, code: string, over: Partial<EligibilityInput> = {}) => criterion(awardCode, code, over).status;

const history = (awardCode: string, ...years: number[]): AwardRecord[] => years.map((year) => ({ awardCode, year }));

describe('evaluateEligibility', () => {
  it('has a rule set for every award of the catalogue', () => {
    for (const code of AWARD_CODES) expect(() => evaluate(code)).not.toThrow();
  });

  it('refuses to judge an award it has no rules for', () => {
    expect(() => evaluate('HUAN_CHUONG_LAO_DONG')).toThrow(/HUAN_CHUONG_LAO_DONG/);
  });

  describe('rated at least "hoàn thành tốt" (LĐTT, tập thể LĐTT, giấy khen)', () => {
    const cases: [string, Nominee][] = [
      ['LAO_DONG_TIEN_TIEN', person],
      ['TAP_THE_LAO_DONG_TIEN_TIEN', team],
      ['GIAY_KHEN_GIAM_DOC_SO', person],
      ['GIAY_KHEN_GIAM_DOC_SO', team],
    ];
    it.each(cases)('%s passes on a declared HTT or HTXS and fails without a rating', (award, nominee) => {
      for (const rating of ['HTT', 'HTXS'] as const) {
        const result = evaluate(award, { nominee, declarations: { rating } });
        expect(result).toEqual({ passed: true, criteria: [expect.objectContaining({ code: 'RATING_AT_LEAST_HTT', status: 'DECLARED' })] });
      }
      const without = evaluate(award, { nominee, declarations: { initiatives: ['Sáng kiến A'] } });
      expect(without.passed).toBe(false);
      expect(without.criteria).toEqual([expect.objectContaining({ code: 'RATING_AT_LEAST_HTT', status: 'NOT_MET' })]);
    });
  });

  describe('CSTD_CO_SO', () => {
    const ldtt = history('LAO_DONG_TIEN_TIEN', 2026);

    it('needs LĐTT of the same year in the history', () => {
      expect(statusOf('CSTD_CO_SO', 'LDTT_FOR_YEAR', { history: ldtt })).toBe('MET');
      expect(statusOf('CSTD_CO_SO', 'LDTT_FOR_YEAR', { history: history('LAO_DONG_TIEN_TIEN', 2025) })).toBe('NOT_MET');
      expect(statusOf('CSTD_CO_SO', 'LDTT_FOR_YEAR')).toBe('NOT_MET');
    });

    const branches: [string, Declarations, RegExp][] = [
      ['HTXS', { rating: 'HTXS' }, /hoàn thành xuất sắc/],
      ['an initiative', { rating: 'HTT', initiatives: ['Cải tiến quy trình thẩm định'] }, /1 sáng kiến/],
      ['a research project', { research: ['Đề tài cụm công nghiệp'] }, /1 đề tài nghiên cứu/],
    ];
    it.each(branches)('passes on %s alone, saying which', (_, declarations, says) => {
      const result = evaluate('CSTD_CO_SO', { history: ldtt, declarations });
      expect(result.passed).toBe(true);
      expect(criterion('CSTD_CO_SO', 'HTXS_OR_INITIATIVE_OR_RESEARCH', { declarations })).toEqual(
        expect.objectContaining({ status: 'DECLARED', message: expect.stringMatching(says) }),
      );
    });

    it('fails with HTT only, or nothing declared', () => {
      for (const declarations of [{ rating: 'HTT' as const }, undefined]) {
        const result = evaluate('CSTD_CO_SO', { history: ldtt, declarations });
        expect(result.passed).toBe(false);
        expect(result.criteria.find((c) => c.status === 'NOT_MET')?.code).toBe('HTXS_OR_INITIATIVE_OR_RESEARCH');
      }
    });
  });

  describe('CSTD_THANH_PHO', () => {
    const initiatives = { initiatives: ['Phần mềm quản lý khuyến công áp dụng toàn thành phố'] };

    it('passes with CSTĐ cơ sở in each of the 3 years ending with this one and a declared initiative', () => {
      const result = evaluate('CSTD_THANH_PHO', { history: history('CSTD_CO_SO', 2024, 2025, 2026), declarations: initiatives });
      expect(result.passed).toBe(true);
      expect(result.criteria.map((c) => [c.code, c.status])).toEqual([
        ['CSTD_CO_SO_3_CONSECUTIVE_YEARS', 'MET'],
        ['INITIATIVE_CITY_WIDE', 'DECLARED'],
      ]);
    });

    it('names the missing year when the run is broken, and does not count years outside it', () => {
      const c = criterion('CSTD_THANH_PHO', 'CSTD_CO_SO_3_CONSECUTIVE_YEARS', { history: history('CSTD_CO_SO', 2023, 2024, 2026) });
      expect(c.status).toBe('NOT_MET');
      expect(c.message).toContain('thiếu năm 2025');
    });

    it('does not count another award in place of CSTĐ cơ sở', () => {
      const recorded = [...history('LAO_DONG_TIEN_TIEN', 2024, 2025, 2026), ...history('CSTD_CO_SO', 2024, 2025)];
      expect(statusOf('CSTD_THANH_PHO', 'CSTD_CO_SO_3_CONSECUTIVE_YEARS', { history: recorded })).toBe('NOT_MET');
    });

    it('needs a declared initiative', () => {
      expect(statusOf('CSTD_THANH_PHO', 'INITIATIVE_CITY_WIDE', { declarations: { rating: 'HTXS' } })).toBe('NOT_MET');
    });
  });

  describe('TAP_THE_LAO_DONG_XUAT_SAC', () => {
    const members = { total: 20, completedTasks: 20, laoDongTienTien: 14, chienSiThiDuaCoSo: 1 };
    const run = (declarations?: Declarations) => evaluate('TAP_THE_LAO_DONG_XUAT_SAC', { nominee: team, declarations });

    it('passes with HTXS and members all complete, 70% LĐTT exactly, one CSTĐ cơ sở', () => {
      const result = run({ rating: 'HTXS', members });
      expect(result.passed).toBe(true);
      expect(result.criteria.map((c) => [c.code, c.status])).toEqual([
        ['RATING_HTXS', 'DECLARED'],
        ['MEMBERS_ALL_COMPLETE_TASKS', 'DECLARED'],
        ['MEMBERS_70_PERCENT_LDTT', 'DECLARED'],
        ['MEMBERS_AT_LEAST_ONE_CSTD_CO_SO', 'DECLARED'],
      ]);
    });

    it('fails on HTT or no rating', () => {
      expect(run({ rating: 'HTT', members }).criteria[0]).toEqual(expect.objectContaining({ code: 'RATING_HTXS', status: 'NOT_MET' }));
      expect(run({ members }).criteria[0]).toEqual(expect.objectContaining({ code: 'RATING_HTXS', status: 'NOT_MET' }));
    });

    const short: [string, Partial<typeof members>][] = [
      ['MEMBERS_ALL_COMPLETE_TASKS', { completedTasks: 19 }],
      ['MEMBERS_70_PERCENT_LDTT', { laoDongTienTien: 13 }],
      ['MEMBERS_AT_LEAST_ONE_CSTD_CO_SO', { chienSiThiDuaCoSo: 0 }],
    ];
    it.each(short)('fails %s when the declared count falls short, alone', (code, change) => {
      const result = run({ rating: 'HTXS', members: { ...members, ...change } });
      expect(result.passed).toBe(false);
      expect(result.criteria.filter((c) => c.status === 'NOT_MET').map((c) => c.code)).toEqual([code]);
    });

    it('fails every member criterion when the member counts are not declared', () => {
      const result = run({ rating: 'HTXS' });
      expect(result.criteria.filter((c) => c.status === 'NOT_MET').map((c) => c.code)).toEqual([
        'MEMBERS_ALL_COMPLETE_TASKS',
        'MEMBERS_70_PERCENT_LDTT',
        'MEMBERS_AT_LEAST_ONE_CSTD_CO_SO',
      ]);
    });
  });

  describe('BANG_KHEN_UBND_TP', () => {
    const code = 'CSTD_CO_SO_2_YEARS_OR_HTXS_2_INITIATIVES';
    const twoInitiatives: Declarations = { rating: 'HTXS', initiatives: ['Sáng kiến A', 'Sáng kiến B'] };

    it.each([
      [[2025, 2026], '2025–2026'],
      [[2024, 2025], '2024–2025'],
    ])('an individual passes on CSTĐ cơ sở in %j, saying which years', (years, says) => {
      const c = criterion('BANG_KHEN_UBND_TP', code, { history: history('CSTD_CO_SO', ...years) });
      expect(c.status).toBe('MET');
      expect(c.message).toContain(says);
    });

    it('does not accept two years that are not consecutive, or a pair ended too long ago', () => {
      expect(statusOf('BANG_KHEN_UBND_TP', code, { history: history('CSTD_CO_SO', 2024, 2026) })).toBe('NOT_MET');
      expect(statusOf('BANG_KHEN_UBND_TP', code, { history: history('CSTD_CO_SO', 2023, 2024) })).toBe('NOT_MET');
    });

    it('an individual passes on the other branch: HTXS with two initiatives, declared', () => {
      const c = criterion('BANG_KHEN_UBND_TP', code, { declarations: twoInitiatives });
      expect(c.status).toBe('DECLARED');
      expect(c.message).toMatch(/hoàn thành xuất sắc nhiệm vụ năm 2026 và 2 sáng kiến/);
    });

    it('prefers the branch the history proves', () => {
      expect(statusOf('BANG_KHEN_UBND_TP', code, { history: history('CSTD_CO_SO', 2025, 2026), declarations: twoInitiatives })).toBe('MET');
    });

    it('fails when neither branch holds, naming both', () => {
      for (const declarations of [
        { rating: 'HTXS' as const, initiatives: ['Một sáng kiến'] },
        { rating: 'HTT' as const, initiatives: ['A', 'B'] },
        undefined,
      ]) {
        const result = evaluate('BANG_KHEN_UBND_TP', { history: history('CSTD_CO_SO', 2025), declarations });
        expect(result.passed).toBe(false);
        expect(result.criteria[0]?.message).toMatch(/Chiến sĩ thi đua cơ sở.*hoàn thành xuất sắc nhiệm vụ 2 năm liên tục/);
      }
    });

    it('from 2026.1 takes two initiatives or two research projects, never one of each (Luật 06/2022 art. 74(1)(d))', () => {
      const v2026 = catalogueVersion('2026.1')!;
      const oneOfEach: Declarations = { rating: 'HTXS', initiatives: ['Sáng kiến A'], research: ['Đề tài B'] };
      const c = criterion('BANG_KHEN_UBND_TP', code, { catalogue: v2026, declarations: oneOfEach });
      expect(c.status).toBe('NOT_MET');
      expect(c.message).toContain('2 sáng kiến được công nhận hoặc 2 đề tài nghiên cứu được nghiệm thu');
      expect(statusOf('BANG_KHEN_UBND_TP', code, { catalogue: v2026, declarations: twoInitiatives })).toBe('DECLARED');
      expect(statusOf('BANG_KHEN_UBND_TP', code, { catalogue: v2026, declarations: { rating: 'HTXS', research: ['Đề tài A', 'Đề tài B'] } })).toBe('DECLARED');
      expect(statusOf('BANG_KHEN_UBND_TP', 'HTXS_2_YEARS_2_INITIATIVES', { catalogue: v2026, nominee: team, declarations: oneOfEach })).toBe('NOT_MET');
      // A version published before keeps its meaning: one of each was enough under it.
      expect(statusOf('BANG_KHEN_UBND_TP', code, { catalogue: catalogueVersion('2025.1')!, declarations: oneOfEach })).toBe('DECLARED');
    });

    it('a collective is judged on HTXS with two initiatives only', () => {
      expect(evaluate('BANG_KHEN_UBND_TP', { nominee: team, declarations: twoInitiatives }).criteria).toEqual([
        expect.objectContaining({ code: 'HTXS_2_YEARS_2_INITIATIVES', status: 'DECLARED' }),
      ]);
      expect(evaluate('BANG_KHEN_UBND_TP', { nominee: team, declarations: { rating: 'HTXS' } }).criteria).toEqual([
        expect.objectContaining({ code: 'HTXS_2_YEARS_2_INITIATIVES', status: 'NOT_MET' }),
      ]);
    });
  });

  describe('CO_THI_DUA_UBND_TP', () => {
    const ttldxs = history('TAP_THE_LAO_DONG_XUAT_SAC', 2026);

    it('passes when it leads its cluster (declared) and is already TTLĐXS for the year', () => {
      const result = evaluate('CO_THI_DUA_UBND_TP', { nominee: team, history: ttldxs, declarations: { leadsEmulationCluster: true } });
      expect(result.passed).toBe(true);
      expect(result.criteria.map((c) => [c.code, c.status])).toEqual([
        ['LEADS_EMULATION_CLUSTER', 'DECLARED'],
        ['TTLDXS_FOR_YEAR', 'MET'],
      ]);
    });

    it('fails without the declaration, or with TTLĐXS of another year only', () => {
      expect(statusOf('CO_THI_DUA_UBND_TP', 'LEADS_EMULATION_CLUSTER', { nominee: team, declarations: { leadsEmulationCluster: false } })).toBe('NOT_MET');
      expect(statusOf('CO_THI_DUA_UBND_TP', 'LEADS_EMULATION_CLUSTER', { nominee: team })).toBe('NOT_MET');
      expect(statusOf('CO_THI_DUA_UBND_TP', 'TTLDXS_FOR_YEAR', { nominee: team, history: history('TAP_THE_LAO_DONG_XUAT_SAC', 2025) })).toBe('NOT_MET');
    });
  });

  describe('BANG_KHEN_THU_TUONG', () => {
    const qualified = [...history('BANG_KHEN_UBND_TP', 2021), ...history('CSTD_CO_SO', 2022, 2024, 2026)];

    it('an individual passes with a city Bằng khen before the 5 years, HTT declared, and 3 CSTĐ cơ sở in them', () => {
      const result = evaluate('BANG_KHEN_THU_TUONG', { history: qualified, declarations: { rating: 'HTT' } });
      expect(result.passed).toBe(true);
      expect(result.criteria.map((c) => [c.code, c.status])).toEqual([
        ['CITY_BANG_KHEN_BEFORE_PERIOD', 'MET'],
        ['HTT_5_CONSECUTIVE_YEARS', 'DECLARED'],
        ['CSTD_CO_SO_3_TIMES_IN_5_YEARS', 'MET'],
      ]);
    });

    it('does not count a Bằng khen inside the 5 years, and says why', () => {
      const c = criterion('BANG_KHEN_THU_TUONG', 'CITY_BANG_KHEN_BEFORE_PERIOD', { history: history('BANG_KHEN_UBND_TP', 2023) });
      expect(c.status).toBe('NOT_MET');
      expect(c.message).toContain('2023 chưa đủ 5 năm');
      expect(statusOf('BANG_KHEN_THU_TUONG', 'CITY_BANG_KHEN_BEFORE_PERIOD')).toBe('NOT_MET');
    });

    it('needs a declared rating', () => {
      expect(statusOf('BANG_KHEN_THU_TUONG', 'HTT_5_CONSECUTIVE_YEARS', { history: qualified })).toBe('NOT_MET');
    });

    it('needs 3 CSTĐ cơ sở inside the 5 years, not before them', () => {
      const recorded = [...history('BANG_KHEN_UBND_TP', 2021), ...history('CSTD_CO_SO', 2021, 2024, 2026)];
      const c = criterion('BANG_KHEN_THU_TUONG', 'CSTD_CO_SO_3_TIMES_IN_5_YEARS', { history: recorded });
      expect(c.status).toBe('NOT_MET');
      expect(c.message).toContain('2 lần trong 2022–2026');
    });

    it('a collective is not asked for CSTĐ cơ sở', () => {
      const result = evaluate('BANG_KHEN_THU_TUONG', { nominee: team, history: history('BANG_KHEN_UBND_TP', 2020), declarations: { rating: 'HTXS' } });
      expect(result.passed).toBe(true);
      expect(result.criteria.map((c) => c.code)).toEqual(['CITY_BANG_KHEN_BEFORE_PERIOD', 'HTT_5_CONSECUTIVE_YEARS']);
    });
  });

  describe('holds', () => {
    it('an active hold fails an otherwise eligible nominee, its date in the message and its reason apart', () => {
      const result = evaluate('LAO_DONG_TIEN_TIEN', {
        declarations: { rating: 'HTXS' },
        holds: [{ reason: 'Đang bị xem xét kỷ luật', until: '2026-12-31' }],
      });
      expect(result.passed).toBe(false);
      expect(result.criteria[0]).toEqual({
        code: 'ON_HOLD',
        status: 'NOT_MET',
        message: 'Đang trong thời gian không xét khen thưởng đến hết ngày 31/12/2026',
        reason: 'Đang bị xem xét kỷ luật',
      });
    });

    it('lists every hold and still lists the award criteria', () => {
      const result = evaluate('LAO_DONG_TIEN_TIEN', {
        holds: [
          { reason: 'Đang bị thanh tra', until: '2026-06-30' },
          { reason: 'Có đơn khiếu nại chưa giải quyết', until: '2026-09-30' },
        ],
      });
      expect(result.criteria.map((c) => [c.code, c.status])).toEqual([
        ['ON_HOLD', 'NOT_MET'],
        ['ON_HOLD', 'NOT_MET'],
        ['RATING_AT_LEAST_HTT', 'NOT_MET'],
      ]);
    });
  });
});

describe('memberDeclarationsSchema', () => {
  it('accepts counts within the total', () => {
    const members = { total: 20, completedTasks: 20, laoDongTienTien: 14, chienSiThiDuaCoSo: 1 };
    expect(memberDeclarationsSchema.parse(members)).toEqual(members);
  });

  it.each([
    { total: 0, completedTasks: 0, laoDongTienTien: 0, chienSiThiDuaCoSo: 0 },
    { total: 10, completedTasks: 11, laoDongTienTien: 7, chienSiThiDuaCoSo: 1 },
    { total: 10, completedTasks: 10, laoDongTienTien: 7.5, chienSiThiDuaCoSo: 1 },
    { total: 10, completedTasks: 10, laoDongTienTien: 7 },
    { total: 10, completedTasks: 10, laoDongTienTien: 7, chienSiThiDuaCoSo: 1, names: [] },
  ])('refuses %j', (members) => {
    expect(memberDeclarationsSchema.safeParse(members).success).toBe(false);
  });
});

describe('evaluateEligibility by catalogue version', () => {
  const v2024 = catalogueVersion('2024.1')!;
  const v2025 = catalogueVersion('2025.1')!;
  const versions = [v2024, v2025];
  const cstdCoSo = (...years: number[]) => history('CSTD_CO_SO', ...years);
  const themed = (awardCode: string, ...years: number[]): AwardRecord[] => years.map((year) => ({ awardCode, year, basis: 'THEMED' }));

  describe.each(versions.map((v) => [v.version, v] as const))('%s', (_version, catalogue) => {
    it('has rules for every award it lists', () => {
      for (const award of catalogue.awards) {
        const kind = award.nomineeKinds[0]!;
        expect(() => evaluate(award.code, { catalogue, nominee: kind === 'INDIVIDUAL' ? person : team })).not.toThrow();
      }
    });

    it('CSTĐ thành phố accepts a recognised research project where an initiative is missing', () => {
      const over = { catalogue, history: cstdCoSo(2024, 2025, 2026) };
      expect(statusOf('CSTD_THANH_PHO', 'INITIATIVE_CITY_WIDE', { ...over, declarations: { research: ['Đề tài cấp thành phố 2025'] } })).toBe('DECLARED');
      expect(criterion('CSTD_THANH_PHO', 'INITIATIVE_CITY_WIDE', { ...over, declarations: { research: ['Đề tài'] } }).message).toMatch(/1 đề tài nghiên cứu/);
      expect(statusOf('CSTD_THANH_PHO', 'INITIATIVE_CITY_WIDE', over)).toBe('NOT_MET');
    });

    it('Bằng khen UBND TP counts research projects with initiatives toward the two achievements', () => {
      const declarations: Declarations = { rating: 'HTXS', initiatives: ['Sáng kiến A'], research: ['Đề tài B'] };
      expect(statusOf('BANG_KHEN_UBND_TP', 'CSTD_CO_SO_2_YEARS_OR_HTXS_2_INITIATIVES', { catalogue, declarations })).toBe('DECLARED');
      expect(
        statusOf('BANG_KHEN_UBND_TP', 'HTXS_2_YEARS_2_INITIATIVES', { catalogue, nominee: team, declarations: { rating: 'HTXS', research: ['B', 'C'] } }),
      ).toBe('DECLARED');
      expect(statusOf('BANG_KHEN_UBND_TP', 'HTXS_2_YEARS_2_INITIATIVES', { catalogue, nominee: team, declarations: { rating: 'HTXS', research: ['B'] } })).toBe(
        'NOT_MET',
      );
    });

    it('does not count themed or extraordinary results toward achievement-based awards', () => {
      const cityBangKhen = [...themed('BANG_KHEN_UBND_TP', 2018)];
      const over = { catalogue, history: [...cityBangKhen, ...cstdCoSo(2022, 2024, 2026)], declarations: { rating: 'HTT' as const } };
      expect(statusOf('BANG_KHEN_THU_TUONG', 'CITY_BANG_KHEN_BEFORE_PERIOD', over)).toBe('NOT_MET');
      expect(
        statusOf('BANG_KHEN_THU_TUONG', 'CITY_BANG_KHEN_BEFORE_PERIOD', { ...over, history: [...history('BANG_KHEN_UBND_TP', 2018), ...cstdCoSo(2022)] }),
      ).toBe('MET');

      const extraordinary: AwardRecord[] = [2024, 2025, 2026].map((year) => ({ awardCode: 'CSTD_CO_SO', year, basis: 'EXTRAORDINARY' }));
      expect(statusOf('CSTD_THANH_PHO', 'CSTD_CO_SO_3_CONSECUTIVE_YEARS', { catalogue, history: extraordinary })).toBe('NOT_MET');
      expect(statusOf('CSTD_THANH_PHO', 'CSTD_CO_SO_3_CONSECUTIVE_YEARS', { catalogue, history: [...extraordinary.slice(0, 2), ...cstdCoSo(2026)] })).toBe(
        'NOT_MET',
      );
      expect(statusOf('CSTD_CO_SO', 'LDTT_FOR_YEAR', { catalogue, history: themed('LAO_DONG_TIEN_TIEN', 2026) })).toBe('NOT_MET');
      expect(statusOf('CSTD_CO_SO', 'LDTT_FOR_YEAR', { catalogue, history: history('LAO_DONG_TIEN_TIEN', 2026) })).toBe('MET');
    });
  });

  it('takes every parameter from the version: a version without research, with other counts, judges by them', () => {
    const edited = structuredClone(v2025) as CatalogueVersion;
    const rule = (code: string) => edited.awards.find((a) => a.code === code)!.eligibility;
    Object.assign(rule('CSTD_THANH_PHO'), { achievements: ['INITIATIVE'], consecutiveYears: 2 });
    Object.assign(rule('CSTD_CO_SO'), { alternatives: ['INITIATIVE'] });
    Object.assign(rule('TAP_THE_LAO_DONG_XUAT_SAC'), { ldttPercent: 80 });
    Object.assign(rule('BANG_KHEN_THU_TUONG'), { cstdCoSoTimes: 2 });
    const catalogue = edited;

    expect(statusOf('CSTD_THANH_PHO', 'INITIATIVE_CITY_WIDE', { catalogue, declarations: { research: ['Đề tài'] } })).toBe('NOT_MET');
    expect(statusOf('CSTD_THANH_PHO', 'CSTD_CO_SO_2_CONSECUTIVE_YEARS', { catalogue, history: cstdCoSo(2025, 2026) })).toBe('MET');
    expect(statusOf('CSTD_CO_SO', 'HTXS_OR_INITIATIVE_OR_RESEARCH', { catalogue, declarations: { rating: 'HTXS' } })).toBe('NOT_MET');
    const members = { total: 10, completedTasks: 10, laoDongTienTien: 7, chienSiThiDuaCoSo: 1 };
    expect(statusOf('TAP_THE_LAO_DONG_XUAT_SAC', 'MEMBERS_80_PERCENT_LDTT', { catalogue, nominee: team, declarations: { rating: 'HTXS', members } })).toBe(
      'NOT_MET',
    );
    expect(
      statusOf('TAP_THE_LAO_DONG_XUAT_SAC', 'MEMBERS_70_PERCENT_LDTT', { catalogue: v2025, nominee: team, declarations: { rating: 'HTXS', members } }),
    ).toBe('DECLARED');
    const thuTuong = { catalogue, history: [...history('BANG_KHEN_UBND_TP', 2020), ...cstdCoSo(2023, 2025)], declarations: { rating: 'HTT' as const } };
    expect(statusOf('BANG_KHEN_THU_TUONG', 'CSTD_CO_SO_2_TIMES_IN_5_YEARS', thuTuong)).toBe('MET');
  });

  describe('the state awards of 2026.1', () => {
    const v2026 = catalogueVersion('2026.1')!;
    const judge = (awardCode: string, over: Partial<EligibilityInput> = {}) => evaluate(awardCode, { catalogue: v2026, ...over });
    const codes = (awardCode: string, over: Partial<EligibilityInput> = {}) => judge(awardCode, over).criteria.map((c) => [c.code, c.status]);

    it('Huân chương Lao động hạng Ba: the Prime Minister’s Bằng khen before five HTXS years with two initiatives, or a banner for a collective', () => {
      const prior = history('BANG_KHEN_THU_TUONG', 2020);
      expect(codes('HUAN_CHUONG_LAO_DONG_HANG_BA', { history: prior, declarations: { rating: 'HTXS', initiatives: ['A', 'B'] } })).toEqual([
        ['PRIOR_AWARD_BEFORE_PERIOD', 'MET'],
        ['HTXS_5_CONSECUTIVE_YEARS', 'DECLARED'],
        ['2_INITIATIVES_OR_RESEARCH_IN_PERIOD', 'DECLARED'],
      ]);
      expect(
        judge('HUAN_CHUONG_LAO_DONG_HANG_BA', { history: history('BANG_KHEN_THU_TUONG', 2023), declarations: { rating: 'HTXS', initiatives: ['A', 'B'] } })
          .passed,
      ).toBe(false);
      expect(codes('HUAN_CHUONG_LAO_DONG_HANG_BA', { history: prior, declarations: { rating: 'HTXS', initiatives: ['A'], research: ['B'] } })).toContainEqual([
        '2_INITIATIVES_OR_RESEARCH_IN_PERIOD',
        'NOT_MET',
      ]);
      const banner = [...prior, ...history('CO_THI_DUA_UBND_TP', 2024)];
      expect(codes('HUAN_CHUONG_LAO_DONG_HANG_BA', { nominee: team, history: banner, declarations: { rating: 'HTXS' } })).toEqual([
        ['PRIOR_AWARD_BEFORE_PERIOD', 'MET'],
        ['HTXS_5_CONSECUTIVE_YEARS', 'DECLARED'],
        ['BANNER_IN_PERIOD', 'MET'],
      ]);
      expect(codes('HUAN_CHUONG_LAO_DONG_HANG_NHI', { history: prior, declarations: { rating: 'HTXS', initiatives: ['A', 'B'] } })[0]).toEqual([
        'PRIOR_AWARD_BEFORE_PERIOD',
        'NOT_MET',
      ]);
    });

    it('Chiến sĩ thi đua toàn quốc: twice the city’s title and an initiative of nationwide reach', () => {
      const twice = history('CSTD_THANH_PHO', 2023, 2026);
      expect(codes('CSTD_TOAN_QUOC', { history: twice, declarations: { research: ['Đề tài X'] } })).toEqual([
        ['CSTD_THANH_PHO_2_TIMES', 'MET'],
        ['INITIATIVE_NATIONWIDE', 'DECLARED'],
      ]);
      expect(judge('CSTD_TOAN_QUOC', { history: history('CSTD_THANH_PHO', 2026), declarations: { research: ['Đề tài X'] } }).passed).toBe(false);
    });

    it('Cờ thi đua của Chính phủ: HTXS and the city’s banner for the year', () => {
      expect(codes('CO_THI_DUA_CHINH_PHU', { nominee: team, history: history('CO_THI_DUA_UBND_TP', 2026), declarations: { rating: 'HTXS' } })).toEqual([
        ['RATING_HTXS', 'DECLARED'],
        ['CO_THI_DUA_TINH_FOR_YEAR', 'MET'],
      ]);
    });
  });

  describe('an extraordinary (đột xuất) nomination', () => {
    const v2026 = catalogueVersion('2026.1')!;

    it('is judged on its one achievement, without the history of several years, where the version allows it', () => {
      const result = evaluate('BANG_KHEN_THU_TUONG', { catalogue: v2026, basis: 'EXTRAORDINARY' });
      expect(result.passed).toBe(true);
      expect(result.criteria).toEqual([
        expect.objectContaining({ code: 'EXTRAORDINARY_ACHIEVEMENT', status: 'DECLARED', message: expect.stringContaining('Điều 73') }),
      ]);
      expect(evaluate('BANG_KHEN_UBND_TP', { catalogue: v2026, basis: 'EXTRAORDINARY' }).passed).toBe(true);
    });

    it('is refused for a title given only on the year’s results, and under a version that has none', () => {
      expect(evaluate('CSTD_CO_SO', { catalogue: v2026, basis: 'EXTRAORDINARY' }).criteria).toEqual([
        expect.objectContaining({ code: 'EXTRAORDINARY_ACHIEVEMENT', status: 'NOT_MET' }),
      ]);
      expect(evaluate('BANG_KHEN_THU_TUONG', { catalogue: catalogueVersion('2025.1')!, basis: 'EXTRAORDINARY' }).passed).toBe(false);
    });

    it('still answers to a hold', () => {
      const held = evaluate('BANG_KHEN_THU_TUONG', { catalogue: v2026, basis: 'EXTRAORDINARY', holds: [{ reason: 'Kỷ luật', until: '2026-12-31' }] });
      expect(held.passed).toBe(false);
      expect(held.criteria[0]?.code).toBe('ON_HOLD');
    });

    it('a themed one is judged as a regular one', () => {
      expect(evaluate('CSTD_CO_SO', { catalogue: v2026, basis: 'THEMED' }).criteria.map((c) => c.code)).toEqual([
        'LDTT_FOR_YEAR',
        'HTXS_OR_INITIATIVE_OR_RESEARCH',
      ]);
    });
  });

  it('cannot judge an award the version does not list', () => {
    const catalogue = { ...v2025, awards: v2025.awards.filter((a) => a.code !== 'CSTD_CO_SO') };
    expect(() => evaluate('CSTD_CO_SO', { catalogue })).toThrow(/not in catalogue 2025\.1/);
  });
});
