import { Inject, Injectable } from '@nestjs/common';
import { WorkflowNotFoundError, type Client, type WorkflowExecutionDescription } from '@temporalio/client';
import { APP_CONFIG, deadlineRulesFrom, type AppConfig } from '../../../libs/config/config';
import { CalendarService } from '../../../libs/calendar/calendar.service';
import { NominationRepository, type NominationRecord } from '../../../libs/db/nomination.repository';
import { OrgRepository } from '../../../libs/db/org.repository';
import { DeadlinePlanner } from '../../../libs/deadlines/deadline-planner';
import type { OrgTree } from '../../../libs/domain/access-policy';
import { catalogueVersion, CATALOGUE } from '../../../libs/domain/award-catalogue';
import type { StuckFilter } from '../../../libs/domain/admin-schemas';
import { LEVEL_NAMES_VI } from '../../../libs/domain/levels';
import { temporalUiUrl } from '../temporal/temporal-ui-url';
import { TEMPORAL_CLIENT } from '../temporal/temporal.module';

export type StuckKind = 'OVERDUE' | 'WORKFLOW_TASK_FAILING' | 'ACTIVITY_RETRYING' | 'STATE_MISMATCH';

export interface StuckItem {
  nominationId: string;
  workflowId: string;
  kind: StuckKind;
  reason: string;
  waitingOn: string[];
  since: string;
  temporalUiUrl: string;
  nextEscalationAt?: string;
  lastError?: string;
}

const DAY_MS = 86_400_000;
/** Workflows described at once: enough to be quick, few enough not to flood the server. */
const DESCRIBE_CONCURRENCY = 8;
/** More than this many open nominations matching a filter are examined in pages of this size. */
const PAGE = 500;

/**
 * What needs a human, found by comparing the database with Temporal: overdue levels, workflows
 * whose tasks or activities keep failing, and rows that disagree with their workflow.
 */
