import { DECISION_SYMBOLS } from '../award-decisions/decision-number';
import { catalogueAt } from '../domain/award-catalogue';
import {
  FORWARD_NAMES,
  nomineeName,
  proposalStatus,
  type Authority,
  type AuthorityDecision,
  type CampaignRef,
  type CampaignResult,
  type ProposalItem,
  type ResultItem,
} from './campaign-result';
import { BOLD, REGULAR, certificatePage, fitCentred, renderPdf, type Pdf } from './pdf-document';

export interface Issuer {
  /** The issuing body as the top-left corner of an administrative document names it. */
  agency: [parent: string, body: string];
  symbol: string;
  proposer: string;
  signer: string;
}

export const ISSUERS: Record<Authority, Issuer> = {
  GIAM_DOC_SO: {
    agency: ['UBND THÀNH PHỐ HÀ NỘI', 'SỞ CÔNG THƯƠNG'],
    symbol: DECISION_SYMBOLS.GIAM_DOC_SO,
    proposer: 'Hội đồng Thi đua - Khen thưởng Sở Công Thương',
    signer: 'GIÁM ĐỐC',
  },
  CHU_TICH_UBND_TP: {
    agency: ['ỦY BAN NHÂN DÂN', 'THÀNH PHỐ HÀ NỘI'],
    symbol: DECISION_SYMBOLS.CHU_TICH_UBND_TP,
    proposer: 'Ban Thi đua - Khen thưởng thành phố và Giám đốc Sở Công Thương',
    signer: 'CHỦ TỊCH',
  },
};

export const NATION = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const MOTTO = 'Độc lập - Tự do - Hạnh phúc';
/** Left blank: the number and date are given when the decision is signed, not when it is drafted. */
const PLACE_AND_DATE = 'Hà Nội, ngày ...... tháng ...... năm ......';

const dong = new Intl.NumberFormat('vi-VN');

/** Campaign names often carry their year already ("… năm 2026"); it is not repeated. */
function campaignPeriod(campaign: CampaignRef): string {
  return campaign.name.includes(String(campaign.year)) ? campaign.name : `${campaign.name} năm ${campaign.year}`;
}

/** The draft award decisions, one per authority, each starting on a new page and marked DỰ THẢO. */
export function resultToPdf(result: CampaignResult, campaign: CampaignRef): Promise<Buffer> {
  // Margins of Nghị định 30/2020/NĐ-CP on administrative documents: left 30 mm, others 20 mm.
  const margins = { top: 57, bottom: 57, left: 85, right: 57 };
  return renderPdf(
    { size: 'A4', margins, autoFirstPage: false, bufferPages: true, info: { Title: `Dự thảo quyết định khen thưởng - ${campaign.code}` } },
    (doc) => {
      for (const decision of result.decisions) drawDecision(doc, decision, result.baseSalary, campaign);
      const proposals = result.proposals ?? [];
      if (proposals.length > 0) drawProposals(doc, proposals, campaign);
      if (result.decisions.length === 0 && proposals.length === 0) {
        doc.addPage();
        doc
          .font(REGULAR)
          .fontSize(12)
          .text(`Không có hồ sơ nào được phê duyệt trong ${campaignPeriod(campaign)}.`);
      }
      stampDraft(doc);
    },
  );
}

function roundingVi({ direction, unit }: { direction: 'UP' | 'NEAREST'; unit: number }): string {
  const to = unit === 10_000 ? 'hàng chục nghìn đồng' : unit === 1_000 ? 'hàng nghìn đồng' : `bội số của ${dong.format(unit)} đồng`;
  return `${direction === 'UP' ? 'làm tròn lên' : 'làm tròn'} ${to}`;
}

