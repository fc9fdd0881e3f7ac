import type { DocumentType } from './document-types';
import type { Level } from './levels';

export type NomineeKind = 'INDIVIDUAL' | 'COLLECTIVE';

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

export interface AwardDefinition {
  code: string;
  nameVi: string;
  nomineeKinds: readonly NomineeKind[];
  /** Levels walked in order; the last one decides. */
  route: readonly Level[];
  /** Levels decided by a secret ballot of a council rather than by one reviewer. */
  councils?: Partial<Record<Level, CouncilRule>>;
  /** A cap checked when the deciding level approves. */
  quota?: QuotaRule;
  /** The deciding authority whose draft decision lists this award (quyết định khen thưởng). */
  authority: 'GIAM_DOC_SO' | 'CHU_TICH_UBND_TP';
  /** The papers a submission must carry ("hồ sơ không đầy đủ" otherwise), and those it may. */
  requiredDocuments: readonly DocumentType[];
  optionalDocuments: readonly DocumentType[];
  /** An award the city only proposes: its last level forwards it to this authority instead of deciding it. */
  forwardTo?: 'THU_TUONG';
  /** Working days the list is posted publicly (công khai) before the council level considers it. */
  publicPostingWorkingDays?: number;
  /** Agencies consulted in parallel (hiệp y) at the city level, each within these working days. */
  consultation?: { agencies: readonly string[]; workingDays: number };
}

export interface CatalogueVersion {
  version: string;
  /** First day (inclusive, ISO date) on which this version judges new submissions. */
  effectiveFrom: string;
  legalBasis: string;
  /** Time limit of each level, in working days. */
  levelLimitWorkingDays: Record<Level, number>;
  awards: readonly AwardDefinition[];
}

const UP_TO_SO: readonly Level[] = ['UNIT', 'DEPARTMENT', 'SO'];
/** The unit's proposal and its ranking meeting's minutes; the achievement report for the higher forms. */
const BASIC = { requiredDocuments: ['TO_TRINH', 'BIEN_BAN_HOP'], optionalDocuments: ['BAO_CAO_THANH_TICH', 'KHAC'] } as const;
const WITH_REPORT = { requiredDocuments: ['TO_TRINH', 'BAO_CAO_THANH_TICH', 'BIEN_BAN_HOP'], optionalDocuments: ['XAC_NHAN_SANG_KIEN', 'KHAC'] } as const;
/** A Chiến sĩ thi đua also needs its initiative or research certified. */
const WITH_INITIATIVE = { requiredDocuments: ['TO_TRINH', 'BAO_CAO_THANH_TICH', 'BIEN_BAN_HOP', 'XAC_NHAN_SANG_KIEN'], optionalDocuments: ['KHAC'] } as const;
const UP_TO_CITY: readonly Level[] = ['UNIT', 'DEPARTMENT', 'SO', 'CITY'];

/**
 * The award catalogue is data with an effective date because the rules change every year or two;
 * a nomination is judged by the version in force on the day it was submitted.
 */
export const CATALOGUE: readonly CatalogueVersion[] = [
  {
    version: '2025.1',
    effectiveFrom: '2025-07-01',
    legalBasis: 'Luật TĐKT 06/2022/QH15; Nghị định 152/2025/NĐ-CP; Quyết định 32/2024/QĐ-UBND',
    // Placeholders from DOMAIN.md, not settled law; each can be overridden by configuration.
    levelLimitWorkingDays: { UNIT: 5, DEPARTMENT: 7, SO: 10, CITY: 20 },
    awards: [
      { code: 'LAO_DONG_TIEN_TIEN', nameVi: 'Danh hiệu Lao động tiên tiến', nomineeKinds: ['INDIVIDUAL'], route: UP_TO_SO, authority: 'GIAM_DOC_SO', ...BASIC },
      { code: 'TAP_THE_LAO_DONG_TIEN_TIEN', nameVi: 'Tập thể lao động tiên tiến', nomineeKinds: ['COLLECTIVE'], route: UP_TO_SO, authority: 'GIAM_DOC_SO', ...BASIC },
      { code: 'CSTD_CO_SO', nameVi: 'Chiến sĩ thi đua cơ sở', nomineeKinds: ['INDIVIDUAL'], route: UP_TO_SO, authority: 'GIAM_DOC_SO', ...WITH_INITIATIVE,
        councils: { SO: { threshold: 0.5, strict: true } },
        quota: { of: 'LAO_DONG_TIEN_TIEN', fraction: 0.15 },
      },
      { code: 'GIAY_KHEN_GIAM_DOC_SO', nameVi: 'Giấy khen của Giám đốc Sở', nomineeKinds: ['INDIVIDUAL', 'COLLECTIVE'], route: UP_TO_SO, authority: 'GIAM_DOC_SO', ...BASIC },
      { code: 'CSTD_THANH_PHO', nameVi: 'Chiến sĩ thi đua thành phố', nomineeKinds: ['INDIVIDUAL'], route: UP_TO_CITY, authority: 'CHU_TICH_UBND_TP', ...WITH_INITIATIVE,
        councils: { CITY: { threshold: 0.9, strict: false } },
      },
      { code: 'TAP_THE_LAO_DONG_XUAT_SAC', nameVi: 'Tập thể lao động xuất sắc', nomineeKinds: ['COLLECTIVE'], route: UP_TO_CITY, authority: 'CHU_TICH_UBND_TP', ...WITH_REPORT },
      { code: 'BANG_KHEN_UBND_TP', nameVi: 'Bằng khen của Chủ tịch UBND thành phố', nomineeKinds: ['INDIVIDUAL', 'COLLECTIVE'], route: UP_TO_CITY, authority: 'CHU_TICH_UBND_TP', ...WITH_REPORT },
      { code: 'CO_THI_DUA_UBND_TP', nameVi: 'Cờ thi đua của UBND thành phố', nomineeKinds: ['COLLECTIVE'], route: UP_TO_CITY, authority: 'CHU_TICH_UBND_TP', ...WITH_REPORT },
      { code: 'BANG_KHEN_THU_TUONG', nameVi: 'Bằng khen của Thủ tướng Chính phủ', nomineeKinds: ['INDIVIDUAL', 'COLLECTIVE'], route: UP_TO_CITY, authority: 'CHU_TICH_UBND_TP', ...WITH_REPORT,
        forwardTo: 'THU_TUONG', publicPostingWorkingDays: 10, consultation: { agencies: ['SNV', 'CATP'], workingDays: 5 },
      },
    ],
  },
];

export const AWARD_CODES = CATALOGUE.flatMap((v) => v.awards.map((a) => a.code)).filter(
  (code, i, all) => all.indexOf(code) === i,
);

/** The catalogue version in force on a day (YYYY-MM-DD, Hà Nội time: see hanoiDay). */
export function catalogueAt(day: string): CatalogueVersion {
  const date = day.slice(0, 10);
  const inForce = [...CATALOGUE]
    .filter((v) => v.effectiveFrom <= date)
    .sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom))[0];
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
