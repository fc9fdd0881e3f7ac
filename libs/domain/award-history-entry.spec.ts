import { awardHistoryEntry, type ApprovedNomination } from './award-history-entry';

const nomination: ApprovedNomination = {
  id: '0f3c2a9e-5b1d-4c7a-9e2f-1a2b3c4d5e6f',
  unitCode: 'U1',
  awardCode: 'BANG_KHEN_UBND_TP',
  year: 2026,
  nominee: { kind: 'INDIVIDUAL', fullName: 'Nguyễn Thị Lan', position: 'Chuyên viên' },
};

describe('awardHistoryEntry', () => {
  it("names the nomination and the Hà Nội day of its approval when the decision's reference is not known", () => {
    // 18:00 UTC on 5 March is already 6 March in Hà Nội.
    expect(awardHistoryEntry(nomination, '2026-03-05T18:00:00.000Z', undefined, undefined)).toEqual({
      fullName: 'Nguyễn Thị Lan',
      unitCode: 'U1',
      awardCode: 'BANG_KHEN_UBND_TP',
      year: 2026,
      decisionRef: 'Hồ sơ 0f3c2a9e, phê duyệt ngày 06/03/2026',
      source: 'NOMINATION',
      basis: 'REGULAR',
      nominationId: nomination.id,
    });
  });

  it("keeps the decision's own reference when there is one", () => {
    expect(awardHistoryEntry(nomination, '2026-03-05T03:00:00.000Z', 'Quyết định 123/QĐ-TTg', 'REGULAR').decisionRef).toBe('Quyết định 123/QĐ-TTg');
  });

  it("marks a themed campaign's result, which never grounds a higher award", () => {
    expect(awardHistoryEntry(nomination, '2026-03-05T03:00:00.000Z', undefined, 'THEMED').basis).toBe('THEMED');
  });

  it("marks an extraordinary or themed nomination's result by its own basis, whatever its campaign", () => {
    expect(awardHistoryEntry({ ...nomination, basis: 'EXTRAORDINARY' }, '2026-03-05T03:00:00.000Z', undefined, 'REGULAR').basis).toBe('EXTRAORDINARY');
    expect(awardHistoryEntry({ ...nomination, basis: 'THEMED' }, '2026-03-05T03:00:00.000Z', undefined, undefined).basis).toBe('THEMED');
    expect(awardHistoryEntry({ ...nomination, basis: 'REGULAR' }, '2026-03-05T03:00:00.000Z', undefined, 'THEMED').basis).toBe('THEMED');
  });

  it('records a collective by its name', () => {
    const collective = { ...nomination, nominee: { kind: 'COLLECTIVE' as const, name: 'Phòng Kế hoạch - Tài chính' } };

    expect(awardHistoryEntry(collective, '2026-03-05T03:00:00.000Z', undefined, undefined).fullName).toBe('Phòng Kế hoạch - Tài chính');
  });
});
