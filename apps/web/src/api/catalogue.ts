import { catalogueAt } from '../../../../libs/domain/award-catalogue';
import { DOCUMENT_TYPES } from '../../../../libs/domain/document-types';
import { ApiFailure } from '../lib/errors';
import { request } from './client';
import type { Award, DocumentType, Level } from './types';

const today = () => new Date().toISOString().slice(0, 10);

interface ServedAward {
  code: string;
  name?: string;
  nameVi?: string;
  route: Level[];
  nomineeKinds: Award['nomineeKinds'];
  requiredDocuments?: string[];
  optionalDocuments?: string[];
  councils?: Partial<Record<Level, unknown>>;
}

/** Council levels by award, from the bundled catalogue, for a served award that does not list them. */
const bundledCouncils = (code: string): Level[] => {
  const award = catalogueAt(today()).awards.find((a) => a.code === code);
  return Object.keys(award?.councils ?? {}) as Level[];
};

const toAward = (a: ServedAward): Award => ({
  code: a.code,
  name: a.name ?? a.nameVi ?? a.code,
  route: a.route,
  nomineeKinds: a.nomineeKinds,
  requiredDocuments: a.requiredDocuments ?? [],
  optionalDocuments: a.optionalDocuments ?? [],
  councilLevels: a.councils ? (Object.keys(a.councils) as Level[]) : bundledCouncils(a.code),
});

/**
 * The awards in force today, from `GET /api/awards`. Until that endpoint is served (it is being
 * built alongside), the same catalogue module the API judges by, bundled into the app.
 */
export async function fetchAwards(): Promise<Award[]> {
  try {
    const served = await request<ServedAward[] | { awards: ServedAward[] }>(`/api/awards?at=${today()}`);
    return (Array.isArray(served) ? served : served.awards).map(toAward);
  } catch (error) {
    if (!(error instanceof ApiFailure && error.status === 404)) throw error;
    return catalogueAt(today()).awards.map((a) => toAward({ ...a, route: [...a.route], nomineeKinds: [...a.nomineeKinds], requiredDocuments: [...a.requiredDocuments], optionalDocuments: [...a.optionalDocuments] }));
  }
}

export async function fetchDocumentTypes(): Promise<DocumentType[]> {
  try {
    return await request<DocumentType[]>('/api/document-types');
  } catch (error) {
    if (!(error instanceof ApiFailure && error.status === 404)) throw error;
    return Object.entries(DOCUMENT_TYPES).map(([code, name]) => ({ code, name }));
  }
}
