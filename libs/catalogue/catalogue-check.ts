import { z } from 'zod';
import { CATALOGUE, type CatalogueVersion } from '../domain/award-catalogue';
import { catalogueVersionSchema } from './catalogue.schema';

/** Refuses a broken version file, naming the file and every bad field. */
export function parseCatalogueVersion(file: string, data: unknown): CatalogueVersion {
  const parsed = catalogueVersionSchema.safeParse(data);
  if (!parsed.success) throw new Error(`award catalogue ${file} is invalid:\n${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

/** Run as the API and the worker start: neither serves a catalogue its schema refuses. */
export function checkCatalogue(versions: readonly CatalogueVersion[] = CATALOGUE): void {
  for (const version of versions) parseCatalogueVersion(`${version.version}.json`, version);
}
