import { catalogueVersion } from './award-catalogue';
import { routeFor } from './award-route';

const award = (version: string, code: string) => catalogueVersion(version)!.awards.find((a) => a.code === code)!;

describe('routeFor', () => {
  it.each(['LAO_DONG_TIEN_TIEN', 'TAP_THE_LAO_DONG_TIEN_TIEN', 'CSTD_CO_SO', 'GIAY_KHEN_GIAM_DOC_SO'])(
    "lets an enterprise's director decide %s at its own level (Luật 06/2022 art. 80(4))",
    (code) => {
      expect(routeFor(award('2026.1', code), 'ENTERPRISE')).toEqual(['UNIT']);
      expect(routeFor(award('2026.1', code), 'UNIT')).toEqual(['UNIT', 'DEPARTMENT', 'SO']);
    },
  );

  it('sends the rest up from an enterprise as from a unit', () => {
    expect(routeFor(award('2026.1', 'BANG_KHEN_UBND_TP'), 'ENTERPRISE')).toEqual(['UNIT', 'DEPARTMENT', 'SO', 'CITY']);
    expect(routeFor(award('2026.1', 'CSTD_THANH_PHO'), 'ENTERPRISE')).toEqual(['UNIT', 'DEPARTMENT', 'SO', 'CITY']);
  });

  it('keeps the whole route under a version that did not say so', () => {
    expect(routeFor(award('2025.1', 'CSTD_CO_SO'), 'ENTERPRISE')).toEqual(['UNIT', 'DEPARTMENT', 'SO']);
  });
});
