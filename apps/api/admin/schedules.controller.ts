import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { scheduleListResponse, scheduleResponse } from '../../../libs/domain/admin-responses';
import { scheduleNoteSchema, type ScheduleNoteInput } from '../../../libs/domain/admin-schemas';
import type { Actor } from '../../../libs/domain/access-policy';
import { Authenticated, CurrentActor } from '../auth/auth.guard';
import { ApiRoute } from '../common/openapi';
import { ZodPipe } from '../common/zod.pipe';
import { SchedulesService } from './schedules.service';

@ApiTags('campaigns')
@Controller('admin/schedules')
export class SchedulesController {
  constructor(private readonly schedules: SchedulesService) {}

  @Authenticated({ roles: ['ADMIN'] })
  @Get()
  @ApiRoute({
    id: 'listSchedules',
    summary: 'List the campaign schedules (admins)',
    description: 'The Temporal schedules that open and close campaigns and send reminders: their spec, next runs and whether paused. Admins only.',
    response: scheduleListResponse,
    errors: [403],
  })
  list() {
    return this.schedules.list();
  }

  @Authenticated({ roles: ['ADMIN'] })
  @Post(':id/pause')
  @HttpCode(200)
  @ApiRoute({
    id: 'pauseSchedule',
    summary: 'Pause a schedule (admins)',
    description: "Stops a schedule's runs until resumed, with a note. Admins only.",
    body: scheduleNoteSchema,
    response: scheduleResponse,
    errors: [403, 404],
  })
  pause(@CurrentActor() actor: Actor, @Param('id') id: string, @Body(new ZodPipe(scheduleNoteSchema)) body: ScheduleNoteInput) {
    return this.schedules.pause(actor.username, id, body.reason);
  }

  @Authenticated({ roles: ['ADMIN'] })
  @Post(':id/resume')
  @HttpCode(200)
  @ApiRoute({
    id: 'resumeSchedule',
    summary: 'Resume a paused schedule (admins)',
    description: 'Lets a paused schedule run again, with a note. Admins only.',
    body: scheduleNoteSchema,
    response: scheduleResponse,
    errors: [403, 404],
  })
  resume(@CurrentActor() actor: Actor, @Param('id') id: string, @Body(new ZodPipe(scheduleNoteSchema)) body: ScheduleNoteInput) {
    return this.schedules.resume(actor.username, id, body.reason);
  }

  @Authenticated({ roles: ['ADMIN'] })
  @Post(':id/trigger')
  @HttpCode(200)
  @ApiRoute({
    id: 'triggerSchedule',
    summary: 'Run a schedule now (admins)',
    description: "Starts one run of the schedule's action now, outside its spec. Admins only.",
    response: scheduleResponse,
    errors: [403, 404],
  })
  trigger(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.schedules.trigger(actor.username, id);
  }
}
