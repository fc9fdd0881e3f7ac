import { decisionText, placeAndDate, type DecisionFacts } from './decision-text';

const facts: DecisionFacts = {
  authority: 'GIAM_DOC_SO',
  awardName: 'Danh hiệu Lao động tiên tiến',
  catalogueVersion: '2025.1',
  year: 2026,
  items: [
    { nominee: { kind: 'INDIVIDUAL', fullName: 'Nguyễn Thị Lan' }, unitName: 'Trung tâm Khuyến công', amount: 710_000 },
    { nominee: { kind: 'COLLECTIVE', name: 'Phòng Kế hoạch - Tài chính' }, unitName: 'Ban Quản lý chợ', amount: 1_180_000 },
  ],
  total: 1_890_000,
  number: '12/QĐ-SCT',
  issuedAt: new Date('2026-03-04T18:00:00Z'),
  signer: 'Nguyễn Văn Minh',
};

describe('the decision’s text (Nghị định 30/2020)', () => {
  it('heads it with the authority, the national title and motto, the number and the place and date (Hà Nội time)', () => {
    const t = decisionText(facts);
    expect(t.agency).toEqual(['UBND THÀNH PHỐ HÀ NỘI', 'SỞ CÔNG THƯƠNG']);
    expect([t.nation, t.motto]).toEqual(['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc']);
    expect(t.number).toBe('Số: 12/QĐ-SCT');
    expect(t.placeAndDate).toBe('Hà Nội, ngày 05 tháng 03 năm 2026');
    expect([t.title, t.subject, t.authorityTitle]).toEqual([
      'QUYẾT ĐỊNH',
      'Về việc tặng Danh hiệu Lao động tiên tiến năm 2026',
      'GIÁM ĐỐC SỞ CÔNG THƯƠNG HÀ NỘI',
    ]);
  });

  it('grounds it on the catalogue version’s legal basis, then the proposal', () => {
    expect(decisionText(facts).grounds).toEqual([
      'Căn cứ Luật TĐKT 06/2022/QH15;',
      'Căn cứ Nghị định 152/2025/NĐ-CP;',
      'Căn cứ Quyết định 32/2024/QĐ-UBND;',
      'Xét đề nghị của Hội đồng Thi đua - Khen thưởng Sở Công Thương.',
    ]);
  });

  it('counts the awardees and states the total in its articles, and names the annex after the decision', () => {
    const t = decisionText(facts);
    expect(t.articles[0]).toContain('cho 1 tập thể và 1 cá nhân có tên trong danh sách');
    expect(t.articles[1]).toContain('1.890.000 đồng');
    expect(t.annexSubtitle).toBe('(Kèm theo Quyết định số 12/QĐ-SCT ngày 05/03/2026 của Giám đốc Sở Công Thương Hà Nội)');
    expect([t.signerTitle, t.signerName]).toEqual(['GIÁM ĐỐC', 'Nguyễn Văn Minh']);
  });

  it('leaves the number and date blank on a draft, and uses the city’s symbol for the chairman', () => {
    const t = decisionText({ ...facts, authority: 'CHU_TICH_UBND_TP', number: null, issuedAt: null, signer: null });
    expect(t.number).toBe('Số:        /QĐ-UBND');
    expect(t.placeAndDate).toBe(placeAndDate(null));
    expect(t.agency).toEqual(['ỦY BAN NHÂN DÂN', 'THÀNH PHỐ HÀ NỘI']);
    expect(t.annexSubtitle).toContain('(dự thảo)');
  });
});
