import type { Readable } from 'node:stream';

/** A stored file, as the orphan sweep sees it. */
export interface StoredObject {
  key: string;
  modifiedAt: Date;
}

/**
 * Where dossier bytes live, keyed by document id; never by a name a user chose. Two real
 * implementations: a directory (the embedded default) and an S3-compatible bucket (production: SeaweedFS in docker-compose.yml).
 */
export interface DocumentStore {
  /** Stores the finished upload spooled at `sourcePath`; the document is readable once this resolves. */
  put(key: string, sourcePath: string, size: number, mediaType: string): Promise<void>;
  /** The bytes, or null when nothing is stored under the key. */
  get(key: string): Promise<Readable | null>;
  /** Removes the object; an absent key is not an error. */
  delete(key: string): Promise<void>;
  /** Every stored object, for the sweep that removes files no row points to. */
  list(): AsyncIterable<StoredObject>;
}

export const DOCUMENT_STORE = Symbol('DOCUMENT_STORE');
