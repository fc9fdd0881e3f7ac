import { API_MESSAGES } from './api-messages';
import { DOCUMENT_TYPES, type DocumentType } from './document-types';
import type { DomainError } from './errors';

export interface DossierDocument {
  type: string;
  current: boolean;
}

/** The required types no current document covers, in the catalogue's order. */
export function missingDocuments(required: readonly DocumentType[], documents: readonly DossierDocument[]): DocumentType[] {
  return required.filter((type) => !documents.some((d) => d.current && d.type === type));
}

export function dossierOf(required: readonly DocumentType[], documents: readonly DossierDocument[]) {
  const missing = missingDocuments(required, documents);
  return { complete: missing.length === 0, missing };
}

/** 422 DOSSIER_INCOMPLETE, one detail per missing type, or null when nothing is missing. */
export function dossierIncomplete(missing: readonly DocumentType[]): DomainError | null {
  if (missing.length === 0) return null;
  return {
    code: 'DOSSIER_INCOMPLETE',
    message: API_MESSAGES.nomination.dossierIncomplete(missing.map((t) => DOCUMENT_TYPES[t])),
    details: missing.map((type) => ({ path: type, message: API_MESSAGES.nomination.documentMissing(DOCUMENT_TYPES[type]) })),
  };
}

/**
 * The versions of one paper: the same type from the same organisation, so that a unit's new minutes
 * supersede its old ones while the Sở's council minutes stand beside them. Every "other" document
 * stands alone.
 */
export function versionChain(type: string, uploaderOrg: string, documentId: string): string {
  return type === 'KHAC' ? `KHAC:${documentId}` : `${type}:${uploaderOrg}`;
}

/**
 * Where each upload of a new nomination's dossier stands in its paper's versions: the first of a chain is
 * version 1, a later upload of the same paper the next one, and only the last of each chain is current.
 */
export function firstVersions(uploads: readonly { id: string; type: string; uploaderOrg: string }[]): { chain: string; version: number; current: boolean }[] {
  const chains = uploads.map((u) => versionChain(u.type, u.uploaderOrg, u.id));
  return chains.map((chain, index) => ({
    chain,
    version: chains.slice(0, index).filter((c) => c === chain).length + 1,
    current: !chains.slice(index + 1).includes(chain),
  }));
}
