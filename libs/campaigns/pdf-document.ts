import path from 'node:path';
import PDFDocument from 'pdfkit';

/** PDFKit's built-in fonts are WinAnsi only: Vietnamese needs an embedded TrueType font. */
const FONT_DIR = path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
/** Tinos: metric-compatible with Times New Roman, whole (every Vietnamese glyph in one file), from Google Fonts. */
const TINOS_DIR = path.dirname(require.resolve('@expo-google-fonts/tinos/package.json'));

export const REGULAR = 'DejaVuSans';
export const BOLD = 'DejaVuSans-Bold';
/** Administrative documents are set in Times New Roman (Nghị định 30/2020): Tinos has its metrics. */
export const SERIF = 'Tinos';
export const SERIF_BOLD = 'Tinos-Bold';

export type Pdf = PDFKit.PDFDocument;

/** Runs `draw` on a new document with the Vietnamese fonts registered and collects the bytes. */
export function renderPdf(options: PDFKit.PDFDocumentOptions, draw: (doc: Pdf) => void): Promise<Buffer> {
  const doc = new PDFDocument(options);
  doc.registerFont(REGULAR, path.join(FONT_DIR, 'DejaVuSans.ttf'));
  doc.registerFont(BOLD, path.join(FONT_DIR, 'DejaVuSans-Bold.ttf'));
  doc.registerFont(SERIF, path.join(TINOS_DIR, '400Regular', 'Tinos_400Regular.ttf'));
  doc.registerFont(SERIF_BOLD, path.join(TINOS_DIR, '700Bold', 'Tinos_700Bold.ttf'));
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    try {
      draw(doc);
      doc.end();
    } catch (error) {
      reject(error);
    }
  });
}

/**
 * A new certificate page (bằng khen, giấy khen) with its double red border. Returns the centred column
 * the text is set in: its left edge and width.
 */
export function certificatePage(doc: Pdf): { left: number; inner: number } {
  doc.addPage();
  const { width, height } = doc.page;
  doc
    .save()
    .strokeColor('#9b1c1c')
    .lineWidth(3)
    .rect(20, 20, width - 40, height - 40)
    .stroke();
  doc
    .lineWidth(1)
    .rect(28, 28, width - 56, height - 56)
    .stroke()
    .restore();
  const left = 60;
  return { left, inner: width - 2 * left };
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Long collective names shrink instead of spilling onto a second page; what still does not fit is cut with an ellipsis. */
export function fitCentred(doc: Pdf, text: string, font: string, box: Box, largest: number): void {
  const smallest = 10;
  doc.font(font);
  let size = largest;
  while (size > smallest && doc.fontSize(size).heightOfString(text, { width: box.width }) > box.height) size--;
  const used = Math.min(box.height, doc.fontSize(size).heightOfString(text, { width: box.width }));
  doc.text(text, box.x, box.y + (box.height - used) / 2, { width: box.width, height: box.height, align: 'center', ellipsis: true });
}