function drawDecision(doc: Pdf, decision: AuthorityDecision, baseSalary: number, campaign: CampaignRef): void {
  const issuer = ISSUERS[decision.authority];
  doc.addPage();
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const top = doc.y;

  const agencyWidth = width * 0.4;
  doc.font(REGULAR).fontSize(12).text(issuer.agency[0], left, top, { width: agencyWidth, align: 'center' });
  doc.font(BOLD).text(issuer.agency[1], { width: agencyWidth, align: 'center' });
  doc.font(REGULAR).fontSize(12).text(`Số:        /${issuer.symbol}`, { width: agencyWidth, align: 'center' });
  const agencyBottom = doc.y;

  const nationX = left + agencyWidth;
  const nationWidth = width - agencyWidth;
  doc.font(BOLD).fontSize(11).text(NATION, nationX, top, { width: nationWidth, align: 'center' });
  doc.fontSize(12).text(MOTTO, { width: nationWidth, align: 'center' });
  doc.font(REGULAR).fontSize(11).text(PLACE_AND_DATE, { width: nationWidth, align: 'center' });

  const paragraph = (text: string, options: PDFKit.Mixins.TextOptions = {}) => doc.text(text, left, doc.y, { width, ...options });
  doc.y = Math.max(agencyBottom, doc.y) + 24;
  doc.font(BOLD).fontSize(14);
  paragraph('QUYẾT ĐỊNH', { align: 'center' });
  doc.fontSize(13);
  paragraph(`Về việc khen thưởng các tập thể, cá nhân có thành tích trong ${campaignPeriod(campaign)}`, { align: 'center' });
  doc.moveDown();
  paragraph(decision.authorityName.toLocaleUpperCase('vi'), { align: 'center' });
  doc.moveDown(0.5);

  doc.font(REGULAR).fontSize(12);
  for (const basis of catalogueAt(`${campaign.year}-12-31`).legalBasis.split(';')) paragraph(`Căn cứ ${basis.trim()};`);
  paragraph(`Xét đề nghị của ${issuer.proposer},`);
  doc.moveDown(0.5);
  doc.font(BOLD);
  paragraph('QUYẾT ĐỊNH:', { align: 'center' });
  doc.moveDown(0.5);
  doc.font(REGULAR);
  paragraph(`Điều 1. Khen thưởng ${decision.items.length} tập thể, cá nhân có tên trong danh sách dưới đây (mã đợt thi đua ${campaign.code}):`);
  doc.moveDown(0.5);

  drawTable(doc, COLUMNS, decision.items);

  doc.moveDown(0.5);
  doc.font(BOLD).fontSize(12);
  paragraph(`Tổng số tiền thưởng: ${dong.format(decision.total)} đồng.`);
  doc.font(REGULAR);
  // Items decided on either side of a change of the base salary are priced by different amounts; a result
  // stored before items carried their own base salary has only the one.
  const salaries = [...new Set(decision.items.map((i) => i.baseSalary ?? baseSalary))].sort((a, b) => a - b);
  const rounding = catalogueAt(`${campaign.year}-12-31`).cashRounding;
  paragraph(
    `(Mức tiền thưởng tính theo mức lương cơ sở ${salaries.map((a) => `${dong.format(a)} đồng`).join(', ')} tại ngày quyết định, ${roundingVi(rounding)}.)`,
  );
  paragraph('Điều 2. Tiền thưởng được chi theo quy định hiện hành về quỹ thi đua, khen thưởng.');
  paragraph('Điều 3. Thủ trưởng các cơ quan, đơn vị có liên quan và các tập thể, cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này.');

  const signature = 90;
  if (doc.y + signature > doc.page.height - doc.page.margins.bottom) doc.addPage();
  doc.moveDown();
  doc.font(BOLD).text(issuer.signer, left + width / 2, doc.y, { width: width / 2, align: 'center' });
}

/**
 * The awards the city proposes to the central level, after its own decisions: a list, not a decision,
 * showing how far each got; cash only beside those the central level granted.
 */
