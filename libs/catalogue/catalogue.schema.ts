import { z } from 'zod';
import { DOCUMENT_TYPE_CODES } from '../domain/document-types';
import { LEVELS, levelSchema } from '../domain/levels';

/**
 * The shape of a catalogue version file (libs/catalogue/versions/*.json). Every rule a law change
 * edits is here, each with the article it comes from; `note` says where the text could not be
 * confirmed and the value is only a configurable default.
 */

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD');
const fraction = z.number().gt(0).max(1);
const count = z.number().int().min(1);
const awardCode = z.string().regex(/^[A-Z][A-Z0-9_]*$/, 'an UPPER_SNAKE award code');

/**
 * Where a rule comes from: the article, and a note when the text was not found or is only practice.
 * `internalRule` marks a rule that is the organisation's own (a council's rules of procedure, a practice),
 * not the law, and says where it comes from; from 2026.1 on every rule either cites an article and clause
 * or carries it.
 */
const sourced = { legalBasis: z.string().min(1), note: z.string().min(1).optional(), internalRule: z.string().min(1).optional() };

export const nomineeKindSchema = z.enum(['INDIVIDUAL', 'COLLECTIVE']);
export const historyBasisSchema = z.enum(['REGULAR', 'THEMED', 'EXTRAORDINARY']);

const councilSchema = z.strictObject({
  /** Fraction of all council members (not of votes cast) that must vote FOR. */
  threshold: fraction,
  /** True: more than the threshold is needed; false: at least the threshold. */
  strict: z.boolean(),
  ...sourced,
});

const quotaSchema = z.strictObject({
  /** The award whose holders in the unit and year the cap is a fraction of. */
  of: awardCode,
  fraction,
  ...sourced,
});

/** The achievements besides a rating that a criterion accepts: a recognised initiative (sáng kiến) or research project (đề tài). */
const achievementSchema = z.enum(['INITIATIVE', 'RESEARCH']);

/** Each award's "checks software can make" (DOMAIN.md), by rule and its parameters. */
const eligibilitySchema = z.discriminatedUnion('rule', [
  z.strictObject({ rule: z.literal('RATING_AT_LEAST_HTT'), ...sourced }),
  z.strictObject({
    rule: z.literal('CSTD_CO_SO'),
    /** The title the nominee must hold for the same year. */
    requiresForYear: awardCode,
    /** Any one of: rated HTXS, or one of these achievements. */
    alternatives: z.array(z.enum(['HTXS', 'INITIATIVE', 'RESEARCH'])).min(1),
    ...sourced,
  }),
  z.strictObject({
    rule: z.literal('CSTD_THANH_PHO'),
    /** CSTĐ cơ sở in each of this many consecutive years ending with the nomination's year. */
    consecutiveYears: count,
    of: awardCode,
    /** An achievement of city-wide reach, any of these kinds. */
    achievements: z.array(achievementSchema).min(1),
    ...sourced,
  }),
  z.strictObject({
    rule: z.literal('TAP_THE_LAO_DONG_XUAT_SAC'),
    /** Percent of members holding LĐTT, at least. */
    ldttPercent: z.number().int().min(1).max(100),
    minCstdCoSoMembers: z.number().int().min(0),
    ...sourced,
  }),
  z.strictObject({
    rule: z.literal('BANG_KHEN_UBND_TP'),
    /** Individuals: CSTĐ cơ sở in this many consecutive years (ending this year or last). */
    cstdCoSoConsecutiveYears: count,
    /** Or: HTXS in this many consecutive years with this many achievements of these kinds. */
    htxsYears: count,
    achievementCount: count,
    achievements: z.array(achievementSchema).min(1),
    /**
     * How the achievements are counted: EACH_KIND, the count is reached by one kind alone (two
     * initiatives, or two research projects: Luật 06/2022 art. 74(1)(d)); COMBINED, the kinds added up,
     * as versions before 2026.1 were read and keep being read when it is absent.
     */
    achievementCounting: z.enum(['COMBINED', 'EACH_KIND']).optional(),
    ...sourced,
  }),
  z.strictObject({
    rule: z.literal('CO_THI_DUA_UBND_TP'),
    requiresForYear: awardCode,
    ...sourced,
  }),
  z.strictObject({
    rule: z.literal('CSTD_TOAN_QUOC'),
    /** The provincial title held at least this many times (the last two awards, Luật 06/2022 art. 21(1)). */
    of: awardCode,
    times: count,
    /** An achievement of nationwide reach, any of these kinds. */
    achievements: z.array(achievementSchema).min(1),
    ...sourced,
  }),
  z.strictObject({
    rule: z.literal('CO_THI_DUA_CHINH_PHU'),
    /** The provincial banner the collective holds for the same year. */
    requiresForYear: awardCode,
    ...sourced,
  }),
  z.strictObject({
    rule: z.literal('HUAN_CHUONG_LAO_DONG'),
    /** Held before the period began (Bằng khen Thủ tướng for the third class, the class below for the others). */
    priorAward: awardCode,
    periodYears: count,
    /** Individuals: this many achievements of one kind within the period. */
    achievementCount: count,
    achievements: z.array(achievementSchema).min(1),
    /** Collectives: this banner at least once within the period. */
    collectiveBanner: awardCode,
    ...sourced,
  }),
  z.strictObject({
    rule: z.literal('BANG_KHEN_THU_TUONG'),
    /** Held before the period began. */
    priorAward: awardCode,
    periodYears: count,
    /** Individuals: CSTĐ cơ sở at least this many times within the period. */
    cstdCoSoTimes: count,
    ...sourced,
  }),
]);

