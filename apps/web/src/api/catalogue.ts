import { request } from './client';
import type { Award, DocumentType, Level } from './types';

interface ServedAward {
  code: string;
  name: string;
  route: Level[];
  nomineeKinds: Award['nomineeKinds'];
  requiredDocuments: string[];
  optionalDocuments: string[];
  councils: Partial<Record<Level, unknown>>;
}

const toAward = (a: ServedAward): Award => ({
  code: a.code,
  name: a.name,
  route: a.route,
  nomineeKinds: a.nomineeKinds,
  requiredDocuments: a.requiredDocuments,
  optionalDocuments: a.optionalDocuments,
  councilLevels: Object.keys(a.councils) as Level[],
});

/** The awards in force today (`GET /api/awards` without `at`). */
export async function fetchAwards(): Promise<Award[]> {
  return (await request<ServedAward[]>('/api/awards')).map(toAward);
}

export async function fetchDocumentTypes(): Promise<DocumentType[]> {
  return request<DocumentType[]>('/api/document-types');
}
