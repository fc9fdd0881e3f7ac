import type { AwardData, CatalogueVersionData } from '../catalogue/catalogue.schema';
// Static imports, never fs: workflow code reads the catalogue, and the workflow bundle must carry it.
import v2024_1 from '../catalogue/versions/2024.1.json';
import v2025_1 from '../catalogue/versions/2025.1.json';
import v2026_1 from '../catalogue/versions/2026.1.json';

export type NomineeKind = AwardData['nomineeKinds'][number];
export interface CouncilRule {
  /** Fraction of all council members (not of votes cast) that must vote FOR. */
  threshold: number;
  /** True: more than the threshold is needed; false: at least the threshold. */
  strict: boolean;
}
export interface QuotaRule {
  /** The award whose holders in the unit and year the cap is a fraction of. */
  of: string;
  fraction: number;
}
export type AwardDefinition = AwardData;
export type CatalogueVersion = CatalogueVersionData;

/**
 * The award catalogue is data with an effective date because the rules change every year or two;
 * a nomination is judged by the version in force on the day it was submitted. Oldest first.
 * Taken as the files hold them, unparsed: the workflow bundle loads its modules again for every
 * workflow run, and parsing here cost each run more than its decisions. The schema checks the files
 * when the API and the worker start (libs/catalogue/catalogue-check.ts) and in the catalogue's spec.
 */
export const CATALOGUE: readonly CatalogueVersion[] = [v2024_1, v2025_1, v2026_1] as unknown as CatalogueVersion[];

export const AWARD_CODES = CATALOGUE.flatMap((v) => v.awards.map((a) => a.code)).filter((code, i, all) => all.indexOf(code) === i);

/** The catalogue version in force on a day (YYYY-MM-DD, Hà Nội time: see hanoiDay). */
export function catalogueAt(day: string): CatalogueVersion {
  const date = day.slice(0, 10);
  const inForce = [...CATALOGUE].filter((v) => v.effectiveFrom <= date).sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom))[0];
  // Submissions dated before the first version are judged by the oldest one we know.
  return inForce ?? CATALOGUE[0]!;
}

/** A published version by its name; versions are never edited once nominations were judged by them. */
export function catalogueVersion(version: string): CatalogueVersion | undefined {
  return CATALOGUE.find((v) => v.version === version);
}

export function findAward(code: string, day: string): AwardDefinition | undefined {
  return catalogueAt(day).awards.find((a) => a.code === code);
}

/**
 * The city's regulation in force on a day, from the newest version's dated list: the list is history, so
 * the newest one also answers for days an older version judged (whose own citation may name a regulation
 * not yet in force then).
 */
export function localRegulationAt(day: string) {
  const date = day.slice(0, 10);
  const list = [...CATALOGUE].reverse().find((v) => v.localRegulations)?.localRegulations ?? [];
  return list.find((r) => (r.from === undefined || r.from <= date) && (r.until === undefined || date <= r.until)) ?? null;
}