function drawProposals(doc: Pdf, proposals: readonly ProposalItem[], campaign: CampaignRef): void {
  doc.addPage();
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const paragraph = (text: string, options: PDFKit.Mixins.TextOptions = {}) => doc.text(text, left, doc.y, { width, ...options });
  const to = [...new Set(proposals.map((p) => FORWARD_NAMES[p.forwardTo]))].join(', ');
  doc.font(BOLD).fontSize(13);
  paragraph(`DANH SÁCH ĐỀ NGHỊ ${to.toLocaleUpperCase('vi')} KHEN THƯỞNG`, { align: 'center' });
  doc.font(REGULAR).fontSize(12);
  paragraph(`${campaignPeriod(campaign)} (mã đợt thi đua ${campaign.code})`, { align: 'center' });
  doc.moveDown(0.5);
  paragraph(
    `Thành phố trình ${to} quyết định; các trường hợp dưới đây không thuộc quyết định khen thưởng của Thành phố. Tiền thưởng chỉ tính khi đã có quyết định khen thưởng của cấp trên, theo mức lương cơ sở tại ngày quyết định đó.`,
  );
  doc.moveDown(0.5);
  drawTable(doc, PROPOSAL_COLUMNS, proposals);
  const granted = proposals.filter((p) => p.outcome === 'GRANTED');
  if (granted.length > 0) {
    doc.moveDown(0.5);
    doc.font(BOLD).fontSize(12);
    paragraph(`Tổng số tiền thưởng đã được quyết định: ${dong.format(granted.reduce((sum, p) => sum + (p.amount ?? 0), 0))} đồng.`);
  }
}

interface Column<T> {
  title: string;
  width: number;
  align: 'left' | 'center' | 'right';
  cell: (item: T, index: number) => string;
}

const COLUMNS: readonly Column<ResultItem>[] = [
  { title: 'STT', width: 32, align: 'center', cell: (_, i) => String(i + 1) },
  { title: 'Họ tên / Tập thể', width: 131, align: 'left', cell: (item) => nomineeLabel(item) },
  { title: 'Đơn vị', width: 105, align: 'left', cell: (item) => item.unitName },
  { title: 'Hình thức khen thưởng', width: 110, align: 'left', cell: (item) => item.awardName },
  { title: 'Số tiền (đồng)', width: 75, align: 'right', cell: (item) => dong.format(item.amount) },
];

/** As wide in all as COLUMNS: the page's text width. */
const PROPOSAL_COLUMNS: readonly Column<ProposalItem>[] = [
  { title: 'STT', width: 32, align: 'center', cell: (_, i) => String(i + 1) },
  { title: 'Họ tên / Tập thể', width: 111, align: 'left', cell: (item) => nomineeLabel(item) },
  { title: 'Đơn vị', width: 85, align: 'left', cell: (item) => item.unitName },
  { title: 'Hình thức khen thưởng', width: 90, align: 'left', cell: (item) => item.awardName },
  { title: 'Tình trạng', width: 75, align: 'left', cell: (item) => proposalStatus(item) },
  { title: 'Số tiền (đồng)', width: 60, align: 'right', cell: (item) => (item.amount === null ? '' : dong.format(item.amount)) },
];

function nomineeLabel(item: ResultItem | ProposalItem): string {
  return item.nominee.kind === 'INDIVIDUAL' && item.nominee.position ? `${item.nominee.fullName}\n${item.nominee.position}` : nomineeName(item.nominee);
}

const PAD = 4;

/** Rows never split and the titles never stand alone at a page's foot; every page repeats the titles. */
function drawTable<T>(doc: Pdf, columns: readonly Column<T>[], items: readonly T[]): void {
  const titles = columns.map((c) => c.title);
  const widths = columns.map((c) => c.width);
  const titlesHeight = rowHeight(doc, titles, widths, BOLD);
  const fits = (height: number) => doc.y + height <= doc.page.height - doc.page.margins.bottom;
  items.forEach((item, index) => {
    const cells = columns.map((c) => c.cell(item, index));
    const height = rowHeight(doc, cells, widths, REGULAR);
    const first = index === 0;
    const pageBreak = !fits(first ? titlesHeight + height : height);
    if (pageBreak) doc.addPage();
    if (first || pageBreak) drawRow(doc, columns, titles, titlesHeight, BOLD, true);
    drawRow(doc, columns, cells, height, REGULAR, false);
  });
}

