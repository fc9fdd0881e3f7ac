import { request } from './client';
import type { DocumentInfo } from './types';

/** Uploads each chosen file (`POST /api/documents`, multipart `type` + `file`) and returns their ids. */
export async function uploadDocuments(files: Record<string, File | undefined>): Promise<string[]> {
  const ids: string[] = [];
  for (const [type, file] of Object.entries(files)) {
    if (!file) continue;
    const form = new FormData();
    form.append('type', type);
    form.append('file', file);
    ids.push((await request<DocumentInfo>('/api/documents', { method: 'POST', body: form })).id);
  }
  return ids;
}
