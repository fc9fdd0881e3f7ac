/** The kinds of file a dossier accepts, each decided from the bytes. */
export const MEDIA_TYPES = {
  PDF: 'application/pdf',
  DOCX: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  XLSX: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  JPEG: 'image/jpeg',
  PNG: 'image/png',
} as const;

export type MediaKind = keyof typeof MEDIA_TYPES;

const EXTENSIONS: Record<string, MediaKind> = { pdf: 'PDF', docx: 'DOCX', xlsx: 'XLSX', jpg: 'JPEG', jpeg: 'JPEG', png: 'PNG' };

/** How much of the start of a file the sniffer reads: enough to reach the entry names of an Office file. */
export const SNIFF_BYTES = 256 * 1024;

const ZIP_LOCAL_HEADER = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** What the first bytes of a file say it is, or null for anything the dossier does not accept. */
export function sniffMediaKind(head: Buffer): MediaKind | null {
  if (head.subarray(0, 5).toString('latin1') === '%PDF-') return 'PDF';
  if (head.subarray(0, 8).equals(PNG)) return 'PNG';
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'JPEG';
  if (head.subarray(0, 4).equals(ZIP_LOCAL_HEADER)) return officeKind(zipEntryNames(head));
  return null;
}

/**
 * The entry names of the ZIP local file headers found in `head`. Each header is read where its
 * signature stands (entry sizes may be deferred to a data descriptor, so they cannot be used to hop).
 */
export function zipEntryNames(head: Buffer): string[] {
  const names: string[] = [];
  for (let at = head.indexOf(ZIP_LOCAL_HEADER); at >= 0 && at + 30 <= head.length; at = head.indexOf(ZIP_LOCAL_HEADER, at + 4)) {
    const nameLength = head.readUInt16LE(at + 26);
    if (at + 30 + nameLength > head.length) break;
    names.push(head.subarray(at + 30, at + 30 + nameLength).toString('utf8'));
  }
  return names;
}

function officeKind(names: string[]): MediaKind | null {
  if (!names.includes('[Content_Types].xml') && !names.some((n) => n.startsWith('_rels/'))) return null;
  if (names.some((n) => n.startsWith('word/'))) return 'DOCX';
  if (names.some((n) => n.startsWith('xl/'))) return 'XLSX';
  return null;
}

/** What the uploader's name and part header claim the file is (OTHER: a type the dossier does not take). */
export function declaredKinds(fileName: string, mimeType: string | undefined): (MediaKind | 'OTHER')[] {
  const claims: (MediaKind | 'OTHER')[] = [];
  const extension = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  if (extension) claims.push(EXTENSIONS[extension] ?? 'OTHER');
  const mime = mimeType?.split(';')[0]?.trim().toLowerCase();
  // Generic types say nothing; browsers send them for files they do not know.
  if (mime && mime !== 'application/octet-stream' && mime !== 'binary/octet-stream') {
    const byMime = (Object.entries(MEDIA_TYPES) as [MediaKind, string][]).find(([, type]) => type === mime || (mime === 'image/jpg' && type === 'image/jpeg'));
    claims.push(byMime?.[0] ?? 'OTHER');
  }
  return claims;
}

/** The accepted kind of a file, if its bytes are one we accept and nothing it claims contradicts them. */
export function acceptedKind(head: Buffer, fileName: string, mimeType: string | undefined): MediaKind | null {
  const kind = sniffMediaKind(head);
  if (!kind) return null;
  return declaredKinds(fileName, mimeType).every((claim) => claim === kind) ? kind : null;
}
