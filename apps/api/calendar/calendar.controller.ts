import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  calendarOverridesSchema,
  calendarYearParamsSchema,
  workingDaysQuerySchema,
  type CalendarYearParams,
  type WorkingDaysQuery,
} from '../../../libs/calendar/calendar.schemas';
import { CalendarService } from '../../../libs/calendar/calendar.service';
import { calendarYearResponse, workingDaysResponse } from '../../../libs/domain/admin-responses';
import type { Actor } from '../../../libs/domain/access-policy';
import { Authenticated, CurrentActor } from '../auth/auth.guard';
import { ApiRoute } from '../common/openapi';
import { ZodPipe } from '../common/zod.pipe';

const yearParams = new ZodPipe(calendarYearParamsSchema);

@ApiTags('calendar')
@Controller()
export class CalendarController {
  constructor(private readonly calendar: CalendarService) {}

  @Authenticated({ roles: ['ADMIN'] })
  @Get('admin/calendar/:year')
  @ApiRoute({
    id: 'getCalendarYear',
    summary: "Read a year's working calendar (admins)",
    description: "The year's weekdays off (holidays, Tết included) and weekend days worked, computed or as loaded. Admins only.",
    params: calendarYearParamsSchema,
    response: calendarYearResponse,
    errors: [403],
  })
  year(@Param(yearParams) { year }: CalendarYearParams) {
    return this.calendar.year(year);
  }

  @Authenticated({ roles: ['ADMIN'] })
  @Put('admin/calendar/:year')
  // The year only narrows which values pass; the documented shape is the same for every year.
  @ApiRoute({
    id: 'saveCalendarYear',
    summary: "Replace a year's holidays and working weekends (admins)",
    description:
      "Replaces the year's overrides; every date must be inside that year (400 naming the bad one). Deadlines count working days from it. Admins only.",
    params: calendarYearParamsSchema,
    body: calendarOverridesSchema(2026),
    response: calendarYearResponse,
    errors: [403],
  })
  save(@CurrentActor() actor: Actor, @Param(yearParams) { year }: CalendarYearParams, @Body() body: unknown) {
    // Validated here rather than by a body pipe: the rules depend on the year in the path.
    const overrides = new ZodPipe(calendarOverridesSchema(year)).transform(body);
    return this.calendar.save(year, overrides, actor);
  }

  @Authenticated()
  @Get('calendar/working-days')
  @ApiRoute({
    id: 'addWorkingDays',
    summary: 'Count working days from a date',
    description: 'The date that many working days after `from`, by the working calendar.',
    query: workingDaysQuerySchema,
    response: workingDaysResponse,
  })
  async workingDays(@Query(new ZodPipe(workingDaysQuerySchema)) { from, days }: WorkingDaysQuery) {
    return { from, days, date: await this.calendar.workingDaysAfter(from, days) };
  }
}
