import { contentDisposition, displayFileName } from './file-name';

describe('file names for display', () => {
  it('keeps a Vietnamese name in NFC, without directories or control characters', () => {
    expect(displayFileName('Tờ trình.pdf'.normalize('NFD'))).toBe('Tờ trình.pdf');
    expect(displayFileName('..\\..\\windows\\Biên bản.pdf')).toBe('Biên bản.pdf');
    expect(displayFileName('/etc/passwd')).toBe('passwd');
    expect(displayFileName('a\u0000b\u001b\u202ec.pdf')).toBe('abc.pdf');
    expect(displayFileName('..')).toBe('tai-lieu');
    expect(displayFileName(undefined)).toBe('tai-lieu');
  });

  it('sends it back as RFC 6266 filename* with an ASCII fallback', () => {
    const header = contentDisposition('Báo cáo (đợt 1)\'s "x".pdf');
    expect(header).toBe(
      `attachment; filename="Bao cao (dot 1)'s _x_.pdf"; filename*=UTF-8''B%C3%A1o%20c%C3%A1o%20%28%C4%91%E1%BB%A3t%201%29%27s%20%22x%22.pdf`,
    );
    expect(decodeURIComponent(/filename\*=UTF-8''(.+)$/.exec(header)![1]!)).toBe('Báo cáo (đợt 1)\'s "x".pdf');
  });
});
