import { LEVEL_NAMES, STATUS_NAMES, endOfHanoiDay, formatDate, formatDateTime, formatDay, formatSize, hanoiDay, nameOf, nomineeName, parseDay } from './format';

describe('web formatting', () => {
  it('writes dates as dd/MM/yyyy in Hanoi, whatever the machine’s zone', () => {
    // 17:30 UTC on 31 December is already 1 January in Hanoi (UTC+7).
    expect(formatDate('2026-12-31T17:30:00.000Z')).toBe('01/01/2027');
    expect(formatDateTime('2026-12-31T17:30:00.000Z')).toBe('01/01/2027 00:30');
    expect(formatDateTime('2026-03-05T02:04:00Z')).toBe('05/03/2026 09:04');
    expect(formatDate(null)).toBe('—');
    expect(formatDate('not a date')).toBe('—');
  });

  it('turns a picked day into the end of that Hanoi day and back', () => {
    expect(endOfHanoiDay('2099-03-15')).toBe('2099-03-15T16:59:00.000Z');
    expect(hanoiDay('2099-03-15T16:59:00.000Z')).toBe('2099-03-15');
    expect(hanoiDay('2026-06-30T18:00:00Z')).toBe('2026-07-01');
  });

  it('reads a typed day as dd/MM/yyyy (or d/M/yyyy) and refuses what is no real date', () => {
    expect(parseDay('02/09/2026')).toBe('2026-09-02');
    expect(parseDay(' 2/9/2026 ')).toBe('2026-09-02');
    expect(parseDay('29/02/2028')).toBe('2028-02-29');
    expect(parseDay('29/02/2026')).toBeNull();
    expect(parseDay('2026-09-02')).toBeNull();
    expect(parseDay('02/13/2026')).toBeNull();
    expect(formatDay('2026-09-02')).toBe('02/09/2026');
  });

  it('names every status and level as UI.md writes them, and shows an unknown code as it came', () => {
    expect(STATUS_NAMES).toEqual({
      IN_REVIEW: 'Đang xét duyệt',
      RETURNED: 'Trả lại để bổ sung',
      APPROVED: 'Đã phê duyệt',
      REJECTED: 'Không phê duyệt',
      WITHDRAWN: 'Đã rút',
      EXPIRED: 'Hết hạn bổ sung',
      FORWARDED: 'Đã trình cấp trên',
    });
    expect(LEVEL_NAMES).toEqual({ UNIT: 'Đơn vị', DEPARTMENT: 'Phòng', SO: 'Sở', CITY: 'Thành phố' });
    expect(nameOf(STATUS_NAMES, 'SOMETHING_NEW')).toBe('SOMETHING_NEW');
    expect(nameOf(LEVEL_NAMES, null)).toBe('—');
  });

  it('names an individual by their full name and a collective by its name', () => {
    expect(nomineeName({ kind: 'INDIVIDUAL', fullName: 'Nguyễn Thị Lan' })).toBe('Nguyễn Thị Lan');
    expect(nomineeName({ kind: 'COLLECTIVE', name: 'Phòng Kế hoạch' })).toBe('Phòng Kế hoạch');
  });

  it('writes file sizes with a Vietnamese decimal comma', () => {
    expect(formatSize(900)).toBe('900 B');
    expect(formatSize(20 * 1024)).toBe('20 KB');
    expect(formatSize(1.5 * 1024 * 1024)).toBe('1,5 MB');
  });
});
