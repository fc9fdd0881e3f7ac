import { pdfkitAddPlaceholder } from '@signpdf/placeholder-pdfkit';
import { SignPdf } from '@signpdf/signpdf';
import { SUBFILTER_ETSI_CADES_DETACHED } from '@signpdf/utils';
import { nomineeName } from '../campaigns/campaign-result';
import { SERIF, SERIF_BOLD, certificatePage, fitCentred, renderPdf, type Pdf } from '../campaigns/pdf-document';
import type { DecisionSigner } from './decision-signer';
import { annexRows, decisionText, formatDong, placeAndDate, type DecisionFacts, type DecisionText } from './decision-text';

/** Margins of Nghị định 30/2020/NĐ-CP: left 30 mm, the others 20 mm. */
const MARGINS = { top: 57, bottom: 57, left: 85, right: 57 };

export interface Revocation {
  at: Date;
  reason: string;
  /** The SHA-256 of the signed document, which this copy stands beside. */
  sha256: string | null;
}

/**
 * The decision as a PDF: unsigned and marked DỰ THẢO while a draft; issued, with `signer` a PAdES
 * signature (ETSI.CAdES.detached) over the whole file; revoked, a copy marked ĐÃ THU HỒI.
 */
export async function decisionPdf(d: DecisionFacts, options: { signer?: DecisionSigner; revoked?: Revocation } = {}): Promise<Buffer> {
  const text = decisionText(d);
  const signer = options.signer;
  const pdf = await renderPdf(
    { size: 'A4', margins: MARGINS, bufferPages: true, info: { Title: `Quyết định ${d.number ?? '(dự thảo)'} - ${d.awardName} năm ${d.year}` } },
    (doc) => {
      drawDecision(doc, text);
      drawAnnex(doc, text, d);
      if (!d.number) stamp(doc, 'DỰ THẢO', []);
      if (options.revoked) stamp(doc, 'ĐÃ THU HỒI', revocationLines(options.revoked));
      if (signer) {
        pdfkitAddPlaceholder({
          pdf: doc,
          pdfBuffer: Buffer.alloc(0),
          reason: `Ban hành Quyết định ${d.number}`,
          contactInfo: '',
          name: signer.name,
          location: 'Hà Nội',
          subFilter: SUBFILTER_ETSI_CADES_DETACHED,
          signatureLength: 16_384,
        });
      }
    },
  );
  return signer ? new SignPdf().sign(pdf, signer.signer(), d.issuedAt ?? undefined) : pdf;
}

function revocationLines(r: Revocation): string[] {
  return [
    `${placeAndDate(r.at)}: quyết định đã bị thu hồi.`,
    `Lý do: ${r.reason}`,
    ...(r.sha256 ? [`Bản đã ký số (SHA-256 ${r.sha256}) không còn hiệu lực.`] : []),
  ];
}

function drawDecision(doc: Pdf, t: DecisionText): void {
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const top = doc.y;
  // The national title keeps to one line at 11 pt beside the agency's column.
  const agencyWidth = width * 0.36;
  doc.font(SERIF).fontSize(12).text(t.agency[0], left, top, { width: agencyWidth, align: 'center' });
  doc.font(SERIF_BOLD).text(t.agency[1], { width: agencyWidth, align: 'center' });
  doc.moveDown(0.5);
  doc.font(SERIF).fontSize(13).text(t.number, { width: agencyWidth, align: 'center' });
  const agencyBottom = doc.y;
  const nationX = left + agencyWidth;
  const nationWidth = width - agencyWidth;
  doc.font(SERIF_BOLD).fontSize(11).text(t.nation, nationX, top, { width: nationWidth, align: 'center' });
  doc.fontSize(13).text(t.motto, { width: nationWidth, align: 'center' });
  doc.moveDown(0.5);
  doc.font(SERIF).fontSize(13).text(t.placeAndDate, { width: nationWidth, align: 'center' });

  const paragraph = (s: string, options: PDFKit.Mixins.TextOptions = {}) => doc.text(s, left, doc.y, { width, align: 'justify', indent: 28, ...options });
  const centred = (s: string) => doc.text(s, left, doc.y, { width, align: 'center' });
  doc.y = Math.max(agencyBottom, doc.y) + 24;
  doc.font(SERIF_BOLD).fontSize(14);
  centred(t.title);
  doc.fontSize(13);
  centred(t.subject);
  doc.moveDown();
  centred(t.authorityTitle);
  doc.moveDown(0.5);
  doc.font(SERIF).fontSize(13);
  for (const ground of t.grounds) paragraph(ground);
  doc.moveDown(0.5);
  doc.font(SERIF_BOLD);
  centred('QUYẾT ĐỊNH:');
  doc.moveDown(0.5);
  doc.font(SERIF);
  for (const article of t.articles) paragraph(article);
  doc.moveDown(1.5);

  const signTop = doc.y;
  doc
    .font(SERIF_BOLD)
    .fontSize(12)
    .text(t.recipients[0]!, left, signTop, { width: width / 2 });
  doc.font(SERIF).fontSize(11);
  for (const line of t.recipients.slice(1)) doc.text(line, { width: width / 2 });
  doc
    .font(SERIF_BOLD)
    .fontSize(13)
    .text(t.signerTitle, left + width / 2, signTop, { width: width / 2, align: 'center' });
  doc.moveDown(3);
  doc.text(t.signerName, { width: width / 2, align: 'center' });
}

