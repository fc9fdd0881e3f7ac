import type { z } from 'zod';
import type { EligibilityRuleData, HistoryBasis } from '../catalogue/catalogue.schema';
import { CATALOGUE, type AwardDefinition, type CatalogueVersion, type NomineeKind } from '../domain/award-catalogue';
import type { declarationsSchema, Nominee } from '../domain/schemas';
import type { MemberDeclarations } from './member-declarations';

export type CriterionStatus = 'MET' | 'NOT_MET' | 'DECLARED';

export interface Criterion {
  /** UPPER_SNAKE machine code; the `path` of a NOT_ELIGIBLE detail. */
  code: string;
  /** Vietnamese, shown to the clerk and every reviewer. */
  message: string;
  status: CriterionStatus;
  /**
   * Of an ON_HOLD criterion: the hold's reason (discipline, an investigation). Personal and sensitive,
   * so it is kept out of `message`, and only the route's reviewers and admins are shown it.
   */
  reason?: string;
}

export interface Eligibility {
  passed: boolean;
  criteria: Criterion[];
}

export interface AwardRecord {
  awardCode: string;
  year: number;
  /** Why it was given; entries recorded before the basis was kept are REGULAR. */
  basis?: HistoryBasis;
}

export interface ActiveHold {
  reason: string;
  /** YYYY-MM-DD, the last day of the hold. */
  until: string;
}

/** Until `declarationsSchema` carries the collective fields, they are typed here as optional. */
export type Declarations = z.infer<typeof declarationsSchema> & {
  members?: MemberDeclarations;
  leadsEmulationCluster?: boolean;
};

export interface EligibilityInput {
  awardCode: string;
  year: number;
  nominee: Nominee;
  declarations?: Declarations;
  /**
   * The nominee's own award history. Only catalogue award codes are looked for, and only entries
   * of a basis the version counts (a themed or extraordinary result is no ground for a higher award).
   */
  history: readonly AwardRecord[];
  /** Holds still in force on the day of submission. */
  holds: readonly ActiveHold[];
  /** The version in force when the nomination is submitted; the newest when absent. */
  catalogue?: CatalogueVersion;
  /** Why the award is proposed; REGULAR when absent. */
  basis?: HistoryBasis;
}

interface Facts {
  year: number;
  kind: NomineeKind;
  declarations: Declarations;
  history: readonly AwardRecord[];
  /** An award's name in the version judging the nomination. */
  names: (awardCode: string) => string;
}

const RATING_VI = { HTXS: 'hoàn thành xuất sắc nhiệm vụ', HTT: 'hoàn thành tốt nhiệm vụ' } as const;

const met = (code: string, message: string): Criterion => ({ code, message, status: 'MET' });
const notMet = (code: string, message: string): Criterion => ({ code, message, status: 'NOT_MET' });
const declared = (code: string, message: string): Criterion => ({ code, message, status: 'DECLARED' });

const holds = (f: Facts, awardCode: string, year: number) => f.history.some((h) => h.awardCode === awardCode && h.year === year);
const yearsBetween = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
const span = (years: readonly number[]) => `${years[0]}–${years[years.length - 1]}`;
const viDate = (day: string) => day.split('-').reverse().join('/');

function onHold(hold: ActiveHold): Criterion {
  return { ...notMet('ON_HOLD', `Đang trong thời gian không xét khen thưởng đến hết ngày ${viDate(hold.until)}`), reason: hold.reason };
}

function ratingAtLeastHtt(f: Facts): Criterion {
  const rating = f.declarations.rating;
  return rating
    ? declared('RATING_AT_LEAST_HTT', `Đơn vị kê khai mức ${RATING_VI[rating]} năm ${f.year}`)
    : notMet('RATING_AT_LEAST_HTT', `Chưa kê khai mức xếp loại năm ${f.year}; cần ${RATING_VI.HTT} trở lên`);
}

function ratingHtxs(f: Facts): Criterion {
  const rating = f.declarations.rating;
  if (rating === 'HTXS') return declared('RATING_HTXS', `Đơn vị kê khai mức ${RATING_VI.HTXS} năm ${f.year}`);
  const said = rating ? `Đơn vị kê khai mức ${RATING_VI[rating]}` : 'Chưa kê khai mức xếp loại';
  return notMet('RATING_HTXS', `${said} năm ${f.year}; cần ${RATING_VI.HTXS}`);
}

function awardForYear(f: Facts, code: string, awardCode: string, awardName = f.names(awardCode)): Criterion {
  return holds(f, awardCode, f.year)
    ? met(code, `Đã đạt ${awardName} năm ${f.year}`)
    : notMet(code, `Chưa có ${awardName} năm ${f.year} trong lịch sử khen thưởng`);
}

