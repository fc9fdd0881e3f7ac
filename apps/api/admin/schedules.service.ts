import { Inject, Injectable } from '@nestjs/common';
import { ScheduleNotFoundError, type Client, type ScheduleDescription, type ScheduleHandle } from '@temporalio/client';
import { campaignSchedules, SCHEDULE_ID_PREFIX } from '../../../libs/campaigns/schedules';
import { APP_CONFIG, type AppConfig } from '../../../libs/config/config';
import { AuditRepository } from '../../../libs/db/audit.repository';
import { ApiError } from '../common/api-error';
import { TEMPORAL_CLIENT } from '../temporal/temporal.module';

type Range = { start: number | string; end: number | string; step: number };
type Calendar = NonNullable<ScheduleDescription['spec']['calendars']>[number];

/** The server's "any value" ranges, shown as `*` like in the cron line they came from. */
const ANY: Record<string, string> = { dayOfMonth: '1-31', month: 'JANUARY-DECEMBER', dayOfWeek: 'SUNDAY-SATURDAY' };
const FIELDS = ['second', 'minute', 'hour', 'dayOfMonth', 'month', 'dayOfWeek', 'year'] as const;

const rangeText = (r: Range) => (r.start === r.end ? `${r.start}` : `${r.start}-${r.end}`) + (r.step > 1 ? `/${r.step}` : '');
const fieldText = (field: string, ranges: Range[]) => {
  const text = ranges.map(rangeText).join(',');
  return text === '' || text === ANY[field] ? '*' : text;
};
const calendarView = (calendar: Calendar) => Object.fromEntries(FIELDS.map((field) => [field, fieldText(field, calendar[field] as Range[])]));

export interface ScheduleView {
  id: string;
  spec: { timezone: string; calendars: Record<string, string>[] };
  nextRuns: string[];
  paused: boolean;
}

/** The admins' view of and hand on the campaigns' Temporal schedules. */
@Injectable()
export class SchedulesService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    private readonly audit: AuditRepository,
  ) {}

  async list(): Promise<ScheduleView[]> {
    // The listing is eventually consistent, so the configured ids are described even before it shows them.
    const ids = new Set(campaignSchedules(this.config).map((s) => s.scheduleId));
    for await (const summary of this.temporal.schedule.list()) {
      if (summary.scheduleId.startsWith(SCHEDULE_ID_PREFIX)) ids.add(summary.scheduleId);
    }
    const views = await Promise.all([...ids].sort().map((id) => this.describe(this.handle(id)).catch(this.goneAsNull)));
    return views.filter((v): v is ScheduleView => v !== null);
  }

  // A schedule lives in Temporal, not in the database: each change is recorded once Temporal has made it.
  async pause(actor: string, id: string, reason?: string): Promise<ScheduleView> {
    const handle = await this.existing(id);
    await handle.pause(reason ?? 'Tạm dừng bởi quản trị viên');
    await this.audit.record({ actor, action: 'SCHEDULE_PAUSED', subject: `schedule:${id}`, details: { reason: reason ?? null } });
    return this.describe(handle);
  }

  async resume(actor: string, id: string, reason?: string): Promise<ScheduleView> {
    const handle = await this.existing(id);
    await handle.unpause(reason ?? 'Tiếp tục bởi quản trị viên');
    await this.audit.record({ actor, action: 'SCHEDULE_RESUMED', subject: `schedule:${id}`, details: { reason: reason ?? null } });
    return this.describe(handle);
  }

  /** Runs the action now, even if a launch is still running: the launcher does nothing the second time. */
  async trigger(actor: string, id: string): Promise<ScheduleView> {
    const handle = await this.existing(id);
    await handle.trigger();
    await this.audit.record({ actor, action: 'SCHEDULE_TRIGGERED', subject: `schedule:${id}`, details: {} });
    return this.describe(handle);
  }

  /** A schedule deleted between the listing and its description is no longer there to show. */
  private readonly goneAsNull = (error: unknown): null => {
    if (error instanceof ScheduleNotFoundError) return null;
    throw error;
  };

  private handle(id: string): ScheduleHandle {
    return this.temporal.schedule.getHandle(id);
  }

  private async existing(id: string): Promise<ScheduleHandle> {
    if (!id.startsWith(SCHEDULE_ID_PREFIX)) throw ApiError.notFound('schedule');
    const handle = this.handle(id);
    await this.describe(handle).catch((error: unknown) => {
      throw error instanceof ScheduleNotFoundError ? ApiError.notFound('schedule') : error;
    });
    return handle;
  }

  private async describe(handle: ScheduleHandle): Promise<ScheduleView> {
    const d = await handle.describe();
    return {
      id: d.scheduleId,
      spec: { timezone: d.spec.timezone ?? 'UTC', calendars: (d.spec.calendars ?? []).map(calendarView) },
      nextRuns: d.info.nextActionTimes.map((t) => t.toISOString()),
      paused: d.state.paused,
    };
  }
}
