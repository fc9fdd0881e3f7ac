import { Injectable } from '@nestjs/common';
import { CalendarRepository } from '../db/calendar.repository';
import type { Actor } from '../domain/access-policy';
import { WorkingCalendar, type CalendarYearView, type YearOverrides } from './working-calendar';

/**
 * The working-day calendar as it stands in the database. Read afresh each time (a few rows):
 * an admin's change made through the API must be seen at once by the worker's deadline plans.
 */
@Injectable()
export class CalendarService {
  constructor(private readonly repository: CalendarRepository) {}

  async calendar(): Promise<WorkingCalendar> {
    return new WorkingCalendar(await this.repository.loadAll());
  }

  async year(year: number): Promise<CalendarYearView> {
    return (await this.calendar()).year(year);
  }

  async save(year: number, overrides: YearOverrides, actor: Actor): Promise<CalendarYearView> {
    await this.repository.save(year, overrides, actor.username);
    return this.year(year);
  }

  async workingDaysAfter(from: string, days: number): Promise<string> {
    return (await this.calendar()).addWorkingDays(from, days);
  }
}
