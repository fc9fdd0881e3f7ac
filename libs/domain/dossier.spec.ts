import { dossierIncomplete, dossierOf, firstVersions, versionChain } from './dossier';

describe('the dossier', () => {
  const required = ['TO_TRINH', 'BAO_CAO_THANH_TICH', 'BIEN_BAN_HOP'] as const;

  it('is complete when a current document covers every required type', () => {
    expect(
      dossierOf(required, [
        { type: 'TO_TRINH', current: true },
        { type: 'BAO_CAO_THANH_TICH', current: true },
        { type: 'BIEN_BAN_HOP', current: true },
      ]),
    ).toEqual({
      complete: true,
      missing: [],
    });
    expect(
      dossierOf(required, [
        { type: 'TO_TRINH', current: true },
        { type: 'BIEN_BAN_HOP', current: false },
      ]),
    ).toEqual({
      complete: false,
      missing: ['BAO_CAO_THANH_TICH', 'BIEN_BAN_HOP'],
    });
  });

  it('refuses an incomplete one with a detail per missing type, in Vietnamese', () => {
    expect(dossierIncomplete([])).toBeNull();
    expect(dossierIncomplete(['BIEN_BAN_HOP', 'XAC_NHAN_SANG_KIEN'])).toEqual({
      code: 'DOSSIER_INCOMPLETE',
      message: 'Hồ sơ chưa đầy đủ: còn thiếu Biên bản họp, Xác nhận sáng kiến, đề tài',
      details: [
        { path: 'BIEN_BAN_HOP', message: 'Thiếu biên bản họp' },
        { path: 'XAC_NHAN_SANG_KIEN', message: 'Thiếu xác nhận sáng kiến, đề tài' },
      ],
    });
  });

  it('versions a paper per type and organisation; other documents stand alone', () => {
    expect(versionChain('BIEN_BAN_HOP', 'U1', 'a')).toBe(versionChain('BIEN_BAN_HOP', 'U1', 'b'));
    expect(versionChain('BIEN_BAN_HOP', 'U1', 'a')).not.toBe(versionChain('BIEN_BAN_HOP', 'SCT', 'a'));
    expect(versionChain('KHAC', 'U1', 'a')).not.toBe(versionChain('KHAC', 'U1', 'b'));
  });

  it("numbers a new nomination's uploads as its papers' first versions, the last of each paper current", () => {
    const upload = (id: string, type: string) => ({ id, type, uploaderOrg: 'U1' });
    expect(firstVersions([upload('a', 'TO_TRINH'), upload('b', 'BIEN_BAN_HOP'), upload('c', 'TO_TRINH'), upload('d', 'KHAC'), upload('e', 'KHAC')])).toEqual([
      { chain: 'TO_TRINH:U1', version: 1, current: false },
      { chain: 'BIEN_BAN_HOP:U1', version: 1, current: true },
      { chain: 'TO_TRINH:U1', version: 2, current: true },
      { chain: 'KHAC:d', version: 1, current: true },
      { chain: 'KHAC:e', version: 1, current: true },
    ]);
  });
});
