import { Inject, Injectable } from '@nestjs/common';
import type { WorkflowExecutionInfo } from '@temporalio/client';
import { APP_CONFIG, deadlineRulesFrom, type AppConfig } from '../../../libs/config/config';
import { CalendarService } from '../../../libs/calendar/calendar.service';
import type { WorkingCalendar } from '../../../libs/calendar/working-calendar';
import { ActivityFailureRepository } from '../../../libs/db/activity-failure.repository';
import { HoldRepository } from '../../../libs/db/hold.repository';
import { OrgRepository } from '../../../libs/db/org.repository';
import { StuckRepository, type OpenNominationFilter, type StuckRow } from '../../../libs/db/stuck.repository';
import type { z } from 'zod';
import type { stuckPageResponse } from '../../../libs/domain/admin-responses';
import type { StuckFilter, StuckQuery } from '../../../libs/domain/admin-schemas';
import { hanoiDay } from '../../../libs/domain/hanoi-time';
import type { Nominee } from '../../../libs/domain/schemas';
import { LEVEL_NAMES_VI } from '../../../libs/domain/levels';
import { plannerFor } from '../../../libs/domain/nomination-planner';
import { unstaffedLevels } from '../../../libs/domain/access-policy';
import { API_MESSAGES } from '../../../libs/domain/api-messages';
import { temporalUiUrl } from '../temporal/temporal-ui-url';
import { NominationWorkflows } from '../temporal/nomination-workflows';
import { ENDED, nominationQuery, OPEN_IN_WORKFLOW, RUNNING, TASK_PROBLEMS, workflowIdIn } from './visibility-query';

/** One item of the admins' stuck view: the response schema is the one definition of its fields and kinds. */
export type StuckPage = z.infer<typeof stuckPageResponse>;
export type StuckItem = StuckPage['items'][number];

/** A problem found, before the page it falls on is filled in with whom it waits on (which an overdue reason names). */
type Problem = Omit<StuckItem, 'waitingOn' | 'temporalUiUrl' | 'reason'> & { row?: StuckRow; reason: string | ((waitingOn: string[]) => string) };

const DAY_MS = 86_400_000;
/** How many workflows, failing deliveries or activity failures one listing examines at most: they are the exceptions. */
const PROBLEM_LIMIT = 1000;
/** Workflow ids per visibility query (`WorkflowId IN (…)`). */
const ID_CHUNK = 100;
/** A row this young may still be waiting for its workflow to start (the API inserts the row first). */
const START_GRACE_MS = 10_000;

const chunks = <T>(items: T[], size: number): T[][] => Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));

/**
 * What needs a human, read from the database's state and Temporal's visibility store rather than by
 * describing every open workflow: overdue levels (an indexed query, paged), workflows the server
 * reports failing their tasks (`TemporalReportedProblems`), activities the worker recorded failing,
 * rows that disagree with their workflow, and mail that keeps failing. Only the few failing
 * workflows are described, for their last error.
 */
