import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CATALOGUE } from '../domain/award-catalogue';
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