function rowHeight(doc: Pdf, cells: readonly string[], widths: readonly number[], font: string): number {
  doc.font(font).fontSize(10);
  return Math.max(...cells.map((text, i) => doc.heightOfString(text, { width: widths[i]! - 2 * PAD }))) + 2 * PAD;
}

function drawRow<T>(doc: Pdf, columns: readonly Column<T>[], cells: readonly string[], height: number, font: string, heading: boolean): void {
  doc.font(font).fontSize(10);
  const top = doc.y;
  let x = doc.page.margins.left;
  cells.forEach((text, i) => {
    const column = columns[i]!;
    doc.rect(x, top, column.width, height).lineWidth(0.5).stroke();
    doc.text(text, x + PAD, top + PAD, { width: column.width - 2 * PAD, align: heading ? 'center' : column.align });
    x += column.width;
  });
  doc.x = doc.page.margins.left;
  doc.y = top + height;
}

/** Marks every page, so that no page printed alone passes for a signed decision. */
function stampDraft(doc: Pdf): void {
  const { start, count } = doc.bufferedPageRange();
  for (let page = start; page < start + count; page++) {
    doc.switchToPage(page);
    const x = doc.page.width - doc.page.margins.right - 90;
    doc.save().lineWidth(1.5).strokeColor('#c00000').rect(x, 18, 90, 24).stroke().restore();
    doc.font(BOLD).fontSize(13).fillColor('#c00000').text('DỰ THẢO', x, 23, { width: 90, align: 'center', lineBreak: false });
    doc.fillColor('black');
  }
}

/** Certificates (bằng khen, giấy khen) to print: one landscape A4 page per awarded item. */
export function certificatesToPdf(result: CampaignResult, campaign: CampaignRef): Promise<Buffer> {
  return renderPdf(
    {
      size: 'A4',
      layout: 'landscape',
      margins: { top: 36, bottom: 36, left: 36, right: 36 },
      autoFirstPage: false,
      info: { Title: `Bằng khen, giấy khen - ${campaign.code}` },
    },
    (doc) => {
      for (const decision of result.decisions) {
        for (const item of decision.items) drawCertificate(doc, decision, item, campaign);
      }
    },
  );
}

function drawCertificate(doc: Pdf, decision: AuthorityDecision, item: ResultItem, campaign: CampaignRef): void {
  const { left, inner } = certificatePage(doc);
  const line = (text: string, y: number, font: string, size: number) =>
    doc.font(font).fontSize(size).text(text, left, y, { width: inner, align: 'center', lineBreak: false });

  line(NATION, 48, BOLD, 13);
  line(MOTTO, 66, BOLD, 12);
  line(decision.authorityName.toLocaleUpperCase('vi'), 110, BOLD, 16);
  doc.fillColor('#9b1c1c');
  fitCentred(doc, item.awardName.toLocaleUpperCase('vi'), BOLD, { x: left, y: 145, width: inner, height: 90 }, 34);
  doc.fillColor('black');
  fitCentred(doc, nomineeName(item.nominee), BOLD, { x: left, y: 245, width: inner, height: 64 }, 26);
  if (item.nominee.kind === 'INDIVIDUAL' && item.nominee.position) line(item.nominee.position, 312, REGULAR, 14);
  fitCentred(doc, item.unitName, REGULAR, { x: left, y: 338, width: inner, height: 40 }, 16);
  fitCentred(doc, `Đã có thành tích trong ${campaignPeriod(campaign)}`, REGULAR, { x: left, y: 388, width: inner, height: 44 }, 15);

  const half = inner / 2;
  doc.font(REGULAR).fontSize(9).text(`Mã hồ sơ: ${item.nominationId}`, left, 500, { width: half, lineBreak: false });
  doc
    .font(REGULAR)
    .fontSize(12)
    .text(PLACE_AND_DATE, left + half, 450, { width: half, align: 'center', lineBreak: false });
  doc
    .font(BOLD)
    .fontSize(13)
    .text(ISSUERS[decision.authority].signer, left + half, 470, { width: half, align: 'center', lineBreak: false });
}