@Injectable()
export class StuckService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly workflows: NominationWorkflows,
    private readonly rows: StuckRepository,
    private readonly activityFailures: ActivityFailureRepository,
    private readonly orgs: OrgRepository,
    private readonly calendar: CalendarService,
    private readonly holds: HoldRepository,
  ) {}

  async list(query: StuckQuery): Promise<StuckPage> {
    const { page, pageSize, ...filter } = query;
    const where = openFilter(filter);
    // Problems first (few, each needs a human now), then the overdue levels, the longest overdue first.
    const [problems, overdueTotal] = await Promise.all([this.problems(filter, where), this.rows.countOverdue(where)]);
    const offset = (page - 1) * pageSize;
    const pageProblems = problems.slice(offset, offset + pageSize);
    const take = pageSize - pageProblems.length;
    const overdueRows = take > 0 ? await this.rows.overdue(where, Math.max(0, offset - problems.length), take) : [];
    const calendar = overdueRows.length > 0 ? await this.calendar.calendar() : null;
    const overdue = overdueRows.map((row) => this.overdueProblem(row, calendar!));
    return { items: await this.complete([...pageProblems, ...overdue]), total: problems.length + overdueTotal, page, pageSize };
  }

  private async problems(filter: StuckFilter, where: OpenNominationFilter): Promise<Problem[]> {
    const [failing, retrying, mismatched, deliveries, held, unattended] = await Promise.all([
      this.taskFailures(where),
      this.activitiesRetrying(where),
      this.mismatches(where),
      this.deliveriesFailing(filter, where),
      this.onHold(where),
      this.unattended(where),
    ]);
    return [...failing, ...retrying, ...mismatched, ...deliveries, ...held, ...unattended];
  }

  private visible(query: string, limit = PROBLEM_LIMIT): Promise<WorkflowExecutionInfo[]> {
    return this.workflows.list(query, limit);
  }

  /** The running workflow ids among these. */
  private async running(workflowIds: string[]): Promise<Set<string>> {
    const running = new Set<string>();
    for (const ids of chunks([...new Set(workflowIds)], ID_CHUNK)) {
      for (const info of await this.visible(`${workflowIdIn(ids)} AND ${RUNNING}`)) running.add(info.workflowId);
    }
    return running;
  }

  private async taskFailures(where: OpenNominationFilter): Promise<Problem[]> {
    const infos = await this.visible(nominationQuery(where, RUNNING, TASK_PROBLEMS));
    const rows = await this.rowsByWorkflow(
      infos.map((i) => i.workflowId),
      where,
    );
    const problems: Problem[] = [];
    for (const info of infos) {
      const row = rows.get(info.workflowId);
      if (!row) continue;
      const description = await this.workflows.describe(info.workflowId);
      const attempt = description?.raw.pendingWorkflowTask?.attempt ?? 0;
      problems.push({
        ...this.base(row),
        kind: 'WORKFLOW_TASK_FAILING',
        reason: `Workflow không xử lý được (đã thử ${attempt} lần); cần kỹ thuật viên kiểm tra.`,
        since: row.updatedAt.toISOString(),
        lastError: await this.workflows.lastWorkflowTaskError(info.workflowId),
      });
    }
    return problems;
  }

  private async activitiesRetrying(where: OpenNominationFilter): Promise<Problem[]> {
    const failures = await this.activityFailures.retrying(this.config.ACTIVITY_RETRY_ALERT_ATTEMPTS, PROBLEM_LIMIT);
    if (failures.length === 0) return [];
    const [rows, running] = await Promise.all([
      this.rowsByWorkflow(
        failures.map((f) => f.workflowId),
        where,
      ),
      this.running(failures.map((f) => f.workflowId)),
    ]);
    return failures.flatMap((failure): Problem[] => {
      const row = rows.get(failure.workflowId);
      // A workflow that has ended retries nothing any more.
      if (!row || !running.has(failure.workflowId)) return [];
      return [
        {
          ...this.base(row),
          kind: 'ACTIVITY_RETRYING',
          reason: `Bước "${failure.activityType}" thất bại ${failure.attempt} lần liên tiếp: ${failure.lastError}`,
          since: failure.firstFailedAt.toISOString(),
          lastError: failure.lastError,
        },
      ];
    });
  }

  /**
   * Open rows whose workflow is not running. Two cheap reads find them: the workflows that ended while
   * their search attributes still said open (terminated, failed), and, when the number of open rows
   * differs from the number of running workflows with the same filter, the difference itself.
   */
  private async mismatches(where: OpenNominationFilter): Promise<Problem[]> {
    const [ended, openRows, runningCount] = await Promise.all([
      this.visible(nominationQuery(where, ENDED, OPEN_IN_WORKFLOW)),
      this.rows.countOpen(where),
      this.workflows.count(nominationQuery(where, RUNNING, OPEN_IN_WORKFLOW)),
    ]);
    const candidates = new Set(ended.map((i) => i.workflowId));
    if (openRows !== runningCount) {
      const [dbIds, runningIds] = await Promise.all([
        this.rows.openWorkflowIds(where),
        this.visible(nominationQuery(where, RUNNING, OPEN_IN_WORKFLOW), Number.MAX_SAFE_INTEGER),
      ]);
      const runningSet = new Set(runningIds.map((i) => i.workflowId));
      for (const id of dbIds) if (!runningSet.has(id) && candidates.size < PROBLEM_LIMIT) candidates.add(id);
    }
    if (candidates.size === 0) return [];
    const rows = await this.rowsByWorkflow([...candidates], where);
    const latest = await this.latestRuns([...rows.keys()]);
    const problems: Problem[] = [];
    for (const [workflowId, row] of rows) {
      const run = latest.get(workflowId);
      if (run?.status.name === 'RUNNING') continue;
      if (!run) {
        if (Date.now() - row.createdAt.getTime() < START_GRACE_MS) continue;
        problems.push({
          ...this.base(row),
          kind: 'STATE_MISMATCH',
          reason: `Hồ sơ đang ${row.status} nhưng không có workflow nào xử lý.`,
          since: row.updatedAt.toISOString(),
        });
        continue;
      }
      problems.push({
        ...this.base(row),
        kind: 'STATE_MISMATCH',
        reason: `Hồ sơ đang ${row.status} trong cơ sở dữ liệu nhưng workflow đã ở trạng thái ${run.status.name}.`,
        since: (run.closeTime ?? row.updatedAt).toISOString(),
      });
    }
    return problems.sort((a, b) => a.since.localeCompare(b.since));
  }

  /** Each workflow's newest run, as visibility knows it. */
  private async latestRuns(workflowIds: string[]): Promise<Map<string, WorkflowExecutionInfo>> {
    const latest = new Map<string, WorkflowExecutionInfo>();
    for (const ids of chunks(workflowIds, ID_CHUNK)) {
      for (const info of await this.visible(workflowIdIn(ids))) {
        const seen = latest.get(info.workflowId);
        if (info.status.name === 'RUNNING' || !seen || (seen.status.name !== 'RUNNING' && info.startTime > seen.startTime)) latest.set(info.workflowId, info);
      }
    }
    return latest;
  }

  private async deliveriesFailing(filter: StuckFilter, where: OpenNominationFilter): Promise<Problem[]> {
    const deliveries = await this.rows.failingDeliveries(this.config.ACTIVITY_RETRY_ALERT_ATTEMPTS, PROBLEM_LIMIT);
    if (deliveries.length === 0) return [];
    // With a nomination filter, only the mail of the nominations it matches; mail of no nomination matches none.
    const narrowed = Object.values(filter).some((v) => v !== undefined);
    const ids = [...new Set(deliveries.flatMap((d) => (d.nominationId ? [d.nominationId] : [])))];
    const nominations = await this.rows.matching(ids, where);
    return deliveries.flatMap((d): Problem[] => {
      const nomination = d.nominationId ? nominations.get(d.nominationId) : undefined;
      if (narrowed && !nomination) return [];
      const error = d.lastError ?? '';
      return [
        {
          nominationId: d.nominationId,
          workflowId: nomination?.workflowId ?? null,
          kind: 'DELIVERY_FAILING',
          reason: `Thư "${d.kind}" gửi ${d.recipient} <${d.address}> thất bại ${d.attempts} lần: ${error}`,
          since: d.createdAt.toISOString(),
          lastError: error,
          recipient: d.recipient,
          address: d.address,
        },
      ];
    });
  }

  /** Nominations a hold suspends, with the hold's reason (admins only read this view). */
  private async onHold(where: OpenNominationFilter): Promise<Problem[]> {
    const rows = await this.rows.suspended(where, PROBLEM_LIMIT);
    const today = hanoiDay(new Date());
    return Promise.all(
      rows.map(async ({ nominee, suspendedSince, ...row }): Promise<Problem> => {
        const person = nominee as Nominee;
        const holds = await this.holds.active(person.kind === 'INDIVIDUAL' ? person.fullName : person.name, row.unitCode, today);
        const why = holds.map((h) => `${h.reason} (đến hết ngày ${h.until})`).join('; ') || 'lệnh không xét khen thưởng';
        return {
          ...this.base(row),
          kind: 'ON_HOLD',
          reason: `Tạm dừng xét ở cấp ${LEVEL_NAMES_VI[row.currentLevel!]}: ${why}.`,
          since: suspendedSince!.toISOString(),
        };
      }),
    );
  }

  /**
   * Levels nobody can decide any more: the reviewing organisation's last reviewer was deactivated and no
   * active reviewer has been given the level. They wait on nobody until an admin reassigns them.
   */
  private async unattended(where: OpenNominationFilter): Promise<Problem[]> {
    const [tree, staffed] = await Promise.all([this.orgs.tree(), this.orgs.staffedOrgs()]);
    const rows = await this.rows.atLevels(where, unstaffedLevels(tree, staffed), PROBLEM_LIMIT);
    const assigned = await this.rows.assignments(rows.map((r) => r.id));
    const active = await this.orgs.activeAmong(assigned.map((a) => a.reviewer));
    const covered = new Set(assigned.filter((a) => active.has(a.reviewer)).map((a) => `${a.nominationId}:${a.level}`));
    return rows
      .filter((row) => !covered.has(`${row.id}:${row.currentLevel}`))
      .map((row) => {
        const org = tree.reviewingOrg(row.unitCode, row.currentLevel!)!;
        return {
          ...this.base(row),
          kind: 'NO_REVIEWER' as const,
          reason: API_MESSAGES.admin.noReviewer(LEVEL_NAMES_VI[row.currentLevel!], org.name),
          since: row.updatedAt.toISOString(),
        };
      });
  }

  private overdueProblem(row: StuckRow, calendar: WorkingCalendar): Problem {
    const dueAt = row.dueAt!;
    const level = row.currentLevel!;
    const days = Math.floor((Date.now() - dueAt.getTime()) / DAY_MS);
    // Escalation counts from the due date alone: neither the catalogue's nor a campaign's level limits move it.
    const planner = plannerFor(row, { calendar, rules: deadlineRulesFrom(this.config), campaign: null });
    return {
      ...this.base(row),
      kind: 'OVERDUE',
      reason: (waitingOn) =>
        `Quá hạn xử lý ở cấp ${LEVEL_NAMES_VI[level]} từ ${dueAt.toISOString().slice(0, 10)} (${days} ngày); đang chờ ${waitingOn.join(', ') || 'người xét duyệt'}.`,
      since: dueAt.toISOString(),
      nextEscalationAt: planner.level(level, dueAt, dueAt).escalateAt,
    };
  }

  private base(row: StuckRow) {
    return { nominationId: row.id, workflowId: row.workflowId, row };
  }

  private async rowsByWorkflow(workflowIds: string[], where: OpenNominationFilter): Promise<Map<string, StuckRow>> {
    const rows = await this.rows.openByWorkflowIds([...new Set(workflowIds)], where);
    return new Map(rows.map((r) => [r.workflowId, r]));
  }

  /** Whom each item of the page waits on: one query for the assignments, one per reviewing organisation. */
  private async complete(problems: Problem[]): Promise<StuckItem[]> {
    const tree = await this.orgs.tree();
    const assigned = await this.rows.assignments(problems.flatMap((p) => (p.row ? [p.row.id] : [])));
    // A deactivated assignee waits on nothing: only active ones are named.
    const activeAssignees = await this.orgs.activeAmong(assigned.map((a) => a.reviewer));
    const reviewers = new Map<string, Promise<string[]>>();
    const reviewersOf = (org: string) => {
      if (!reviewers.has(org)) reviewers.set(org, this.orgs.reviewersOf(org));
      return reviewers.get(org)!;
    };
    return Promise.all(
      problems.map(async ({ row, ...problem }) => {
        let waitingOn: string[] = [];
        if (row?.status === 'RETURNED') waitingOn = [row.submittedBy];
        else if (row?.currentLevel) {
          const org = tree.reviewingOrg(row.unitCode, row.currentLevel);
          const assignee = assigned.find((a) => a.nominationId === row.id && a.level === row.currentLevel);
          const assignees = assignee && activeAssignees.has(assignee.reviewer) ? [assignee.reviewer] : [];
          waitingOn = [...new Set([...(org ? await reviewersOf(org.code) : []), ...assignees])];
        }
        return {
          ...problem,
          reason: typeof problem.reason === 'string' ? problem.reason : problem.reason(waitingOn),
          waitingOn,
          ...(row && { unitCode: row.unitCode, unitName: tree.nameOf(row.unitCode) }),
          temporalUiUrl: problem.workflowId ? temporalUiUrl(this.config, problem.workflowId) : null,
        };
      }),
    );
  }
}

/** The stuck filter as the database and visibility queries take it. */
export function openFilter(filter: StuckFilter): OpenNominationFilter {
  const { minOverdueDays, ...rest } = filter;
  return { ...rest, ...(minOverdueDays !== undefined && { overdueBefore: new Date(Date.now() - minOverdueDays * DAY_MS) }) };
}
