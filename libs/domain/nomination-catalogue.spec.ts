import { catalogueAt, catalogueVersion } from './award-catalogue';
import { awardOf, catalogueOf } from './nomination-catalogue';

describe("a nomination's catalogue and award", () => {
  const v2024 = catalogueVersion('2024.1')!;
  const v2025 = catalogueVersion('2025.1')!;

  it('come from the version the nomination names, whatever the day', () => {
    const sut = { awardCode: 'BANG_KHEN_UBND_TP', catalogueVersion: '2024.1', createdAt: new Date('2026-03-01T03:00:00Z') };

    expect(catalogueOf(sut)).toBe(v2024);
    expect(awardOf(sut)).toBe(v2024.awards.find((a) => a.code === 'BANG_KHEN_UBND_TP'));
  });

  it('fall back to the version in force on the day of submission, in Hà Nội', () => {
    // 17:30 UTC on 30 June 2025 is 00:30 on 1 July in Hà Nội: the 2025 version is in force.
    const sut = { awardCode: 'BANG_KHEN_UBND_TP', catalogueVersion: 'gone', createdAt: '2025-06-30T17:30:00.000Z' };

    expect(catalogueOf(sut)).toBe(v2025);
    expect(catalogueOf({ ...sut, createdAt: '2025-06-30T16:30:00.000Z' })).toBe(v2024);
    expect(awardOf(sut)).toBe(v2025.awards.find((a) => a.code === 'BANG_KHEN_UBND_TP'));
  });

  it('take the oldest version when nothing says which', () => {
    expect(catalogueOf({ catalogueVersion: undefined })).toBe(catalogueAt('2001-01-01'));
  });

  it('refuse an award that is in no catalogue', () => {
    expect(() => awardOf({ awardCode: 'NO_SUCH_AWARD', catalogueVersion: '2025.1', createdAt: new Date() })).toThrow('NO_SUCH_AWARD');
  });
});
