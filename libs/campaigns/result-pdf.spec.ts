import { extractPages } from '../../test/support/pdf-text';
import { computeCampaignResult, type CampaignNomination, type CampaignResult } from './campaign-result';
import { certificatesToPdf, resultToPdf } from './result-pdf';

const campaign = { code: 'REGULAR-2026', name: 'Phong trào thi đua thường xuyên', year: 2026 };
const lan: CampaignNomination = {
  nominationId: 'n-lan',
  nominee: { kind: 'INDIVIDUAL', fullName: 'Nguyễn Thị Lan', position: 'Chuyên viên' },
  unitCode: 'U1',
  unitName: 'Trung tâm Khuyến công',
  awardCode: 'CSTD_CO_SO',
};
const xuong: CampaignNomination = {
  nominationId: 'n-xuong',
  nominee: { kind: 'COLLECTIVE', name: 'Xưởng Cơ khí Đông Anh' },
  unitCode: 'U2',
  unitName: 'Công ty Điện cơ Thống Nhất',
  awardCode: 'BANG_KHEN_UBND_TP',
};
const small = computeCampaignResult({ campaign, approved: [lan, xuong], pending: [] });
const many = computeCampaignResult({
  campaign,
  approved: Array.from({ length: 300 }, (_, i) => ({
    ...lan,
    nominationId: `n-${i}`,
    nominee: { kind: 'INDIVIDUAL' as const, fullName: `Phạm Thị Hường ${String(i).padStart(3, '0')}` },
  })),
  pending: [],
});

const pdfPages = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
const flat = (text: string) => text.replace(/\s+/g, ' ');

let decisions: string[];
let longDecision: string[];
let certificates: string[];
let certificateBytes: Buffer;
let longDecisionBytes: Buffer;

beforeAll(async () => {
  const decisionBytes = await resultToPdf(small, campaign);
  longDecisionBytes = await resultToPdf(many, campaign);
  certificateBytes = await certificatesToPdf(small, campaign);
  [decisions, longDecision, certificates] = (await extractPages([decisionBytes, longDecisionBytes, certificateBytes])) as [string[], string[], string[]];
});

describe('resultToPdf', () => {
  it('keeps Vietnamese diacritics in the text of the draft decisions', () => {
    const text = flat(decisions.join('\n'));
    for (const expected of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Về việc khen thưởng',
      'Phong trào thi đua thường xuyên năm 2026',
      'Nguyễn Thị Lan',
      'Chiến sĩ thi đua cơ sở',
      'Bằng khen của Chủ tịch UBND thành phố',
      'Xưởng Cơ khí Đông Anh',
      'Tổng số tiền thưởng: 2.340.000 đồng',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('gives each authority its own decision, each page marked as a draft', () => {
    expect(decisions).toHaveLength(2);
    expect(flat(decisions[0]!)).toContain('GIÁM ĐỐC SỞ CÔNG THƯƠNG HÀ NỘI');
    expect(flat(decisions[0]!)).not.toContain('Xưởng Cơ khí Đông Anh');
    expect(flat(decisions[1]!)).toContain('CHỦ TỊCH ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI');
    for (const page of decisions) expect(page).toContain('DỰ THẢO');
  });

  it('breaks a long list over pages, repeating the column titles, losing no row', () => {
    expect(longDecision.length).toBeGreaterThan(5);
    expect(pdfPages(longDecisionBytes)).toBe(longDecision.length);
    const text = flat(longDecision.join('\n'));
    for (let i = 0; i < 300; i++) expect(text).toContain(`Phạm Thị Hường ${String(i).padStart(3, '0')}`);
    expect(text).toContain('Tổng số tiền thưởng: 702.000.000 đồng');
    for (const page of longDecision) {
      expect(page).toContain('DỰ THẢO');
      expect(flat(page)).toContain('Hình thức khen thưởng');
    }
  });
});

describe('certificatesToPdf', () => {
  it('prints one landscape page per awarded item', async () => {
    expect(certificates).toHaveLength(2);
    expect(pdfPages(certificateBytes)).toBe(2);
    expect(certificateBytes.toString('latin1')).toMatch(/\/MediaBox \[0 0 841\.89 595\.28\]/);
    const twenty = computeCampaignResult({ campaign, approved: many.decisions[0]!.items.slice(0, 20), pending: [] });
    expect(pdfPages(await certificatesToPdf(twenty, campaign))).toBe(20);
  });

  it('names the award, the nominee, the unit and the campaign', () => {
    const [first, second] = certificates.map(flat);
    expect(first).toContain('CHIẾN SĨ THI ĐUA CƠ SỞ');
    expect(first).toContain('Nguyễn Thị Lan');
    expect(first).toContain('Trung tâm Khuyến công');
    expect(first).toContain('Phong trào thi đua thường xuyên năm 2026');
    expect(second).toContain('BẰNG KHEN CỦA CHỦ TỊCH UBND THÀNH PHỐ');
    expect(second).toContain('Xưởng Cơ khí Đông Anh');
  });

  it('shrinks a very long name to stay on its page', async () => {
    const long: CampaignResult = computeCampaignResult({
      campaign,
      approved: [
        { ...xuong, nominee: { kind: 'COLLECTIVE', name: 'Phòng Quản lý Thương mại, Xúc tiến Đầu tư và Phát triển Thị trường Nông thôn '.repeat(6) } },
      ],
      pending: [],
    });
    expect(pdfPages(await certificatesToPdf(long, campaign))).toBe(1);
  });
});
