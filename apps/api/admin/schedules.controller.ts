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
  @ApiRoute({ response: scheduleListResponse, errors: [403] })
  list() {
    return this.schedules.list();
  }

  @Authenticated({ roles: ['ADMIN'] })
  @Post(':id/pause')
  @HttpCode(200)
  @ApiRoute({ body: scheduleNoteSchema, response: scheduleResponse, errors: [403, 404] })
  pause(@CurrentActor() actor: Actor, @Param('id') id: string, @Body(new ZodPipe(scheduleNoteSchema)) body: ScheduleNoteInput) {
    return this.schedules.pause(actor.username, id, body.reason);
  }

  @Authenticated({ roles: ['ADMIN'] })
  @Post(':id/resume')
  @HttpCode(200)
  @ApiRoute({ body: scheduleNoteSchema, response: scheduleResponse, errors: [403, 404] })
  resume(@CurrentActor() actor: Actor, @Param('id') id: string, @Body(new ZodPipe(scheduleNoteSchema)) body: ScheduleNoteInput) {
    return this.schedules.resume(actor.username, id, body.reason);
  }

  @Authenticated({ roles: ['ADMIN'] })
  @Post(':id/trigger')
  @HttpCode(200)
  @ApiRoute({ response: scheduleResponse, errors: [403, 404] })
  trigger(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.schedules.trigger(actor.username, id);
  }
}
