import { AWARD_CODES } from '../domain/award-catalogue';
import { campaignTemplate } from './campaign-templates';

describe('campaignTemplate', () => {
  const launchedAt = new Date('2027-01-02T01:00:00Z');

  it('makes the regular yearly campaign: all the catalogue’s awards, closing 15 December 17:00 Hà Nội', () => {
    const t = campaignTemplate('REGULAR', 2027, launchedAt);
    expect(t).toMatchObject({ code: 'REGULAR-2027', name: 'Phong trào thi đua thường xuyên năm 2027', year: 2027, kind: 'REGULAR' });
    expect([...t.awardCodes].sort()).toEqual([...AWARD_CODES].sort());
    expect(t.opensAt).toEqual(launchedAt);
    expect(t.closesAt.toISOString()).toBe('2027-12-15T10:00:00.000Z');
    expect(t.decisionDeadline.toISOString()).toBe('2028-01-31T16:59:59.000Z');
  });

  it('makes the themed campaign ending on 11 June, the anniversary of the Call for Patriotic Emulation', () => {
    const t = campaignTemplate('THEMED', 2027, new Date('2027-03-01T01:00:00Z'));
    expect(t.code).toBe('THEMED-2027');
    expect(t.name).toBe('Đợt thi đua cao điểm chào mừng ngày Bác Hồ ra Lời kêu gọi thi đua ái quốc (11/6) năm 2027');
    expect(t.awardCodes).toEqual(['GIAY_KHEN_GIAM_DOC_SO', 'BANG_KHEN_UBND_TP']);
    expect(t.closesAt.toISOString()).toBe('2027-06-11T16:59:59.000Z');
    expect(t.decisionDeadline.toISOString()).toBe('2027-06-30T16:59:59.000Z');
  });

  it('keeps every window open before it closes and decided after', () => {
    for (const kind of ['REGULAR', 'THEMED'] as const) {
      const t = campaignTemplate(kind, 2027, kind === 'REGULAR' ? launchedAt : new Date('2027-03-01T01:00:00Z'));
      expect(t.opensAt.getTime()).toBeLessThan(t.closesAt.getTime());
      expect(t.closesAt.getTime()).toBeLessThan(t.decisionDeadline.getTime());
    }
  });
});
