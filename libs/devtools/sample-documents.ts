import { findAward } from '../domain/award-catalogue';
import { hanoiDay } from '../domain/hanoi-time';

/** A small valid one-page PDF naming `label`, generated in code so that scripts and tests need no fixture files. */
export function samplePdf(label: string): Buffer {
  const text = label.replace(/[^\x20-\x7e]/g, '?').replace(/[()\\]/g, '');
  const stream = `BT /F1 12 Tf 72 720 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/** The document types an award's dossier must hold (the catalogue in force today). */
export function requiredDocumentTypes(awardCode: string, day = hanoiDay(new Date())): string[] {
  return [...(findAward(awardCode, day)?.requiredDocuments ?? [])];
}

/**
 * Uploads one generated PDF per required type of the award through `POST /api/documents` and returns
 * their ids, for a submission's `documents`; the scripts' HTTP path (fetch).
 */
export async function uploadRequiredDocuments(apiUrl: string, token: string, awardCode: string): Promise<string[]> {
  const ids: string[] = [];
  for (const type of requiredDocumentTypes(awardCode)) {
    const form = new FormData();
    form.set('type', type);
    form.set('file', new Blob([samplePdf(`${type} ${awardCode}`)], { type: 'application/pdf' }), `${type}.pdf`);
    const res = await fetch(`${apiUrl}/api/documents`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
    if (res.status !== 201) throw new Error(`upload of ${type} failed: ${res.status} ${await res.text()}`);
    ids.push(((await res.json()) as { id: string }).id);
  }
  return ids;
}
