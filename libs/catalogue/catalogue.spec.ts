import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CATALOGUE, localRegulationAt } from '../domain/award-catalogue';
import { checkCatalogue, parseCatalogueVersion } from './catalogue-check';
import { catalogueVersionSchema } from './catalogue.schema';

const DIR = join(__dirname, 'versions');
const read = (file: string) => readFileSync(join(DIR, file));

/**
 * Nominations were judged by these versions: a published file never changes. A law change is a new
 * file; its hash is added here when it is published.
 */
const PUBLISHED: Record<string, string> = {
  '2024.1.json': '40a7bcb046a0e5642c1886ac779521f9c44ce343e30553d3745294d7bb7a5d1a',
  '2025.1.json': '42189a8f185d732d66305be953d04b556ebf1a64b89d1b42212f28f64782e393',
  '2026.1.json': 'ce8df7acdea08e70446afe654fb47799b0ee34f48f1eec31cfa678500bf99643',
};

describe('award catalogue versions', () => {
  it.each(Object.keys(PUBLISHED))('%s keeps its published content', (file) => {
    expect(createHash('sha256').update(read(file)).digest('hex')).toBe(PUBLISHED[file]);
  });

  it('ships every version file, each loaded', () => {
    const files = readdirSync(DIR)
      .filter((f) => f.endsWith('.json'))
      .sort();
    expect(files).toEqual(Object.keys(PUBLISHED).sort());
    expect(CATALOGUE.map((v) => `${v.version}.json`)).toEqual(files);
  });

  it.each(Object.keys(PUBLISHED))('the schema accepts %s', (file) => {
    expect(catalogueVersionSchema.safeParse(JSON.parse(read(file).toString('utf8'))).success).toBe(true);
  });

  it('knows each version by its decree and its first day', () => {
    expect(CATALOGUE.map((v) => [v.version, v.effectiveFrom, /Nghị định (\d+\/\d+)/.exec(v.legalBasis)?.[1]])).toEqual([
      ['2024.1', '2024-01-01', '98/2023'],
      ['2025.1', '2025-07-01', '152/2025'],
      ['2026.1', '2026-12-08', '152/2025'],
    ]);
  });

  it('keeps DOMAIN.md configurable figures and the money in the data', () => {
    const v2025 = CATALOGUE[1]!;
    const award = (code: string) => v2025.awards.find((a) => a.code === code)!;
    expect(award('CSTD_CO_SO').quota).toMatchObject({ of: 'LAO_DONG_TIEN_TIEN', fraction: 0.15 });
    expect(award('CSTD_THANH_PHO').councils?.CITY).toMatchObject({ threshold: 0.9, strict: false });
    expect(award('BANG_KHEN_THU_TUONG').cash).toMatchObject({ individual: 3.5, collective: 7 });
    expect(award('BANG_KHEN_UBND_TP').cash).toMatchObject({ individual: 1.5, collective: 3 });
    expect(CATALOGUE[0]!.awards.find((a) => a.code === 'BANG_KHEN_UBND_TP')!.cash).toMatchObject({ individual: 1, collective: 2 });
    expect(v2025.cashRounding).toMatchObject({ direction: 'UP', unit: 10_000 });
    expect(v2025.countedHistoryBasis.bases).toEqual(['REGULAR']);
  });

  describe('2026.1, the law second pass (issue 19)', () => {
    const v2026 = CATALOGUE.find((v) => v.version === '2026.1')!;
    const award = (code: string) => v2026.awards.find((a) => a.code === code)!;
    const forwarded = v2026.awards.filter((a) => a.forwardTo);

    it('decides every award the city proposes upward at CITY by a council, after its posting', () => {
      expect(forwarded.map((a) => a.code).sort()).toEqual([
        'BANG_KHEN_THU_TUONG',
        'CO_THI_DUA_CHINH_PHU',
        'CSTD_TOAN_QUOC',
        'HUAN_CHUONG_LAO_DONG_HANG_BA',
        'HUAN_CHUONG_LAO_DONG_HANG_NHAT',
        'HUAN_CHUONG_LAO_DONG_HANG_NHI',
      ]);
      for (const a of forwarded) {
        expect(a.route.at(-1)).toBe('CITY');
        expect(a.councils?.CITY).toEqual(expect.objectContaining({ threshold: expect.any(Number), strict: expect.any(Boolean) }));
        expect(a.publicPostingWorkingDays).toBe(10);
      }
      expect(award('CSTD_TOAN_QUOC').councils?.CITY).toMatchObject({ threshold: 0.9, strict: false });
    });

    it('forwards the orders to the President and the Prime Minister’s awards to the Prime Minister', () => {
      expect(Object.fromEntries(forwarded.map((a) => [a.code, a.forwardTo]))).toEqual({
        BANG_KHEN_THU_TUONG: 'THU_TUONG',
        CSTD_TOAN_QUOC: 'THU_TUONG',
        CO_THI_DUA_CHINH_PHU: 'THU_TUONG',
        HUAN_CHUONG_LAO_DONG_HANG_BA: 'CHU_TICH_NUOC',
        HUAN_CHUONG_LAO_DONG_HANG_NHI: 'CHU_TICH_NUOC',
        HUAN_CHUONG_LAO_DONG_HANG_NHAT: 'CHU_TICH_NUOC',
      });
    });

    it('prices the state awards by Nghị định 152/2025, collectives doubled for the orders', () => {
      expect(award('HUAN_CHUONG_LAO_DONG_HANG_BA').cash).toMatchObject({ individual: 4.5, collective: 9, legalBasis: expect.stringContaining('Điều 51') });
      expect(award('HUAN_CHUONG_LAO_DONG_HANG_NHI').cash).toMatchObject({ individual: 7.5, collective: 15 });
      expect(award('HUAN_CHUONG_LAO_DONG_HANG_NHAT').cash).toMatchObject({ individual: 9, collective: 18 });
      expect(award('CSTD_TOAN_QUOC').cash).toMatchObject({ individual: 4.5 });
      expect(award('CO_THI_DUA_CHINH_PHU').cash).toMatchObject({ collective: 12 });
      expect(award('BANG_KHEN_THU_TUONG').cash).toMatchObject({ individual: 3.5 });
    });

    it('reads Bằng khen of the chairman as two initiatives or two research projects, not the sum', () => {
      expect(award('BANG_KHEN_UBND_TP').eligibility).toMatchObject({
        achievementCounting: 'EACH_KIND',
        legalBasis: expect.stringContaining('Điều 74 khoản 1 điểm d'),
      });
      for (const old of CATALOGUE.filter((v) => v.version !== '2026.1')) {
        expect(old.awards.find((a) => a.code === 'BANG_KHEN_UBND_TP')!.eligibility).not.toHaveProperty('achievementCounting');
      }
    });

    it('lets an enterprise decide the four awards of Luật 06/2022 art. 80(4), and no other', () => {
      expect(v2026.awards.filter((a) => a.enterpriseDecides).map((a) => a.code)).toEqual([
        'LAO_DONG_TIEN_TIEN',
        'TAP_THE_LAO_DONG_TIEN_TIEN',
        'CSTD_CO_SO',
        'GIAY_KHEN_GIAM_DOC_SO',
      ]);
      expect(award('CSTD_CO_SO').enterpriseDecides?.legalBasis).toContain('Điều 80 khoản 4');
    });

    it('ships no unchecked rule as law: each one cites an article or is marked the organisation’s own', () => {
      const rules = [
        v2026.countedHistoryBasis,
        v2026.cashRounding,
        ...v2026.awards.flatMap((a) => [a.eligibility, a.cash, a.quota, a.extraordinary, a.enterpriseDecides, ...Object.values(a.councils ?? {})]),
      ].filter((r) => r !== undefined);
      for (const rule of rules) {
        const said = `${rule.legalBasis} ${rule.note ?? ''}`;
        expect(said).not.toMatch(/chưa (được )?đối chiếu|DOMAIN\.md/);
        if (rule.internalRule === undefined) expect(rule.legalBasis).toMatch(/Điều \d+/);
      }
      const marked = rules.filter((r) => r.internalRule !== undefined).length;
      expect(marked).toBeGreaterThan(0);
    });

    it('names the city regulation in force by date: 09/2020 until 26 May 2024, 32/2024 from 27 May 2024', () => {
      expect(localRegulationAt('2024-05-26')?.reference).toBe('Quyết định 09/2020/QĐ-UBND');
      expect(localRegulationAt('2024-05-27')?.reference).toBe('Quyết định 32/2024/QĐ-UBND');
      expect(localRegulationAt('2026-12-08')?.reference).toBe('Quyết định 32/2024/QĐ-UBND');
    });
  });

  it('cites a legal basis for every award, rule and amount', () => {
    for (const version of CATALOGUE) {
      for (const award of version.awards) {
        expect([award.legalBasis, award.eligibility.legalBasis, award.cash.legalBasis].every((s) => s.length > 0)).toBe(true);
      }
    }
  });

  describe('refuses a broken version', () => {
    const good = () => JSON.parse(read('2025.1.json').toString('utf8'));
    const issues = (data: unknown) => {
      const parsed = catalogueVersionSchema.safeParse(data);
      return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    };

    it('with an unknown field, a bad date and a missing rule', () => {
      const data = good();
      data.effectiveFrom = '1 July 2025';
      data.awards[0].cashMultiple = 0.3;
      delete data.awards[1].eligibility;
      const found = issues(data);
      expect(found.some((i) => i.startsWith('effectiveFrom'))).toBe(true);
      expect(found.some((i) => i.startsWith('awards.0') && /cashMultiple/.test(i))).toBe(true);
      expect(found.some((i) => i.startsWith('awards.1.eligibility'))).toBe(true);
    });

    it('without a cash multiple for a kind the award is given to', () => {
      const data = good();
      delete data.awards.find((a: { code: string }) => a.code === 'BANG_KHEN_THU_TUONG').cash.collective;
      expect(issues(data)).toEqual([expect.stringMatching(/^awards\.8\.cash\.collective: .*COLLECTIVE/)]);
    });

    it('with a route that goes down, a council off the route, an award twice or an unknown reference', () => {
      const data = good();
      data.awards[0].route = ['SO', 'UNIT'];
      data.awards[2].councils = { CITY: { threshold: 0.5, strict: true, legalBasis: 'x' } };
      data.awards[3].code = data.awards[4].code;
      data.awards[2].quota.of = 'NO_SUCH_AWARD';
      const found = issues(data);
      expect(found).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^awards\.0\.route\.1: /),
          expect.stringMatching(/^awards\.2\.councils\.CITY: /),
          expect.stringMatching(/^awards\.4\.code: .*twice/),
          expect.stringMatching(/^awards\.2: refers to NO_SUCH_AWARD/),
        ]),
      );
    });

    it('naming the file at start-up', () => {
      expect(() => parseCatalogueVersion('2099.1.json', { ...good(), cashRounding: { direction: 'DOWN', unit: 0 } })).toThrow(
        /2099\.1\.json is invalid[\s\S]*cashRounding/,
      );
      expect(() => checkCatalogue()).not.toThrow();
      expect(() => checkCatalogue([...CATALOGUE, { ...good(), version: '2099.1', cashRounding: { direction: 'DOWN', unit: 0 } } as never])).toThrow(
        /2099\.1\.json is invalid/,
      );
    });
  });
});