function drawAnnex(doc: Pdf, t: DecisionText, d: DecisionFacts): void {
  doc.addPage();
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  doc.font(SERIF_BOLD).fontSize(13).text(t.annexTitle, left, doc.y, { width, align: 'center' });
  doc.font(SERIF).fontSize(12).text(t.annexSubtitle, { width, align: 'center' });
  doc.moveDown();
  const columns = [
    { title: 'STT', width: 36, align: 'center' as const },
    { title: 'Họ và tên / Tập thể', width: 170, align: 'left' as const },
    { title: 'Đơn vị', width: width - 36 - 170 - 100, align: 'left' as const },
    { title: 'Số tiền (đồng)', width: 100, align: 'right' as const },
  ];
  const row = (cells: string[], font: string) => {
    const height =
      Math.max(
        ...cells.map((c, i) =>
          doc
            .font(font)
            .fontSize(11)
            .heightOfString(c, { width: columns[i]!.width - 8 }),
        ),
      ) + 6;
    if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
    const y = doc.y;
    let x = left;
    cells.forEach((cell, i) => {
      const column = columns[i]!;
      doc.rect(x, y, column.width, height).stroke();
      doc
        .font(font)
        .fontSize(11)
        .text(cell, x + 4, y + 3, { width: column.width - 8, align: column.align });
      x += column.width;
    });
    doc.x = left;
    doc.y = y + height;
  };
  row(
    columns.map((c) => c.title),
    SERIF_BOLD,
  );
  for (const cells of annexRows(d)) row(cells, SERIF);
  row(['', 'Tổng cộng', '', formatDong(d.total)], SERIF_BOLD);
}

/** A mark across every page, over what is drawn: DỰ THẢO on a draft, ĐÃ THU HỒI with its reason on a revoked copy. */
function stamp(doc: Pdf, word: string, lines: string[]): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const { width, height } = doc.page;
    doc
      .save()
      .fillColor('#b91c1c')
      .opacity(0.25)
      .rotate(-35, { origin: [width / 2, height / 2] });
    doc
      .font(SERIF_BOLD)
      .fontSize(72)
      .text(word, 0, height / 2 - 40, { width, align: 'center', lineBreak: false });
    doc.restore();
    if (lines.length > 0) {
      doc.save().fillColor('#b91c1c');
      doc
        .font(SERIF_BOLD)
        .fontSize(10)
        .text(lines.join('\n'), 40, 20, { width: width - 80 });
      doc.restore();
    }
  }
}

/** One A4 landscape page per awardee, for the ceremony. */
export function certificatesPdf(d: DecisionFacts): Promise<Buffer> {
  const text = decisionText(d);
  return renderPdf(
    {
      size: 'A4',
      layout: 'landscape',
      margins: { top: 36, bottom: 36, left: 36, right: 36 },
      autoFirstPage: false,
      info: { Title: `Bằng khen, giấy khen - ${d.number}` },
    },
    (doc) => {
      for (const item of d.items) {
        const { left, inner } = certificatePage(doc);
        const line = (s: string, y: number, font: string, size: number) => doc.font(font).fontSize(size).text(s, left, y, { width: inner, align: 'center' });
        line(text.nation, 48, SERIF_BOLD, 13);
        line(text.motto, 66, SERIF_BOLD, 12);
        line(text.authorityTitle, 105, SERIF_BOLD, 15);
        doc.fillColor('#9b1c1c');
        fitCentred(doc, d.awardName.toLocaleUpperCase('vi'), SERIF_BOLD, { x: left, y: 135, width: inner, height: 85 }, 30);
        doc.fillColor('black');
        fitCentred(doc, nomineeName(item.nominee), SERIF_BOLD, { x: left, y: 225, width: inner, height: 44 }, 26);
        if (item.nominee.kind === 'INDIVIDUAL' && item.nominee.position) line(item.nominee.position, 272, SERIF, 14);
        fitCentred(doc, item.unitName, SERIF, { x: left, y: 294, width: inner, height: 32 }, 16);
        line(`Đã có thành tích xuất sắc trong thực hiện nhiệm vụ năm ${d.year}`, 330, SERIF, 15);
        const half = inner / 2;
        doc
          .font(SERIF)
          .fontSize(12)
          .text(`Quyết định số ${d.number ?? '......'}`, left, 430, { width: half, align: 'center' });
        doc.text(placeAndDate(d.issuedAt), left + half, 420, { width: half, align: 'center' });
        doc
          .font(SERIF_BOLD)
          .fontSize(13)
          .text(text.signerTitle, left + half, 440, { width: half, align: 'center' });
        doc.text(d.signer ?? '', left + half, 500, { width: half, align: 'center' });
      }
    },
  );
}