/** Multiples of the base salary (mức lương cơ sở); each kind the award is given to has one. */
const cashSchema = z.strictObject({
  individual: z.number().min(0).optional(),
  collective: z.number().min(0).optional(),
  ...sourced,
});

const awardSchema = z
  .strictObject({
    code: awardCode,
    nameVi: z.string().min(1),
    nomineeKinds: z.array(nomineeKindSchema).min(1),
    /** Levels walked in order; the last one decides. */
    route: z.array(levelSchema).min(1),
    councils: z.partialRecord(levelSchema, councilSchema).optional(),
    quota: quotaSchema.optional(),
    /** The deciding authority whose draft decision lists this award (quyết định khen thưởng). */
    authority: z.enum(['GIAM_DOC_SO', 'CHU_TICH_UBND_TP']),
    /** The papers a submission must carry ("hồ sơ không đầy đủ" otherwise), and those it may. */
    requiredDocuments: z.array(z.enum(DOCUMENT_TYPE_CODES)),
    optionalDocuments: z.array(z.enum(DOCUMENT_TYPE_CODES)),
    /**
     * An award the city only proposes: its last level forwards it to this authority instead of deciding it
     * (the Prime Minister's office for the Prime Minister's awards; through the Bộ Nội vụ to the President for orders).
     */
    forwardTo: z.enum(['THU_TUONG', 'CHU_TICH_NUOC']).optional(),
    /** Given for one extraordinary achievement (khen thưởng đột xuất), judged without the multi-year criteria, under this article. */
    extraordinary: z.strictObject({ ...sourced }).optional(),
    /** An enterprise's director decides it for the enterprise's own people (Luật 06/2022 art. 80(4)): its route is the enterprise's level alone. */
    enterpriseDecides: z.strictObject({ ...sourced }).optional(),
    /** Working days the list is posted publicly (công khai) before the council level considers it. */
    publicPostingWorkingDays: count.optional(),
    /** Agencies consulted in parallel (hiệp y) at the city level, each within these working days. */
    consultation: z.strictObject({ agencies: z.array(z.string().min(1)).min(1), workingDays: count }).optional(),
    eligibility: eligibilitySchema,
    cash: cashSchema,
    ...sourced,
  })
  .superRefine((award, ctx) => {
    const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
    award.route.forEach((level, i) => {
      if (i > 0 && LEVELS.indexOf(level) <= LEVELS.indexOf(award.route[i - 1]!)) issue(['route', i], 'levels must climb in order');
    });
    for (const level of Object.keys(award.councils ?? {})) {
      if (!award.route.includes(level as (typeof LEVELS)[number])) issue(['councils', level], 'a council sits at a level of the route');
    }
    for (const kind of award.nomineeKinds) {
      const key = kind === 'INDIVIDUAL' ? 'individual' : 'collective';
      if (award.cash[key] === undefined) issue(['cash', key], `the award is given to ${kind} nominees: a multiple is needed`);
    }
    const both = award.requiredDocuments.filter((d) => award.optionalDocuments.includes(d));
    if (both.length > 0) issue(['optionalDocuments'], `required and optional at once: ${both.join(', ')}`);
  });

export const catalogueVersionSchema = z
  .strictObject({
    version: z.string().regex(/^\d{4}\.\d+$/, 'a version YYYY.N'),
    /** First day (inclusive) on which this version judges new submissions. */
    effectiveFrom: isoDay,
    legalBasis: z.string().min(1),
    /** Time limit of each level, in working days. */
    levelLimitWorkingDays: z.strictObject({ UNIT: count, DEPARTMENT: count, SO: count, CITY: count }),
    levelLimitNote: z.string().min(1).optional(),
    /** Which award history entries achievement-based criteria count. */
    countedHistoryBasis: z.strictObject({ bases: z.array(historyBasisSchema).min(1), ...sourced }),
    /** Amounts are base salary × multiple, rounded to a whole `unit` of đồng in this direction. */
    cashRounding: z.strictObject({ direction: z.enum(['UP', 'NEAREST']), unit: z.number().int().min(1), ...sourced }),
    /**
     * The city's own regulation on emulation and commendation, each with the days it was in force (inclusive),
     * so that a day's citation names the one then in force: versions are dated by the decrees, the city's
     * regulation changed on another day.
     */
    localRegulations: z
      .array(z.strictObject({ reference: z.string().min(1), from: isoDay.optional(), until: isoDay.optional(), ...sourced }))
      .min(1)
      .optional(),
    awards: z.array(awardSchema).min(1),
  })
  .superRefine((version, ctx) => {
    const codes = version.awards.map((a) => a.code);
    codes.forEach((code, i) => {
      if (codes.indexOf(code) !== i) ctx.addIssue({ code: 'custom', path: ['awards', i, 'code'], message: `${code} is listed twice` });
    });
    version.awards.forEach((award, i) => {
      const e = award.eligibility;
      const refs = [
        award.quota?.of,
        'requiresForYear' in e ? e.requiresForYear : undefined,
        'of' in e ? e.of : undefined,
        'priorAward' in e ? e.priorAward : undefined,
        'collectiveBanner' in e ? e.collectiveBanner : undefined,
      ];
      for (const ref of refs) {
        if (ref !== undefined && !codes.includes(ref)) ctx.addIssue({ code: 'custom', path: ['awards', i], message: `refers to ${ref}, not in this version` });
      }
    });
  });

export type CatalogueVersionData = z.infer<typeof catalogueVersionSchema>;
export type AwardData = CatalogueVersionData['awards'][number];
export type EligibilityRuleData = AwardData['eligibility'];
export type HistoryBasis = z.infer<typeof historyBasisSchema>;