function awardEveryYear(f: Facts, code: string, awardCode: string, years: readonly number[]): Criterion {
  const missing = years.filter((y) => !holds(f, awardCode, y));
  const name = f.names(awardCode);
  return missing.length === 0
    ? met(code, `Đạt ${name} ${years.length} năm liên tục ${span(years)}`)
    : notMet(code, `Chưa đạt ${name} ${years.length} năm liên tục ${span(years)}: thiếu năm ${missing.join(', ')}`);
}

type Achievement = 'INITIATIVE' | 'RESEARCH';
const ACHIEVEMENT_VI: Record<Achievement, { declared: (n: number) => string; needed: string }> = {
  INITIATIVE: { declared: (n) => `${n} sáng kiến`, needed: 'sáng kiến được công nhận' },
  RESEARCH: { declared: (n) => `${n} đề tài nghiên cứu`, needed: 'đề tài nghiên cứu được nghiệm thu' },
};
const achievementsOf = (f: Facts, kind: Achievement) => (kind === 'INITIATIVE' ? f.declarations.initiatives : f.declarations.research)?.length ?? 0;
const declaredAchievements = (f: Facts, kinds: readonly Achievement[]) =>
  kinds.filter((k) => achievementsOf(f, k) > 0).map((k) => ACHIEVEMENT_VI[k].declared(achievementsOf(f, k)));
const neededAchievements = (kinds: readonly Achievement[]) => kinds.map((k) => ACHIEVEMENT_VI[k].needed).join(' hoặc ');

function htxsOrAchievement(f: Facts, alternatives: readonly ('HTXS' | Achievement)[]): Criterion {
  const achievements = alternatives.filter((a): a is Achievement => a !== 'HTXS');
  const branches = [...(alternatives.includes('HTXS') && f.declarations.rating === 'HTXS' ? [RATING_VI.HTXS] : []), ...declaredAchievements(f, achievements)];
  const options = [...(alternatives.includes('HTXS') ? [RATING_VI.HTXS] : []), ...achievements.map((k) => ACHIEVEMENT_VI[k].needed)];
  return branches.length > 0
    ? declared('HTXS_OR_INITIATIVE_OR_RESEARCH', `Đơn vị kê khai: ${branches.join('; ')}`)
    : notMet('HTXS_OR_INITIATIVE_OR_RESEARCH', `Cần một trong: ${options.join(', ')}; đơn vị chưa kê khai điều nào`);
}

function achievementWithReach(f: Facts, kinds: readonly Achievement[], code: string, reach: string): Criterion {
  const found = declaredAchievements(f, kinds);
  return found.length > 0
    ? declared(code, `Đơn vị kê khai ${found.join('; ')}; phạm vi ảnh hưởng ${reach} do người xét duyệt xác nhận`)
    : notMet(code, `Cần ${neededAchievements(kinds)} có phạm vi ảnh hưởng ${reach}; đơn vị chưa kê khai`);
}

function memberCriteria(f: Facts, rule: Extract<EligibilityRuleData, { rule: 'TAP_THE_LAO_DONG_XUAT_SAC' }>): Criterion[] {
  const m = f.declarations.members;
  const { ldttPercent: pct, minCstdCoSoMembers: minCstd } = rule;
  const checks: [code: string, ok: (m: MemberDeclarations) => boolean, says: (m: MemberDeclarations) => string, needs: string][] = [
    [
      'MEMBERS_ALL_COMPLETE_TASKS',
      (m) => m.completedTasks === m.total,
      (m) => `${m.completedTasks}/${m.total} thành viên hoàn thành nhiệm vụ`,
      '100% thành viên hoàn thành nhiệm vụ',
    ],
    // Integer arithmetic: a percentage of a head count must not be lost to floating point.
    [
      `MEMBERS_${pct}_PERCENT_LDTT`,
      (m) => m.laoDongTienTien * 100 >= m.total * pct,
      (m) => `${m.laoDongTienTien}/${m.total} thành viên đạt Lao động tiên tiến`,
      `ít nhất ${pct}% thành viên đạt Lao động tiên tiến`,
    ],
    [
      minCstd === 1 ? 'MEMBERS_AT_LEAST_ONE_CSTD_CO_SO' : `MEMBERS_AT_LEAST_${minCstd}_CSTD_CO_SO`,
      (m) => m.chienSiThiDuaCoSo >= minCstd,
      (m) => `${m.chienSiThiDuaCoSo} thành viên đạt Chiến sĩ thi đua cơ sở`,
      `ít nhất ${minCstd === 1 ? 'một' : minCstd} thành viên đạt Chiến sĩ thi đua cơ sở`,
    ],
  ];
  return checks.map(([code, ok, says, needs]) => {
    if (!m) return notMet(code, `Cần ${needs}; đơn vị chưa kê khai số liệu thành viên`);
    return ok(m) ? declared(code, `Đơn vị kê khai ${says(m)}`) : notMet(code, `Đơn vị kê khai ${says(m)}; cần ${needs}`);
  });
}

