import { Injectable } from '@nestjs/common';
import type { StatisticsGrouping } from '../domain/statistics-schemas';
import { Prisma } from './generated/client';
import type { VisibilityScopes } from './nomination.repository';
import { PrismaService } from './prisma.service';

/** A group's nominations by their status now. `key` null with `total` false: nominations no group holds (final ones, by level). */
export interface NominationCounts {
  key: string | null;
  total: boolean;
  submitted: number;
  inReview: number;
  returned: number;
  approved: number;
  rejected: number;
  withdrawn: number;
  expired: number;
  forwarded: number;
  overdue: number;
  /** Nominations an issued, unrevoked award decision lists, and the amounts it gives them (VND). */
  awarded: number;
  amount: number;
}

export interface DecisionCounts {
  key: string | null;
  total: boolean;
  decisions: number;
  decidedOnTime: number;
  medianWorkingDays: number | null;
}

/** The days off and the weekend days worked over a span of days (YYYY-MM-DD), from the working-day calendar. */
export interface CalendarSpan {
  from: string;
  to: string;
  holidays: string[];
  workingWeekends: string[];
}

export interface HistoryCount {
  year: number;
  key: string;
  count: number;
}

// Hà Nội keeps UTC+7 all year: its calendar day of an instant, without relying on the server's time zone data.
const hanoiDate = (column: Prisma.Sql) => Prisma.sql`((${column} AT TIME ZONE 'UTC') + interval '7 hours')::date`;
const hanoiMonth = (column: Prisma.Sql) => Prisma.sql`to_char((${column} AT TIME ZONE 'UTC') + interval '7 hours', 'YYYY-MM')`;

const NOMINATION_KEY: Record<StatisticsGrouping, Prisma.Sql> = {
  unit: Prisma.sql`n.unit_code`,
  award: Prisma.sql`n.award_code`,
  level: Prisma.sql`n.current_level::text`,
  month: hanoiMonth(Prisma.sql`n.created_at`),
};

const DECISION_KEY: Record<StatisticsGrouping, Prisma.Sql> = {
  unit: Prisma.sql`n.unit_code`,
  award: Prisma.sql`n.award_code`,
  level: Prisma.sql`dc.level::text`,
  month: hanoiMonth(Prisma.sql`dc.decided_at`),
};

/** The nominations within any of the scopes, as `scopeWhere` says it to Prisma for the lists. */
function scopeSql(scopes: VisibilityScopes | null): Prisma.Sql {
  if (!scopes) return Prisma.sql`TRUE`;
  if (scopes.length === 0) return Prisma.sql`FALSE`;
  const each = scopes.map((s) =>
    s.routeHas
      ? Prisma.sql`(n.unit_code = ANY(${s.unitCodes}::text[]) AND ${s.routeHas}::"Level" = ANY(n.route))`
      : Prisma.sql`n.unit_code = ANY(${s.unitCodes}::text[])`,
  );
  return Prisma.sql`(${Prisma.join(each, ' OR ')})`;
}

/**
 * The year's figures, aggregated by PostgreSQL over indexed columns: the nominations are never loaded.
 * Each query answers one row per group and the total (ROLLUP), for the nominations the scopes allow.
 */
@Injectable()
export class StatisticsRepository {
  constructor(private readonly prisma: PrismaService) {}

  /**
   * Both tables read in one snapshot, so the counts agree with each other. Without JIT, which the planner
   * would switch on for these estimates and which costs more than the query (400 of 700 ms measured on
   * 100,000 decisions), and with room to sort in memory.
   */
  year(year: number, by: StatisticsGrouping, scopes: VisibilityScopes | null, calendar: CalendarSpan) {
    return this.prisma.$transaction(
      async (tx) => {
        await tx.$executeRaw`SET LOCAL jit = off`;
        await tx.$executeRaw`SET LOCAL work_mem = '32MB'`;
        const nominations = await nominationCounts(tx, year, by, scopes);
        return { nominations, decisions: await decisionCounts(tx, year, by, scopes, calendar) };
      },
      { isolationLevel: Prisma.TransactionIsolationLevel.RepeatableRead },
    );
  }

