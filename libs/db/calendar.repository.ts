import { Injectable } from '@nestjs/common';
import type { YearOverrides } from '../calendar/working-calendar';
import { PrismaService } from './prisma.service';

@Injectable()
export class CalendarRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** One row per year an admin has loaded; a handful at most, so read whole. */
  async loadAll(): Promise<Map<number, YearOverrides>> {
    const rows = await this.prisma.calendarYear.findMany({ select: { year: true, holidays: true, workingWeekends: true } });
    return new Map(rows.map(({ year, holidays, workingWeekends }) => [year, { holidays, workingWeekends }]));
  }

  async save(year: number, overrides: YearOverrides, updatedBy: string): Promise<void> {
    const data = { holidays: overrides.holidays, workingWeekends: overrides.workingWeekends, updatedBy };
    await this.prisma.calendarYear.upsert({ where: { year }, create: { year, ...data }, update: data });
  }
}
