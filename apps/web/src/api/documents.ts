import { api, unwrap } from './client';
import type { components } from './schema';

type Upload = components['schemas']['UploadDocumentRequest'];

/** Uploads each chosen file (`POST /api/documents`, multipart `type` + `file`) and returns their ids. */
export async function uploadDocuments(files: Record<string, File | undefined>): Promise<string[]> {
  const ids: string[] = [];
  for (const [type, file] of Object.entries(files)) {
    if (!file) continue;
    const form = new FormData();
    form.append('type', type);
    form.append('file', file);
    // A binary field is typed as a string by the generator; the form itself is what is sent.
    const body = { type: type as Upload['type'], file: file as unknown as string };
    ids.push((await unwrap(api.POST('/api/documents', { body, bodySerializer: () => form }))).id);
  }
  return ids;
}