type BangKhenUbndTpRule = Extract<EligibilityRuleData, { rule: 'BANG_KHEN_UBND_TP' }>;

/**
 * Whether the declared achievements reach the count: of one kind alone (two initiatives, or two research
 * projects) where the version says EACH_KIND; added up where it says COMBINED or nothing.
 */
function enoughAchievements(f: Facts, kinds: readonly Achievement[], needed: number, counting: 'COMBINED' | 'EACH_KIND' = 'COMBINED'): boolean {
  const counts = kinds.map((kind) => achievementsOf(f, kind));
  return counting === 'EACH_KIND' ? counts.some((n) => n >= needed) : counts.reduce((sum, n) => sum + n, 0) >= needed;
}
const neededOfOneKind = (kinds: readonly Achievement[], n: number) => kinds.map((k) => `${n} ${ACHIEVEMENT_VI[k].needed}`).join(' hoặc ');

/**
 * HTXS in this year and the years before, with enough recognised initiatives or research projects:
 * only the unit can say so.
 */
function htxsYearsDeclared(f: Facts, rule: BangKhenUbndTpRule): string | undefined {
  if (f.declarations.rating !== 'HTXS' || !enoughAchievements(f, rule.achievements, rule.achievementCount, rule.achievementCounting)) return undefined;
  const earlier = span(yearsBetween(f.year - rule.htxsYears + 1, f.year - 1));
  return `Đơn vị kê khai ${RATING_VI.HTXS} năm ${f.year} và ${declaredAchievements(f, rule.achievements).join(', ')}; kết quả năm ${earlier} do người xét duyệt xác nhận`;
}
const htxsYearsNeeded = (rule: BangKhenUbndTpRule) =>
  rule.achievementCounting === 'EACH_KIND'
    ? `${RATING_VI.HTXS} ${rule.htxsYears} năm liên tục và ${neededOfOneKind(rule.achievements, rule.achievementCount)}`
    : `${RATING_VI.HTXS} ${rule.htxsYears} năm liên tục và ${rule.achievementCount} ${neededAchievements(rule.achievements)}`;

function bangKhenUbndTp(f: Facts, rule: BangKhenUbndTpRule): Criterion[] {
  const viaHtxs = htxsYearsDeclared(f, rule);
  if (f.kind === 'COLLECTIVE') {
    const code = 'HTXS_2_YEARS_2_INITIATIVES';
    return [viaHtxs ? declared(code, viaHtxs) : notMet(code, `Cần ${htxsYearsNeeded(rule)}; đơn vị chưa kê khai đủ`)];
  }
  const code = 'CSTD_CO_SO_2_YEARS_OR_HTXS_2_INITIATIVES';
  const n = rule.cstdCoSoConsecutiveYears;
  // The run may end last year: this year's CSTĐ cơ sở is often decided in the same round.
  const runs = [yearsBetween(f.year - n + 1, f.year), yearsBetween(f.year - n, f.year - 1)];
  const run = runs.find((years) => years.every((y) => holds(f, 'CSTD_CO_SO', y)));
  if (run) return [met(code, `Đạt Chiến sĩ thi đua cơ sở ${n} năm liên tục ${span(run)}`)];
  if (viaHtxs) return [declared(code, viaHtxs)];
  return [notMet(code, `Chưa đạt Chiến sĩ thi đua cơ sở ${n} năm liên tục (${runs.map(span).join(' hoặc ')}), cũng chưa kê khai ${htxsYearsNeeded(rule)}`)];
}

function priorAwardBeforePeriod(f: Facts, awardCode: string, period: readonly number[], code = 'CITY_BANG_KHEN_BEFORE_PERIOD'): Criterion {
  const periodStart = period[0]!;
  const name = f.names(awardCode);
  const years = f.history.filter((h) => h.awardCode === awardCode).map((h) => h.year);
  const before = years.filter((y) => y < periodStart);
  if (before.length > 0) return met(code, `Đã được tặng ${name} năm ${Math.max(...before)}`);
  const tooRecent = years.length > 0 ? ` (năm ${Math.min(...years)} chưa đủ ${period.length} năm tiếp theo)` : '';
  return notMet(code, `Cần ${name} từ năm ${periodStart - 1} trở về trước${tooRecent}`);
}

