import { Injectable } from '@nestjs/common';
import type { YearOverrides } from '../calendar/working-calendar';
import { recordAudit } from './audit.repository';
import { PrismaService } from './prisma.service';

@Injectable()
export class CalendarRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** One row per year an admin has loaded; a handful at most, so read whole. */
  async loadAll(): Promise<Map<number, YearOverrides>> {
    const rows = await this.prisma.calendarYear.findMany({ select: { year: true, holidays: true, workingWeekends: true } });
    return new Map(rows.map(({ year, holidays, workingWeekends }) => [year, { holidays, workingWeekends }]));
  }

  /** Replaces the year's overrides; the audit event keeps the ones replaced (null for a year not loaded before). */
  async save(year: number, overrides: YearOverrides, updatedBy: string): Promise<void> {
    const { holidays, workingWeekends } = overrides;
    const data = { holidays, workingWeekends, updatedBy };
    await this.prisma.$transaction(async (tx) => {
      const previous = await tx.calendarYear.findUnique({ where: { year }, select: { holidays: true, workingWeekends: true } });
      await tx.calendarYear.upsert({ where: { year }, create: { year, ...data }, update: data });
      await recordAudit(tx, { actor: updatedBy, action: 'CALENDAR_SAVED', subject: `calendar:${year}`, details: { holidays, workingWeekends, previous } });
    });
  }
}
