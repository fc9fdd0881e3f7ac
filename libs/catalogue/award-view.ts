import { localRegulationAt, type AwardDefinition, type CatalogueVersion } from '../domain/award-catalogue';

/**
 * One award as the API shows it: API.md's Dossiers fields (`name`, route, kinds, documents) and the
 * law's rules from the catalogue, each with its legal basis; absent steps are null, never missing.
 */
export function awardView(award: AwardDefinition) {
  return {
    code: award.code,
    name: award.nameVi,
    route: award.route,
    nomineeKinds: award.nomineeKinds,
    authority: award.authority,
    legalBasis: award.legalBasis,
    requiredDocuments: award.requiredDocuments,
    optionalDocuments: award.optionalDocuments,
    eligibility: award.eligibility,
    councils: award.councils ?? {},
    quota: award.quota ?? null,
    cashMultiples: {
      individual: award.cash.individual ?? null,
      collective: award.cash.collective ?? null,
      legalBasis: award.cash.legalBasis,
      note: award.cash.note ?? null,
    },
    publicPostingWorkingDays: award.publicPostingWorkingDays ?? null,
    consultation: award.consultation ?? null,
    forwardTo: award.forwardTo ?? null,
    extraordinary: award.extraordinary ?? null,
    enterpriseDecides: award.enterpriseDecides ?? null,
  };
}

/** The version in force on `day`, with the city's regulation in force that very day. */
export function catalogueView(version: CatalogueVersion, day: string) {
  return {
    version: version.version,
    effectiveFrom: version.effectiveFrom,
    legalBasis: version.legalBasis,
    localRegulation: localRegulationAt(day),
    levelLimitWorkingDays: version.levelLimitWorkingDays,
    countedHistoryBasis: version.countedHistoryBasis,
    cashRounding: version.cashRounding,
    awards: version.awards.map(awardView),
  };
}
