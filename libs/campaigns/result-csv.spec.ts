import { computeCampaignResult, type CampaignNomination } from './campaign-result';
import { csvCell, resultToCsv } from './result-csv';

const campaign = { code: 'REGULAR-2026', name: 'Phong trào thi đua thường xuyên', year: 2026 };
const lan: CampaignNomination = {
  nominationId: 'n-lan',
  nominee: { kind: 'INDIVIDUAL', fullName: 'Nguyễn Thị Lan' },
  unitCode: 'U1',
  unitName: 'Trung tâm Khuyến công',
  awardCode: 'CSTD_CO_SO',
};
const awkward: CampaignNomination = {
  nominationId: 'n-tap-the',
  nominee: { kind: 'COLLECTIVE', name: 'Tổ Kế hoạch, Tài chính "Hoa Sen"' },
  unitCode: 'U2',
  unitName: 'Công ty TNHH Một thành viên Điện cơ',
  awardCode: 'BANG_KHEN_UBND_TP',
};

const csv = resultToCsv(computeCampaignResult({ campaign, approved: [lan, awkward], pending: [] }));

describe('resultToCsv', () => {
  it('starts with the UTF-8 byte order mark Excel needs', () => {
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('writes a Vietnamese header, one row per item and a total per authority, with CRLF line ends', () => {
    const text = csv.subarray(3).toString('utf8');
    expect(text.split('\r\n')).toEqual([
      'Thẩm quyền,Mã hồ sơ,Họ tên / Tập thể,Đơn vị,Hình thức khen thưởng,Số tiền (đồng)',
      'Giám đốc Sở Công Thương Hà Nội,n-lan,Nguyễn Thị Lan,Trung tâm Khuyến công,Chiến sĩ thi đua cơ sở,2340000',
      'Giám đốc Sở Công Thương Hà Nội,,Tổng cộng,,,2340000',
      'Chủ tịch Ủy ban nhân dân thành phố Hà Nội,n-tap-the,"Tổ Kế hoạch, Tài chính ""Hoa Sen""",Công ty TNHH Một thành viên Điện cơ,Bằng khen của Chủ tịch UBND thành phố,7020000',
      'Chủ tịch Ủy ban nhân dân thành phố Hà Nội,,Tổng cộng,,,7020000',
      '',
    ]);
    expect(text).not.toMatch(/[^\r]\n/);
  });

  it('keeps the bytes of precomposed (NFC) diacritics unchanged', () => {
    expect(csv.includes(Buffer.from('Nguyễn Thị Lan'.normalize('NFC'), 'utf8'))).toBe(true);
  });

  it('defuses text Excel would run as a formula', () => {
    const formula = { ...lan, nominationId: 'n-x', nominee: { kind: 'INDIVIDUAL' as const, fullName: '=HYPERLINK("http://x")' } };
    const text = resultToCsv(computeCampaignResult({ campaign, approved: [formula], pending: [] })).toString('utf8');
    expect(text).toContain(`,"'=HYPERLINK(""http://x"")",`);
  });
});

describe('csvCell', () => {
  it.each(['=1+1', '+1+1', '-1+1', '@SUM(A1)', '\t=1+1', '\r=1+1'])('prefixes and quotes %j', (field) => {
    expect(csvCell(field)).toBe(`"'${field}"`);
  });

  it('defuses a formula a `;`-splitting spreadsheet would find after a semicolon', () => {
    expect(csvCell('Tổ 1;=cmd|" /C calc"!A0')).toBe(`"Tổ 1;'=cmd|"" /C calc""!A0"`);
    expect(csvCell('=A1;@B1')).toBe(`"'=A1;'@B1"`);
  });

  it('quotes a field holding `;` so that such a spreadsheet keeps it in one cell', () => {
    expect(csvCell('Phòng A; Phòng B')).toBe('"Phòng A; Phòng B"');
  });

  it('leaves ordinary text and numbers alone', () => {
    expect(csvCell('Nguyễn Thị Lan')).toBe('Nguyễn Thị Lan');
    expect(csvCell('2340000')).toBe('2340000');
    expect(csvCell('Lan - Tổ 2')).toBe('Lan - Tổ 2');
  });

  it('defuses every typed column of the file: name, unit and award', () => {
    const hostile: CampaignNomination = { ...lan, nominationId: 'n-y', nominee: { kind: 'INDIVIDUAL', fullName: '@evil' }, unitName: '-2+3' };
    const text = resultToCsv(computeCampaignResult({ campaign, approved: [hostile], pending: [] })).toString('utf8');
    expect(text).toContain(`,n-y,"'@evil","'-2+3",`);
  });
});
