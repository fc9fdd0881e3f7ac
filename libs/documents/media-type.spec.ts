import { samplePdf } from '../devtools/sample-documents';
import { acceptedKind, sniffMediaKind, zipEntryNames } from './media-type';

/** A ZIP as Office writes it: local file headers, each followed by its (here stored, uncompressed) data. */
function zip(entries: string[]): Buffer {
  return Buffer.concat(
    entries.flatMap((name) => {
      const data = Buffer.from(`<xml>${name}</xml>`);
      const header = Buffer.alloc(30);
      header.writeUInt32LE(0x04034b50, 0);
      header.writeUInt16LE(20, 4);
      header.writeUInt32LE(data.length, 18);
      header.writeUInt32LE(data.length, 22);
      header.writeUInt16LE(Buffer.byteLength(name), 26);
      return [header, Buffer.from(name), data];
    }),
  );
}

const DOCX = zip(['[Content_Types].xml', '_rels/.rels', 'word/document.xml']);
const XLSX = zip(['[Content_Types].xml', '_rels/.rels', 'xl/workbook.xml']);
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
const JPEG = Buffer.from('ffd8ffe000104a464946', 'hex');

describe('media type from the bytes', () => {
  it('knows the accepted kinds by their signatures', () => {
    expect(sniffMediaKind(samplePdf('x'))).toBe('PDF');
    expect(sniffMediaKind(PNG)).toBe('PNG');
    expect(sniffMediaKind(JPEG)).toBe('JPEG');
    expect(sniffMediaKind(DOCX)).toBe('DOCX');
    expect(sniffMediaKind(XLSX)).toBe('XLSX');
  });

  it('reads the entry names of the local file headers', () => {
    expect(zipEntryNames(DOCX)).toEqual(['[Content_Types].xml', '_rels/.rels', 'word/document.xml']);
  });

  it('refuses an executable, a plain ZIP, and text', () => {
    expect(sniffMediaKind(Buffer.from('MZ\x90\x00', 'latin1'))).toBeNull();
    expect(sniffMediaKind(Buffer.from('\x7fELF', 'latin1'))).toBeNull();
    expect(sniffMediaKind(zip(['word/document.xml']))).toBeNull();
    expect(sniffMediaKind(zip(['[Content_Types].xml', 'payload.exe']))).toBeNull();
    expect(sniffMediaKind(Buffer.from('hello'))).toBeNull();
  });

  it('refuses bytes that contradict the name or the part header', () => {
    expect(acceptedKind(samplePdf('x'), 'to-trinh.pdf', 'application/pdf')).toBe('PDF');
    expect(acceptedKind(samplePdf('x'), 'to-trinh', 'application/octet-stream')).toBe('PDF');
    expect(acceptedKind(JPEG, 'anh.JPG', 'image/jpeg')).toBe('JPEG');
    expect(acceptedKind(samplePdf('x'), 'anh.png', 'image/png')).toBeNull();
    expect(acceptedKind(samplePdf('x'), 'to-trinh.pdf', 'image/png')).toBeNull();
    expect(acceptedKind(DOCX, 'bao-cao.xlsx', undefined)).toBeNull();
    expect(acceptedKind(Buffer.from('MZ\x90\x00', 'latin1'), 'to-trinh.pdf', 'application/pdf')).toBeNull();
    expect(acceptedKind(samplePdf('x'), 'to-trinh.exe', 'application/pdf')).toBeNull();
  });
});
