import { Injectable } from '@nestjs/common';
import { CalendarService } from '../../../libs/calendar/calendar.service';
import { OrgRepository } from '../../../libs/db/org.repository';
import { StatisticsRepository, type CalendarSpan, type DecisionCounts, type NominationCounts } from '../../../libs/db/statistics.repository';
import { visibleScopes, type Actor, type OrgTree } from '../../../libs/domain/access-policy';
import { CATALOGUE } from '../../../libs/domain/award-catalogue';
import { hanoiDay } from '../../../libs/domain/hanoi-time';
import { LEVELS, LEVEL_NAMES_VI, type Level } from '../../../libs/domain/levels';
import type { Statistics, StatisticsRow, StatisticsTotal, StatisticsYears } from '../../../libs/domain/statistics-responses';
import type { StatisticsGrouping, StatisticsQuery, StatisticsYearsQuery } from '../../../libs/domain/statistics-schemas';

const NO_NOMINATIONS: Omit<NominationCounts, 'key' | 'total'> = {
  submitted: 0,
  inReview: 0,
  returned: 0,
  approved: 0,
  rejected: 0,
  withdrawn: 0,
  expired: 0,
  forwarded: 0,
  overdue: 0,
  awarded: 0,
  amount: 0,
};

/** The award's name as the newest catalogue version that has it says it. */
const awardName = (code: string) =>
  [...CATALOGUE]
    .reverse()
    .flatMap((v) => v.awards)
    .find((a) => a.code === code)?.nameVi ?? code;

/**
 * The year's figures for what the caller may see: the same scopes as the nomination list, so the
 * numbers agree with it; `awarded` and `amount` count the items of issued, unrevoked award decisions.
 */
@Injectable()
export class StatisticsService {
  constructor(
    private readonly statistics: StatisticsRepository,
    private readonly orgs: OrgRepository,
    private readonly calendar: CalendarService,
  ) {}

  async table(actor: Actor, { year, by }: StatisticsQuery): Promise<Statistics> {
    const tree = await this.orgs.tree();
    const scopes = visibleScopes(actor, tree);
    const { nominations, decisions } = await this.statistics.year(year, by, scopes, await this.calendarSpan(year));
    const keys = [...nominations, ...decisions].filter((r) => !r.total && r.key !== null).map((r) => r.key!);
    const rows = [...new Set(keys)].sort(order(by)).map((key) => ({
      key,
      name: nameOf(by, key, tree),
      ...figures(
        nominations.find((r) => !r.total && r.key === key),
        decisions.find((r) => !r.total && r.key === key),
      ),
    }));
    const total = figures(
      nominations.find((r) => r.total),
      decisions.find((r) => r.total),
    );
    return { year, by, rows, total };
  }

  async years(actor: Actor, { from, to, by }: StatisticsYearsQuery): Promise<StatisticsYears> {
    const tree = await this.orgs.tree();
    const scopes = visibleScopes(actor, tree);
    const unitCodes = scopes ? [...new Set(scopes.flatMap((s) => s.unitCodes))] : null;
    const counts = await this.statistics.history(from, to, by, unitCodes);
    return { from, to, by, rows: counts.map((c) => ({ ...c, name: nameOf(by, c.key, tree) })) };
  }

  /**
   * The working-day calendar from the year before to two years after, or to this year if later: a level
   * of the year's nominations begins and ends inside it (a decision outside it has no working days
   * counted, only whether it was on time).
   */
  private async calendarSpan(year: number): Promise<CalendarSpan> {
    const calendar = await this.calendar.calendar();
    const last = Math.max(year + 2, Number(hanoiDay(new Date()).slice(0, 4)));
    const years = Array.from({ length: last - year + 2 }, (_, i) => calendar.year(year - 1 + i));
    return {
      from: `${year - 1}-01-01`,
      to: `${last}-12-31`,
      holidays: years.flatMap((y) => y.holidays),
      workingWeekends: years.flatMap((y) => y.workingWeekends),
    };
  }
}

function figures(n: NominationCounts | undefined, d: DecisionCounts | undefined): StatisticsTotal {
  const decisions = d?.decisions ?? 0;
  const decidedOnTime = d?.decidedOnTime ?? 0;
  const { key: _key, total: _total, ...counts } = n ?? { key: null, total: false, ...NO_NOMINATIONS };
  return {
    ...counts,
    decisions,
    decidedOnTime,
    onTimeRate: decisions > 0 ? Math.round((decidedOnTime / decisions) * 10_000) / 10_000 : null,
    medianWorkingDays: d?.medianWorkingDays ?? null,
  };
}

function order(by: StatisticsGrouping): (a: string, b: string) => number {
  if (by === 'level') return (a, b) => LEVELS.indexOf(a as Level) - LEVELS.indexOf(b as Level);
  return (a, b) => a.localeCompare(b);
}

function nameOf(by: StatisticsGrouping | 'award' | 'unit', key: string, tree: OrgTree): StatisticsRow['name'] {
  switch (by) {
    case 'unit':
      return tree.nameOf(key);
    case 'award':
      return awardName(key);
    case 'level':
      return LEVEL_NAMES_VI[key as Level] ?? key;
    case 'month':
      return `Tháng ${key.slice(5)}/${key.slice(0, 4)}`;
  }
}
