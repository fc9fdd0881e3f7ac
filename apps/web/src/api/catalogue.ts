import { api, unwrap } from './client';
import type { Award, DocumentType, Level } from './models';

/** The awards in force today (`GET /api/awards` without `at` answers the list, not a catalogue version). */
export async function fetchAwards(): Promise<Award[]> {
  const awards = await unwrap(api.GET('/api/awards'));
  return Array.isArray(awards) ? awards : awards.awards;
}

export async function fetchDocumentTypes(): Promise<DocumentType[]> {
  return unwrap(api.GET('/api/document-types'));
}

/** Whether a council vote, rather than one reviewer, decides the award at this level. */
export const decidedByCouncil = (award: Award, level: Level) => award.councils[level] !== undefined;
