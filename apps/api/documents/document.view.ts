import type { DocumentRow } from '../../../libs/db/document.repository';

/** A document as POST /api/documents answers it. */
export function documentView(d: DocumentRow) {
  return {
    id: d.id,
    type: d.type,
    fileName: d.fileName,
    mediaType: d.mediaType,
    size: d.size,
    sha256: d.sha256,
    uploadedBy: d.uploadedBy,
    uploadedAt: d.uploadedAt.toISOString(),
  };
}

/** A document as the nomination lists it: with its version and whether it is the current one. */
export function dossierDocumentView(d: DocumentRow) {
  return { ...documentView(d), version: d.version, current: d.current };
}

export type DocumentView = ReturnType<typeof documentView>;
