import { extractPages } from '../../test/support/pdf-text';
import { certificatesPdf } from './decision-pdf';
import type { DecisionFacts } from './decision-text';

const decision: DecisionFacts = {
  authority: 'GIAM_DOC_SO',
  awardName: 'Giấy khen của Giám đốc Sở Công Thương',
  catalogueVersion: '2025.1',
  year: 2026,
  items: [
    { nominee: { kind: 'INDIVIDUAL', fullName: 'Nguyễn Thị Lan', position: 'Chuyên viên' }, unitName: 'Trung tâm Khuyến công', amount: 2_360_000 },
    {
      nominee: { kind: 'COLLECTIVE', name: 'Phòng Quản lý Thương mại, Xúc tiến Đầu tư và Phát triển Thị trường Nông thôn '.repeat(6) },
      unitName: 'Công ty Điện cơ Thống Nhất',
      amount: 4_720_000,
    },
  ],
  total: 7_080_000,
  number: '12/QĐ-SCT',
  issuedAt: new Date('2026-12-08T03:00:00Z'),
  signer: 'Nguyễn Văn Minh',
};

const pdfPages = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;

describe('the award decision’s certificates', () => {
  it('give each awardee one page, a very long collective name shrunk to stay on it', async () => {
    const pdf = await certificatesPdf(decision);
    expect(pdfPages(pdf)).toBe(2);
    const [first] = (await extractPages([pdf]))[0]!;
    expect(first!.replace(/\s+/g, ' ')).toContain('Nguyễn Thị Lan');
    expect(first).toContain('12/QĐ-SCT');
  });
});
