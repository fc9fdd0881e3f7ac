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
      { code: 'LAO_DONG_TIEN_TIEN', nameVi: 'Danh hiệu Lao động tiên tiến', nomineeKinds: ['INDIVIDUAL'], route: UP_TO_SO, authority: 'GIAM_DOC_SO' },
      { code: 'TAP_THE_LAO_DONG_TIEN_TIEN', nameVi: 'Tập thể lao động tiên tiến', nomineeKinds: ['COLLECTIVE'], route: UP_TO_SO, authority: 'GIAM_DOC_SO' },
      { code: 'CSTD_CO_SO', nameVi: 'Chiến sĩ thi đua cơ sở', nomineeKinds: ['INDIVIDUAL'], route: UP_TO_SO, authority: 'GIAM_DOC_SO',
        councils: { SO: { threshold: 0.5, strict: true } },
        quota: { of: 'LAO_DONG_TIEN_TIEN', fraction: 0.15 },
      },
      { code: 'GIAY_KHEN_GIAM_DOC_SO', nameVi: 'Giấy khen của Giám đốc Sở', nomineeKinds: ['INDIVIDUAL', 'COLLECTIVE'], route: UP_TO_SO, authority: 'GIAM_DOC_SO' },
      { code: 'CSTD_THANH_PHO', nameVi: 'Chiến sĩ thi đua thành phố', nomineeKinds: ['INDIVIDUAL'], route: UP_TO_CITY, authority: 'CHU_TICH_UBND_TP',
        councils: { CITY: { threshold: 0.9, strict: false } },
      },
      { code: 'TAP_THE_LAO_DONG_XUAT_SAC', nameVi: 'Tập thể lao động xuất sắc', nomineeKinds: ['COLLECTIVE'], route: UP_TO_CITY, authority: 'CHU_TICH_UBND_TP' },
      { code: 'BANG_KHEN_UBND_TP', nameVi: 'Bằng khen của Chủ tịch UBND thành phố', nomineeKinds: ['INDIVIDUAL', 'COLLECTIVE'], route: UP_TO_CITY, authority: 'CHU_TICH_UBND_TP' },
      { code: 'CO_THI_DUA_UBND_TP', nameVi: 'Cờ thi đua của UBND thành phố', nomineeKinds: ['COLLECTIVE'], route: UP_TO_CITY, authority: 'CHU_TICH_UBND_TP' },
      { code: 'BANG_KHEN_THU_TUONG', nameVi: 'Bằng khen của Thủ tướng Chính phủ', nomineeKinds: ['INDIVIDUAL', 'COLLECTIVE'], route: UP_TO_CITY, authority: 'CHU_TICH_UBND_TP' },
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