  /** Award history (imported, and approved here) counted per year and award or unit; an award whose decision was revoked is not. */
  async history(from: number, to: number, by: 'award' | 'unit', unitCodes: string[] | null): Promise<HistoryCount[]> {
    const key = by === 'award' ? Prisma.sql`h.award_code` : Prisma.sql`h.unit_code`;
    const scope = unitCodes ? Prisma.sql`h.unit_code = ANY(${unitCodes}::text[])` : Prisma.sql`TRUE`;
    return this.prisma.$queryRaw<HistoryCount[]>`
      SELECT h.year, ${key} AS key, count(*)::int AS count
        FROM award_history h
       WHERE h.year BETWEEN ${from} AND ${to} AND ${scope} AND h.revoked_at IS NULL
       GROUP BY h.year, ${key}
       ORDER BY h.year, ${key}`;
  }
}

async function nominationCounts(tx: Prisma.TransactionClient, year: number, by: StatisticsGrouping, scopes: VisibilityScopes | null) {
  const key = NOMINATION_KEY[by];
  const status = (value: string) => Prisma.sql`count(*) FILTER (WHERE n.status = ${value}::"NominationStatus")::int`;
  return tx.$queryRaw<NominationCounts[]>`
    SELECT ${key} AS key,
           GROUPING(${key}) = 1 AS total,
           count(*)::int AS submitted,
           ${status('IN_REVIEW')} AS "inReview",
           ${status('RETURNED')} AS returned,
           ${status('APPROVED')} AS approved,
           ${status('REJECTED')} AS rejected,
           ${status('WITHDRAWN')} AS withdrawn,
           ${status('EXPIRED')} AS expired,
           ${status('FORWARDED')} AS forwarded,
           count(*) FILTER (WHERE n.status = 'IN_REVIEW' AND n.overdue)::int AS overdue,
           count(a.amount)::int AS awarded,
           coalesce(sum(a.amount), 0)::float8 AS amount
      FROM nominations n
      LEFT JOIN LATERAL (
        SELECT i.amount FROM award_decision_items i JOIN award_decisions d ON d.id = i.decision_id
         WHERE i.nomination_id = n.id AND d.status = 'ISSUED'
      ) a ON TRUE
     WHERE n.year = ${year} AND ${scopeSql(scopes)}
     GROUP BY ROLLUP (${key})`;
}

/**
 * The level decisions on the year's nominations: how many, how many by their level's deadline, and the
 * median working days the level took (working days after the day it began, up to the day of the
 * decision). The calendar comes as a running count of working days, one array element per day of the
 * span, so a level's working days are two array lookups.
 */
async function decisionCounts(tx: Prisma.TransactionClient, year: number, by: StatisticsGrouping, scopes: VisibilityScopes | null, calendar: CalendarSpan) {
  const key = DECISION_KEY[by];
  const dayIndex = (column: Prisma.Sql) => Prisma.sql`${hanoiDate(column)} - ${calendar.from}::date + 1`;
  return tx.$queryRaw<DecisionCounts[]>`
    WITH days AS (
      SELECT d::date AS day,
             sum(CASE WHEN d::date = ANY(${calendar.workingWeekends}::date[]) THEN 1
                      WHEN extract(isodow FROM d) >= 6 OR d::date = ANY(${calendar.holidays}::date[]) THEN 0
                      ELSE 1 END) OVER (ORDER BY d)::int AS worked
        FROM generate_series(${calendar.from}::date, ${calendar.to}::date, interval '1 day') d
    ),
    calendar AS (SELECT array_agg(worked ORDER BY day) AS worked FROM days),
    facts AS (
      SELECT ${key} AS key,
             dc.due_at IS NULL OR dc.decided_at <= dc.due_at AS on_time,
             calendar.worked[${dayIndex(Prisma.sql`dc.decided_at`)}] - calendar.worked[${dayIndex(Prisma.sql`dc.level_started_at`)}] AS working_days
        FROM decisions dc
        JOIN nominations n ON n.id = dc.nomination_id
        CROSS JOIN calendar
       WHERE n.year = ${year} AND ${scopeSql(scopes)}
    )
    SELECT key,
           GROUPING(key) = 1 AS total,
           count(*)::int AS decisions,
           count(*) FILTER (WHERE on_time)::int AS "decidedOnTime",
           percentile_cont(0.5) WITHIN GROUP (ORDER BY working_days) AS "medianWorkingDays"
      FROM facts
     GROUP BY ROLLUP (key)`;
}