@Injectable()
export class StuckService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    private readonly nominations: NominationRepository,
    private readonly orgs: OrgRepository,
    private readonly calendar: CalendarService,
  ) {}

  async list(filter: StuckFilter): Promise<{ items: StuckItem[] }> {
    const rows = await this.openNominations(filter);
    const tree = await this.orgs.tree();
    const items: StuckItem[] = [];
    for (let i = 0; i < rows.length; i += DESCRIBE_CONCURRENCY) {
      const batch = await Promise.all(rows.slice(i, i + DESCRIBE_CONCURRENCY).map((row) => this.examine(row, tree, filter)));
      items.push(...batch.flat());
    }
    return { items };
  }

  /** The open nominations matching the filter (all of them, page by page). */
  async openNominations(filter: StuckFilter): Promise<NominationRecord[]> {
    const { minOverdueDays, ...rest } = filter;
    const query = {
      ...rest,
      statuses: ['IN_REVIEW', 'RETURNED'] as const,
      ...(minOverdueDays !== undefined && { overdueBefore: new Date(Date.now() - minOverdueDays * DAY_MS) }),
    };
    const rows: NominationRecord[] = [];
    for (let page = 1; ; page++) {
      const { items, total } = await this.nominations.list({ ...query, statuses: [...query.statuses] }, page, PAGE, [{ dueAt: 'asc' }]);
      rows.push(...items);
      if (rows.length >= total || items.length === 0) return rows;
    }
  }

  private async examine(row: NominationRecord, tree: OrgTree, filter: StuckFilter): Promise<StuckItem[]> {
    const base = {
      nominationId: row.id,
      workflowId: row.workflowId,
      waitingOn: await this.waitingOn(row, tree),
      temporalUiUrl: temporalUiUrl(this.config, row.workflowId),
    };
    const items: StuckItem[] = [];
    if (row.overdue && row.status === 'IN_REVIEW' && row.dueAt && row.currentLevel) {
      const plan = await this.plan(row);
      const days = Math.floor((Date.now() - row.dueAt.getTime()) / DAY_MS);
      items.push({
        ...base,
        kind: 'OVERDUE',
        reason: `Quá hạn xử lý ở cấp ${LEVEL_NAMES_VI[row.currentLevel]} từ ${row.dueAt.toISOString().slice(0, 10)} (${days} ngày); đang chờ ${base.waitingOn.join(', ') || 'người xét duyệt'}.`,
        since: row.dueAt.toISOString(),
        nextEscalationAt: plan,
      });
    }
    // Only the overdue-days filter narrows by age; problems with the workflow itself are listed whatever their age.
    if (filter.minOverdueDays !== undefined && items.length === 0) return items;
    const description = await this.describe(row.workflowId);
    if (!description) {
      items.push({ ...base, kind: 'STATE_MISMATCH', reason: `Hồ sơ đang ${row.status} nhưng không có workflow nào xử lý.`, since: row.updatedAt.toISOString() });
      return items;
    }
    if (description.status.name !== 'RUNNING') {
      items.push({
        ...base,
        kind: 'STATE_MISMATCH',
        reason: `Hồ sơ đang ${row.status} trong cơ sở dữ liệu nhưng workflow đã ở trạng thái ${description.status.name}.`,
        since: (description.closeTime ?? row.updatedAt).toISOString(),
      });
      return items;
    }
    const task = description.raw.pendingWorkflowTask;
    if (task && (task.attempt ?? 0) > 1) {
      items.push({
        ...base,
        kind: 'WORKFLOW_TASK_FAILING',
        reason: `Workflow không xử lý được (đã thử ${task.attempt} lần); cần kỹ thuật viên kiểm tra.`,
        since: row.updatedAt.toISOString(),
        lastError: await this.lastWorkflowTaskError(row.workflowId),
      });
    }
    for (const activity of description.raw.pendingActivities ?? []) {
      if ((activity.attempt ?? 0) < this.config.ACTIVITY_RETRY_ALERT_ATTEMPTS) continue;
      const error = activity.lastFailure?.message ?? '';
      items.push({
        ...base,
        kind: 'ACTIVITY_RETRYING',
        reason: `Bước "${activity.activityType?.name}" thất bại ${activity.attempt} lần liên tiếp: ${error}`,
        since: row.updatedAt.toISOString(),
        lastError: error,
      });
    }
    return items;
  }

  async describe(workflowId: string): Promise<WorkflowExecutionDescription | null> {
    try {
      return await this.temporal.workflow.getHandle(workflowId).describe();
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) return null;
      throw error;
    }
  }

  private async waitingOn(row: NominationRecord, tree: OrgTree): Promise<string[]> {
    if (row.status === 'RETURNED') return [row.submittedBy];
    if (!row.currentLevel) return [];
    const org = tree.reviewingOrg(row.unitCode, row.currentLevel);
    const reviewers = org ? await this.orgs.reviewersOf(org.code) : [];
    const assigned = await this.nominations.assignment(row.id, row.currentLevel);
    return [...new Set([...reviewers, ...(assigned ? [assigned.reviewer] : [])])];
  }

  private async plan(row: NominationRecord): Promise<string> {
    const days = (catalogueVersion(row.catalogueVersion) ?? CATALOGUE[0]!).levelLimitWorkingDays;
    const planner = new DeadlinePlanner(await this.calendar.calendar(), deadlineRulesFrom(this.config), days);
    return planner.level(row.currentLevel!, row.dueAt!, row.dueAt).escalateAt;
  }

  private async lastWorkflowTaskError(workflowId: string): Promise<string> {
    const history = await this.temporal.workflow.getHandle(workflowId).fetchHistory();
    const failed = [...(history.events ?? [])].reverse().find((e) => e.workflowTaskFailedEventAttributes);
    return failed?.workflowTaskFailedEventAttributes?.failure?.message ?? '';
  }
}