function bangKhenThuTuong(f: Facts, rule: Extract<EligibilityRuleData, { rule: 'BANG_KHEN_THU_TUONG' }>): Criterion[] {
  const period = yearsBetween(f.year - rule.periodYears + 1, f.year);
  const rating = f.declarations.rating;
  const htt = `HTT_${rule.periodYears}_CONSECUTIVE_YEARS`;
  const criteria = [
    priorAwardBeforePeriod(f, rule.priorAward, period),
    rating
      ? declared(htt, `Đơn vị kê khai mức ${RATING_VI[rating]} năm ${f.year}; các năm ${span(period.slice(0, -1))} do người xét duyệt xác nhận`)
      : notMet(htt, `Cần ${RATING_VI.HTT} trở lên ${rule.periodYears} năm liên tục ${span(period)}; đơn vị chưa kê khai mức xếp loại`),
  ];
  // DOMAIN.md states the CSTĐ cơ sở count for individuals only: a collective is never a Chiến sĩ thi đua.
  if (f.kind === 'COLLECTIVE') return criteria;
  const cstdYears = period.filter((y) => holds(f, 'CSTD_CO_SO', y));
  const code = `CSTD_CO_SO_${rule.cstdCoSoTimes}_TIMES_IN_${rule.periodYears}_YEARS`;
  return [
    ...criteria,
    cstdYears.length >= rule.cstdCoSoTimes
      ? met(code, `Đạt Chiến sĩ thi đua cơ sở ${cstdYears.length} lần trong ${span(period)} (${cstdYears.join(', ')})`)
      : notMet(code, `Đạt Chiến sĩ thi đua cơ sở ${cstdYears.length} lần trong ${span(period)}; cần ${rule.cstdCoSoTimes} lần`),
  ];
}

function cstdToanQuoc(f: Facts, rule: Extract<EligibilityRuleData, { rule: 'CSTD_TOAN_QUOC' }>): Criterion[] {
  const years = f.history.filter((h) => h.awardCode === rule.of && h.year <= f.year).map((h) => h.year);
  const name = f.names(rule.of);
  const code = `CSTD_THANH_PHO_${rule.times}_TIMES`;
  return [
    years.length >= rule.times
      ? met(code, `Đã đạt ${name} ${years.length} lần (${years.join(', ')})`)
      : notMet(code, `Đạt ${name} ${years.length} lần; cần ${rule.times} lần liên tục`),
    achievementWithReach(f, rule.achievements, 'INITIATIVE_NATIONWIDE', 'toàn quốc'),
  ];
}

function huanChuongLaoDong(f: Facts, rule: Extract<EligibilityRuleData, { rule: 'HUAN_CHUONG_LAO_DONG' }>): Criterion[] {
  const period = yearsBetween(f.year - rule.periodYears + 1, f.year);
  const htxs = `HTXS_${rule.periodYears}_CONSECUTIVE_YEARS`;
  const criteria = [
    priorAwardBeforePeriod(f, rule.priorAward, period, 'PRIOR_AWARD_BEFORE_PERIOD'),
    f.declarations.rating === 'HTXS'
      ? declared(htxs, `Đơn vị kê khai ${RATING_VI.HTXS} năm ${f.year}; các năm ${span(period.slice(0, -1))} do người xét duyệt xác nhận`)
      : notMet(htxs, `Cần ${RATING_VI.HTXS} ${rule.periodYears} năm liên tục ${span(period)}; đơn vị chưa kê khai ${RATING_VI.HTXS} năm ${f.year}`),
  ];
  if (f.kind === 'COLLECTIVE') {
    const banner = f.names(rule.collectiveBanner);
    const years = period.filter((y) => holds(f, rule.collectiveBanner, y));
    const code = 'BANNER_IN_PERIOD';
    return [
      ...criteria,
      years.length > 0 ? met(code, `Đã được tặng ${banner} năm ${years.join(', ')}`) : notMet(code, `Cần ${banner} ít nhất một lần trong ${span(period)}`),
    ];
  }
  const code = `${rule.achievementCount}_INITIATIVES_OR_RESEARCH_IN_PERIOD`;
  return [
    ...criteria,
    enoughAchievements(f, rule.achievements, rule.achievementCount, 'EACH_KIND')
      ? declared(
          code,
          `Đơn vị kê khai ${declaredAchievements(f, rule.achievements).join(', ')} trong ${span(period)}; phạm vi áp dụng do người xét duyệt xác nhận`,
        )
      : notMet(code, `Cần ${neededOfOneKind(rule.achievements, rule.achievementCount)} trong ${span(period)}; đơn vị chưa kê khai đủ`),
  ];
}

