import { votePasses, voteMinutes } from './council-vote';

describe('votePasses: thresholds count all members, not the votes cast', () => {
  const moreThanHalf = { threshold: 0.5, strict: true };
  const ninetyPercent = { threshold: 0.9, strict: false };

  it.each([
    [2, 5, false],
    [3, 5, true],
    [2, 4, false],
    [3, 4, true],
    [0, 0, false],
  ])('more than half: %d FOR of %d members → %s', (votesFor, members, passes) => {
    expect(votePasses(votesFor, members, moreThanHalf)).toBe(passes);
  });

  it.each([
    [4, 5, false],
    [5, 5, true],
    [9, 10, true],
    [8, 10, false],
    [18, 20, true],
    [26, 29, false],
    [27, 29, true],
  ])('at least 90%%: %d FOR of %d members → %s', (votesFor, members, passes) => {
    expect(votePasses(votesFor, members, ninetyPercent)).toBe(passes);
  });
});

describe('voteMinutes', () => {
  it('records the tally, the threshold and the outcome in Vietnamese, dated in Hà Nội', () => {
    const sut = voteMinutes(
      'CITY',
      { for: 4, against: 1, membersTotal: 5, threshold: 0.9 },
      { threshold: 0.9, strict: false },
      false,
      'city.board',
      new Date('2026-11-24T18:00:00Z'),
    );
    expect(sut).toContain('ngày 25/11/2026');
    expect(sut).toContain('Tổng số thành viên: 5; số phiếu: 5.');
    expect(sut).toContain('Đồng ý: 4 (80%); không đồng ý: 1 (20%).');
    expect(sut).toContain('Ngưỡng: từ 90% tổng số thành viên. Kết quả: không đạt.');
  });
});
