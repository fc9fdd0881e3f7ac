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
