import type { z } from 'zod';
import type { NomineeKind } from '../domain/award-catalogue';
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
   * The nominee's own award history. Only catalogue award codes are looked for, so anything else
   * recorded never counts; history entries carry no campaign kind yet, so a themed (chuyên đề)
   * result must not be recorded under a catalogue code.
   */
  history: readonly AwardRecord[];
  /** Holds still in force on the day of submission. */
  holds: readonly ActiveHold[];
}

interface Facts {
  year: number;
  kind: NomineeKind;
  declarations: Declarations;
  history: readonly AwardRecord[];
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

function awardForYear(f: Facts, code: string, awardCode: string, awardName: string): Criterion {
  return holds(f, awardCode, f.year)
    ? met(code, `Đã đạt ${awardName} năm ${f.year}`)
    : notMet(code, `Chưa có ${awardName} năm ${f.year} trong lịch sử khen thưởng`);
}

function cstdCoSoEveryYear(f: Facts, code: string, years: readonly number[]): Criterion {
  const missing = years.filter((y) => !holds(f, 'CSTD_CO_SO', y));
  return missing.length === 0
    ? met(code, `Đạt Chiến sĩ thi đua cơ sở ${years.length} năm liên tục ${span(years)}`)
    : notMet(code, `Chưa đạt Chiến sĩ thi đua cơ sở ${years.length} năm liên tục ${span(years)}: thiếu năm ${missing.join(', ')}`);
}

function htxsOrInitiativeOrResearch(f: Facts): Criterion {
  const { rating, initiatives = [], research = [] } = f.declarations;
  const branches = [
    ...(rating === 'HTXS' ? [RATING_VI.HTXS] : []),
    ...(initiatives.length > 0 ? [`${initiatives.length} sáng kiến`] : []),
    ...(research.length > 0 ? [`${research.length} đề tài nghiên cứu`] : []),
  ];
  return branches.length > 0
    ? declared('HTXS_OR_INITIATIVE_OR_RESEARCH', `Đơn vị kê khai: ${branches.join('; ')}`)
    : notMet(
        'HTXS_OR_INITIATIVE_OR_RESEARCH',
        `Cần một trong: ${RATING_VI.HTXS}, sáng kiến được công nhận, đề tài nghiên cứu được nghiệm thu; đơn vị chưa kê khai điều nào`,
      );
}

function initiativeCityWide(f: Facts): Criterion {
  const count = f.declarations.initiatives?.length ?? 0;
  return count > 0
    ? declared('INITIATIVE_CITY_WIDE', `Đơn vị kê khai ${count} sáng kiến; phạm vi ảnh hưởng toàn thành phố do người xét duyệt xác nhận`)
    : notMet('INITIATIVE_CITY_WIDE', 'Cần sáng kiến có phạm vi ảnh hưởng toàn thành phố; đơn vị chưa kê khai sáng kiến');
}

function memberCriteria(f: Facts): Criterion[] {
  const m = f.declarations.members;
  const checks: [code: string, ok: (m: MemberDeclarations) => boolean, says: (m: MemberDeclarations) => string, needs: string][] = [
    ['MEMBERS_ALL_COMPLETE_TASKS', (m) => m.completedTasks === m.total, (m) => `${m.completedTasks}/${m.total} thành viên hoàn thành nhiệm vụ`, '100% thành viên hoàn thành nhiệm vụ'],
    // Integer arithmetic: 70% of a head count must not be lost to floating point.
    ['MEMBERS_70_PERCENT_LDTT', (m) => m.laoDongTienTien * 10 >= m.total * 7, (m) => `${m.laoDongTienTien}/${m.total} thành viên đạt Lao động tiên tiến`, 'ít nhất 70% thành viên đạt Lao động tiên tiến'],
    ['MEMBERS_AT_LEAST_ONE_CSTD_CO_SO', (m) => m.chienSiThiDuaCoSo >= 1, (m) => `${m.chienSiThiDuaCoSo} thành viên đạt Chiến sĩ thi đua cơ sở`, 'ít nhất một thành viên đạt Chiến sĩ thi đua cơ sở'],
  ];
  return checks.map(([code, ok, says, needs]) => {
    if (!m) return notMet(code, `Cần ${needs}; đơn vị chưa kê khai số liệu thành viên`);
    return ok(m) ? declared(code, `Đơn vị kê khai ${says(m)}`) : notMet(code, `Đơn vị kê khai ${says(m)}; cần ${needs}`);
  });
}

/** HTXS in this year and the one before, with two recognised initiatives: only the unit can say so. */
function htxsTwoYearsDeclared(f: Facts): string | undefined {
  const count = f.declarations.initiatives?.length ?? 0;
  if (f.declarations.rating !== 'HTXS' || count < 2) return undefined;
  return `Đơn vị kê khai ${RATING_VI.HTXS} năm ${f.year} và ${count} sáng kiến; kết quả năm ${f.year - 1} do người xét duyệt xác nhận`;
}
const HTXS_TWO_YEARS_NEEDED = `${RATING_VI.HTXS} 2 năm liên tục và 2 sáng kiến được công nhận`;

function bangKhenUbndTp(f: Facts): Criterion[] {
  const viaHtxs = htxsTwoYearsDeclared(f);
  if (f.kind === 'COLLECTIVE') {
    const code = 'HTXS_2_YEARS_2_INITIATIVES';
    return [viaHtxs ? declared(code, viaHtxs) : notMet(code, `Cần ${HTXS_TWO_YEARS_NEEDED}; đơn vị chưa kê khai đủ`)];
  }
  const code = 'CSTD_CO_SO_2_YEARS_OR_HTXS_2_INITIATIVES';
  // The pair may end last year: this year's CSTĐ cơ sở is often decided in the same round.
  const pairs = [yearsBetween(f.year - 1, f.year), yearsBetween(f.year - 2, f.year - 1)];
  const pair = pairs.find((years) => years.every((y) => holds(f, 'CSTD_CO_SO', y)));
  if (pair) return [met(code, `Đạt Chiến sĩ thi đua cơ sở 2 năm liên tục ${span(pair)}`)];
  if (viaHtxs) return [declared(code, viaHtxs)];
  return [
    notMet(
      code,
      `Chưa đạt Chiến sĩ thi đua cơ sở 2 năm liên tục (${pairs.map(span).join(' hoặc ')}), cũng chưa kê khai ${HTXS_TWO_YEARS_NEEDED}`,
    ),
  ];
}

function cityBangKhenBeforePeriod(f: Facts, periodStart: number): Criterion {
  const code = 'CITY_BANG_KHEN_BEFORE_PERIOD';
  const years = f.history.filter((h) => h.awardCode === 'BANG_KHEN_UBND_TP').map((h) => h.year);
  const before = years.filter((y) => y < periodStart);
  if (before.length > 0) return met(code, `Đã được tặng Bằng khen của Chủ tịch UBND thành phố năm ${Math.max(...before)}`);
  const tooRecent = years.length > 0 ? ` (Bằng khen năm ${Math.min(...years)} chưa đủ 5 năm tiếp theo)` : '';
  return notMet(code, `Cần Bằng khen của Chủ tịch UBND thành phố từ năm ${periodStart - 1} trở về trước${tooRecent}`);
}

function bangKhenThuTuong(f: Facts): Criterion[] {
  const period = yearsBetween(f.year - 4, f.year);
  const rating = f.declarations.rating;
  const criteria = [
    cityBangKhenBeforePeriod(f, period[0]!),
    rating
      ? declared('HTT_5_CONSECUTIVE_YEARS', `Đơn vị kê khai mức ${RATING_VI[rating]} năm ${f.year}; các năm ${span(period.slice(0, -1))} do người xét duyệt xác nhận`)
      : notMet('HTT_5_CONSECUTIVE_YEARS', `Cần ${RATING_VI.HTT} trở lên 5 năm liên tục ${span(period)}; đơn vị chưa kê khai mức xếp loại`),
  ];
  // DOMAIN.md states the CSTĐ cơ sở count for individuals only: a collective is never a Chiến sĩ thi đua.
  if (f.kind === 'COLLECTIVE') return criteria;
  const cstdYears = period.filter((y) => holds(f, 'CSTD_CO_SO', y));
  const code = 'CSTD_CO_SO_3_TIMES_IN_5_YEARS';
  return [
    ...criteria,
    cstdYears.length >= 3
      ? met(code, `Đạt Chiến sĩ thi đua cơ sở ${cstdYears.length} lần trong ${span(period)} (${cstdYears.join(', ')})`)
      : notMet(code, `Đạt Chiến sĩ thi đua cơ sở ${cstdYears.length} lần trong ${span(period)}; cần 3 lần`),
  ];
}

/** One rule set per award code of the catalogue: DOMAIN.md's "checks software can make". */
const RULES: Readonly<Record<string, (f: Facts) => Criterion[]>> = {
  LAO_DONG_TIEN_TIEN: (f) => [ratingAtLeastHtt(f)],
  TAP_THE_LAO_DONG_TIEN_TIEN: (f) => [ratingAtLeastHtt(f)],
  GIAY_KHEN_GIAM_DOC_SO: (f) => [ratingAtLeastHtt(f)],
  CSTD_CO_SO: (f) => [awardForYear(f, 'LDTT_FOR_YEAR', 'LAO_DONG_TIEN_TIEN', 'Lao động tiên tiến'), htxsOrInitiativeOrResearch(f)],
  CSTD_THANH_PHO: (f) => [cstdCoSoEveryYear(f, 'CSTD_CO_SO_3_CONSECUTIVE_YEARS', yearsBetween(f.year - 2, f.year)), initiativeCityWide(f)],
  TAP_THE_LAO_DONG_XUAT_SAC: (f) => [ratingHtxs(f), ...memberCriteria(f)],
  BANG_KHEN_UBND_TP: bangKhenUbndTp,
  CO_THI_DUA_UBND_TP: (f) => [
    f.declarations.leadsEmulationCluster
      ? declared('LEADS_EMULATION_CLUSTER', `Đơn vị kê khai dẫn đầu cụm/khối thi đua năm ${f.year}`)
      : notMet('LEADS_EMULATION_CLUSTER', `Cần dẫn đầu cụm/khối thi đua năm ${f.year}; đơn vị chưa kê khai`),
    awardForYear(f, 'TTLDXS_FOR_YEAR', 'TAP_THE_LAO_DONG_XUAT_SAC', 'Tập thể lao động xuất sắc'),
  ],
  BANG_KHEN_THU_TUONG: bangKhenThuTuong,
};

/**
 * MET and NOT_MET come from the award history and holds; DECLARED is what only the unit can know and
 * reviewers confirm. A hard criterion NOT_MET refuses the submission.
 */
export function evaluateEligibility(input: EligibilityInput): Eligibility {
  const rules = RULES[input.awardCode];
  // A catalogue version adding an award without rules must fail loudly, not let everyone through.
  if (!rules) throw new Error(`no eligibility rules for award ${input.awardCode}`);
  const facts: Facts = { year: input.year, kind: input.nominee.kind, declarations: input.declarations ?? {}, history: input.history };
  const criteria = [...input.holds.map(onHold), ...rules(facts)];
  return { passed: criteria.every((c) => c.status !== 'NOT_MET'), criteria };
}
