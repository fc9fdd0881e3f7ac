/** The longest display name kept, in characters. */
const MAX_NAME = 200;

/**
 * A file name as the dossier shows it: NFC, without the directories a browser or a crafted request may
 * prefix, without control characters. Only ever displayed and sent back; the store keys by id.
 */
export function displayFileName(raw: string | undefined): string {
  const base = (raw ?? '').normalize('NFC').split(/[\\/]/).pop() ?? '';
  // Control characters (C0, DEL, C1) and the bidirectional overrides that disguise an extension.
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  const clean = base.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '').trim();
  const name = clean === '.' || clean === '..' ? '' : clean;
  return Array.from(name || 'tai-lieu')
    .slice(-MAX_NAME)
    .join('');
}

/**
 * RFC 6266 `attachment` with the RFC 5987 `filename*` (UTF-8, percent-encoded) so that Vietnamese names
 * arrive intact, and an ASCII `filename` for the clients that ignore `filename*`.
 */
export function contentDisposition(fileName: string): string {
  const ascii = fileName
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