/** The checks of each rule the catalogue may name, with the parameters its version gives. */
function criteriaOf(f: Facts, rule: EligibilityRuleData): Criterion[] {
  switch (rule.rule) {
    case 'RATING_AT_LEAST_HTT':
      return [ratingAtLeastHtt(f)];
    case 'CSTD_CO_SO':
      return [awardForYear(f, 'LDTT_FOR_YEAR', rule.requiresForYear), htxsOrAchievement(f, rule.alternatives)];
    case 'CSTD_THANH_PHO':
      return [
        awardEveryYear(f, `CSTD_CO_SO_${rule.consecutiveYears}_CONSECUTIVE_YEARS`, rule.of, yearsBetween(f.year - rule.consecutiveYears + 1, f.year)),
        achievementWithReach(f, rule.achievements, 'INITIATIVE_CITY_WIDE', 'toàn thành phố'),
      ];
    case 'TAP_THE_LAO_DONG_XUAT_SAC':
      return [ratingHtxs(f), ...memberCriteria(f, rule)];
    case 'BANG_KHEN_UBND_TP':
      return bangKhenUbndTp(f, rule);
    case 'CO_THI_DUA_UBND_TP':
      return [
        f.declarations.leadsEmulationCluster
          ? declared('LEADS_EMULATION_CLUSTER', `Đơn vị kê khai dẫn đầu cụm/khối thi đua năm ${f.year}`)
          : notMet('LEADS_EMULATION_CLUSTER', `Cần dẫn đầu cụm/khối thi đua năm ${f.year}; đơn vị chưa kê khai`),
        awardForYear(f, 'TTLDXS_FOR_YEAR', rule.requiresForYear),
      ];
    case 'BANG_KHEN_THU_TUONG':
      return bangKhenThuTuong(f, rule);
    case 'CSTD_TOAN_QUOC':
      return cstdToanQuoc(f, rule);
    case 'CO_THI_DUA_CHINH_PHU':
      return [ratingHtxs(f), awardForYear(f, 'CO_THI_DUA_TINH_FOR_YEAR', rule.requiresForYear)];
    case 'HUAN_CHUONG_LAO_DONG':
      return huanChuongLaoDong(f, rule);
  }
}

/**
 * Khen thưởng đột xuất is judged on the one achievement, which the unit declares and reviewers confirm,
 * without the history of several years; only an award whose version gives it for one achievement takes it.
 */
function extraordinary(award: AwardDefinition): Criterion {
  const code = 'EXTRAORDINARY_ACHIEVEMENT';
  return award.extraordinary
    ? declared(code, `Khen thưởng đột xuất: xét trên thành tích đột xuất đơn vị kê khai, không xét tiêu chuẩn nhiều năm (${award.extraordinary.legalBasis})`)
    : notMet(code, `${award.nameVi} không xét tặng đột xuất theo phiên bản danh mục đang áp dụng`);
}

/**
 * MET and NOT_MET come from the award history and holds; DECLARED is what only the unit can know and
 * reviewers confirm. A hard criterion NOT_MET refuses the submission.
 */
export function evaluateEligibility(input: EligibilityInput): Eligibility {
  const catalogue = input.catalogue ?? CATALOGUE[CATALOGUE.length - 1]!;
  const award = catalogue.awards.find((a) => a.code === input.awardCode);
  // An award outside the version must fail loudly, not let everyone through.
  if (!award) throw new Error(`award ${input.awardCode} is not in catalogue ${catalogue.version}`);
  const counted = new Set<HistoryBasis>(catalogue.countedHistoryBasis.bases);
  const facts: Facts = {
    year: input.year,
    kind: input.nominee.kind,
    declarations: input.declarations ?? {},
    history: input.history.filter((h) => counted.has(h.basis ?? 'REGULAR')),
    names: (code) => (catalogue.awards.find((a) => a.code === code)?.nameVi ?? code).replace(/^Danh hiệu /, ''),
  };
  const judged = input.basis === 'EXTRAORDINARY' ? [extraordinary(award)] : criteriaOf(facts, award.eligibility);
  const criteria = [...input.holds.map(onHold), ...judged];
  return { passed: criteria.every((c) => c.status !== 'NOT_MET'), criteria };
}
