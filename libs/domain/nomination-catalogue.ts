import { CATALOGUE, catalogueAt, catalogueVersion, type AwardDefinition, type CatalogueVersion } from './award-catalogue';
import { hanoiDay } from './hanoi-time';

/** What a nomination says of the law it is judged by. */
export interface JudgedNomination {
  awardCode: string;
  /** The catalogue version in force when it was submitted, as its row (or its workflow's input) names it. */
  catalogueVersion: string | null | undefined;
  /** When it was submitted: the version in force that day stands in for a version the row does not name. */
  createdAt?: Date | string;
}

/** The versions that may define the nomination's award, the one it names first. */
function candidates(n: Omit<JudgedNomination, 'awardCode'>): CatalogueVersion[] {
  const named = n.catalogueVersion ? catalogueVersion(n.catalogueVersion) : undefined;
  const atSubmission = n.createdAt === undefined ? undefined : catalogueAt(hanoiDay(new Date(n.createdAt)));
  return [named, atSubmission].filter((v) => v !== undefined);
}

/** The catalogue version a nomination is judged by (its level time limits); the oldest when nothing says which. */
export function catalogueOf(n: Omit<JudgedNomination, 'awardCode'>): CatalogueVersion {
  return candidates(n)[0] ?? CATALOGUE[0]!;
}

/**
 * The award as the catalogue version the nomination was judged by defines it (councils, quota, documents,
 * periods), if a version it may be judged by has it. A workflow started without a catalogue version and
 * without a submission date finds none, as it always did.
 */
export function findAwardOf(n: JudgedNomination): AwardDefinition | undefined {
  for (const version of candidates(n)) {
    const award = version.awards.find((a) => a.code === n.awardCode);
    if (award) return award;
  }
  return undefined;
}

/**
 * The award as `findAwardOf` finds it. Every award a nomination names is in a catalogue: submissions are
 * checked against it, and versions are never edited once nominations were judged by them.
 */
export function awardOf(n: JudgedNomination): AwardDefinition {
  const award = findAwardOf(n);
  if (!award) throw new Error(`award ${n.awardCode} is in no catalogue`);
  return award;
}
