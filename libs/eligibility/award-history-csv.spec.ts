import fc from 'fast-check';
import { AWARD_HISTORY_MAX_REPORTED, AWARD_HISTORY_MAX_ROWS, parseAwardHistoryCsv } from './award-history-csv';

const HEADER = 'fullName,unitCode,awardCode,year,decisionRef';
const lan = { fullName: 'Nguyễn Thị Lan', unitCode: 'U1', awardCode: 'CSTD_CO_SO', year: 2025, decisionRef: 'QĐ 123/QĐ-SCT ngày 15/12/2025', basis: 'REGULAR' };

const paths = (text: string) => parseAwardHistoryCsv(text).errors.map((e) => e.path);

describe('parseAwardHistoryCsv', () => {
  it('reads the basis column, blank meaning REGULAR, and refuses an unknown basis', () => {
    const text = `${HEADER},basis\nNguyễn Thị Lan,U1,CSTD_CO_SO,2025,QĐ 123/QĐ-SCT ngày 15/12/2025,\nLê Văn Nam,U1,BANG_KHEN_UBND_TP,2025,QĐ 9, THEMED \nA,U1,CSTD_CO_SO,2024,QĐ 1,EXTRAORDINARY\nB,U1,CSTD_CO_SO,2024,QĐ 1,SPECIAL\n`;
    const { rows, errors } = parseAwardHistoryCsv(text);
    expect(rows.map((r) => [r.fullName, r.basis])).toEqual([
      ['Nguyễn Thị Lan', 'REGULAR'],
      ['Lê Văn Nam', 'THEMED'],
      ['A', 'EXTRAORDINARY'],
    ]);
    expect(errors).toEqual([{ path: 'line:5', message: expect.stringMatching(/^basis: "SPECIAL"/) }]);
  });

  it('refuses a row of five fields under the six-column header', () => {
    expect(paths(`${HEADER},basis\nNguyễn Thị Lan,U1,CSTD_CO_SO,2025,QĐ 1\n`)).toEqual(['line:2']);
  });

  it('reads rows with LF line ends', () => {
    expect(parseAwardHistoryCsv(`${HEADER}\nNguyễn Thị Lan,U1,CSTD_CO_SO,2025,QĐ 123/QĐ-SCT ngày 15/12/2025\n`)).toEqual({ rows: [lan], errors: [] });
  });

  it('reads CRLF, a UTF-8 BOM, and a last line without a line end', () => {
    const text = `\uFEFF${HEADER}\r\nNguyễn Thị Lan,U1,CSTD_CO_SO,2025,QĐ 123/QĐ-SCT ngày 15/12/2025`;
    expect(parseAwardHistoryCsv(text)).toEqual({ rows: [lan], errors: [] });
  });

  it('reads quoted fields holding commas, doubled quotes and line breaks', () => {
    const text = `${HEADER}\r\n"Nguyễn Thị Lan",U1,CSTD_CO_SO,2025,"QĐ 123/QĐ-SCT, ngày ""15/12/2025""\r\n(bản sao)"\r\n`;
    expect(parseAwardHistoryCsv(text).rows).toEqual([{ ...lan, decisionRef: 'QĐ 123/QĐ-SCT, ngày "15/12/2025"\r\n(bản sao)' }]);
  });

  it('stores names in NFC and trims fields', () => {
    const { rows } = parseAwardHistoryCsv(`${HEADER}\n ${'Nguyễn Thị Lan'.normalize('NFD')} , U1 ,CSTD_CO_SO, 2025 ,QĐ 1\n`);
    expect(rows[0]?.fullName).toBe('Nguyễn Thị Lan'.normalize('NFC'));
    expect(rows[0]).toEqual(expect.objectContaining({ unitCode: 'U1', year: 2025 }));
  });

  it('skips blank lines but keeps counting them', () => {
    const text = `${HEADER}\n\nLê Văn Nam,U1,LAO_DONG_TIEN_TIEN,2025,QĐ 1\n\nTrần Văn X,U1,NOPE,2025,QĐ 2\n`;
    expect(paths(text)).toEqual(['line:5']);
  });

  it('reports every bad row by its line in the file, header being line 1', () => {
    const text = [
      HEADER,
      'Lê Văn Nam,U1,LAO_DONG_TIEN_TIEN,2025,QĐ 1',
      'Phạm Thị Hoa,U1,HUAN_CHUONG,2025,QĐ 1',
      'Đỗ Văn Hải,U1,LAO_DONG_TIEN_TIEN,2025,QĐ 1',
      'Vũ Thị Thu,U1,LAO_DONG_TIEN_TIEN,1989,QĐ 1',
      ',,CSTD_CO_SO,2025.5,',
    ].join('\n');
    const { rows, errors } = parseAwardHistoryCsv(text);
    expect(rows).toHaveLength(2);
    expect(errors).toEqual([
      { path: 'line:3', message: expect.stringContaining('"HUAN_CHUONG"') },
      { path: 'line:5', message: expect.stringContaining('year') },
      { path: 'line:6', message: expect.stringContaining('fullName') },
      { path: 'line:6', message: expect.stringContaining('unitCode') },
      { path: 'line:6', message: expect.stringContaining('year') },
      { path: 'line:6', message: expect.stringContaining('decisionRef') },
    ]);
  });

  it.each(['abc', '2101', '-2025', ''])('refuses the year %j', (year) => {
    expect(paths(`${HEADER}\nLê Văn Nam,U1,LAO_DONG_TIEN_TIEN,${year},QĐ 1\n`)).toEqual(['line:2']);
  });

  it('numbers lines after a quoted field spanning lines', () => {
    const text = `${HEADER}\nLê Văn Nam,U1,LAO_DONG_TIEN_TIEN,2025,"QĐ 1\ndòng hai\r\ndòng ba"\nPhạm Thị Hoa,U1,NOPE,2025,QĐ 1\n`;
    expect(paths(text)).toEqual(['line:5']);
  });

  it('reports a wrong number of fields', () => {
    const { errors } = parseAwardHistoryCsv(`${HEADER}\nLê Văn Nam,U1,LAO_DONG_TIEN_TIEN,2025\nA,U1,CSTD_CO_SO,2025,QĐ,extra\n`);
    expect(errors).toEqual([
      { path: 'line:2', message: expect.stringContaining('có 4') },
      { path: 'line:3', message: expect.stringContaining('có 6') },
    ]);
  });

  it('reports stray and unterminated quotes', () => {
    expect(paths(`${HEADER}\nLê "Văn" Nam,U1,CSTD_CO_SO,2025,QĐ 1\n"Phạm Thị Hoa"x,U1,CSTD_CO_SO,2025,QĐ 1\n`)).toEqual(['line:2', 'line:3']);
    expect(paths(`${HEADER}\nLê Văn Nam,U1,CSTD_CO_SO,2025,QĐ 1\nPhạm Thị Hoa,U1,CSTD_CO_SO,2025,"QĐ 1\n`)).toEqual(['line:3']);
  });

  it('reports a row repeated in the file (same person, unit, award, year) against its first line', () => {
    const text = `${HEADER}\nLê Văn Nam,U1,CSTD_CO_SO,2025,QĐ 1\nLê Văn Nam,U2,CSTD_CO_SO,2025,QĐ 1\n${'Lê Văn Nam'.normalize('NFD')},U1,CSTD_CO_SO,2025,QĐ 9\n`;
    const { rows, errors } = parseAwardHistoryCsv(text);
    expect(rows).toHaveLength(2);
    expect(errors).toEqual([{ path: 'line:4', message: expect.stringContaining('dòng 2') }]);
  });

  it.each([
    ['an empty file', ''],
    ['a missing column', 'fullName,unitCode,awardCode,year\nA,U1,CSTD_CO_SO,2025'],
    ['columns in another order', 'unitCode,fullName,awardCode,year,decisionRef\nU1,A,CSTD_CO_SO,2025,QĐ 1'],
    ['a leading blank line', `\n${HEADER}\nA,U1,CSTD_CO_SO,2025,QĐ 1`],
  ])('refuses %s as a bad header, returning no rows', (_, text) => {
    const { rows, errors } = parseAwardHistoryCsv(text);
    expect(rows).toEqual([]);
    expect(errors[0]).toEqual({ path: 'line:1', message: expect.stringContaining(HEADER) });
  });

  const REFUSED = [...Array.from({ length: 0x20 }, (_, c) => String.fromCharCode(c)).filter((c) => !'\t\n\r'.includes(c)), '\u007F', '\uD800', '\uDFFF'];

  it('refuses a control character or an unpaired surrogate in any cell, naming the line and the column', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4 }), fc.constantFrom(...REFUSED), fc.integer({ min: 0, max: 3 }), (column, bad, at) => {
        const fields = ['Lê Văn Nam', 'U1', 'CSTD_CO_SO', '2025', 'QĐ 1'];
        const field = fields[column]!;
        fields[column] = `${field.slice(0, at)}${bad}${field.slice(at)}`;
        const { rows, errors } = parseAwardHistoryCsv(`${HEADER}\n${lan.fullName},U1,CSTD_CO_SO,2025,QĐ 2\n${fields.map((f) => `"${f}"`).join(',')}\n`);
        expect(rows).toHaveLength(1);
        expect(errors).toEqual([{ path: 'line:3', message: expect.stringContaining(HEADER.split(',')[column]!) }]);
      }),
    );
  });

  it('keeps a tab inside a cell', () => {
    expect(parseAwardHistoryCsv(`${HEADER}\nLê Văn Nam,U1,CSTD_CO_SO,2025,QĐ\t1\n`).rows[0]?.decisionRef).toBe('QĐ\t1');
  });
});

describe('parseAwardHistoryCsv bounds', () => {
  const header = HEADER;
  it('reports at most a bounded number of bad lines, then how many more', () => {
    const bad = Array.from({ length: AWARD_HISTORY_MAX_REPORTED + 25 }, (_, i) => `Người ${i},U1,KHONG_CO,2025,QĐ ${i}`);
    const { errors } = parseAwardHistoryCsv([header, ...bad].join('\n'));
    expect(errors).toHaveLength(AWARD_HISTORY_MAX_REPORTED + 1);
    expect(errors.at(-1)).toEqual({ path: 'file', message: 'và 25 lỗi khác' });
  });

  it('refuses a file of more rows than one import takes, importing nothing', () => {
    const many = Array.from({ length: AWARD_HISTORY_MAX_ROWS + 1 }, (_, i) => `Người ${i},U1,CSTD_CO_SO,2025,QĐ ${i}`);
    const { rows, errors } = parseAwardHistoryCsv([header, ...many].join('\n'));
    expect(rows).toEqual([]);
    expect(errors).toHaveLength(1);
  });
});
