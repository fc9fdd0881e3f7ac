import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../../libs/domain/access-policy';
import { scheduleNoteSchema, type ScheduleNoteInput } from '../../../libs/domain/admin-schemas';
import { CurrentActor } from '../auth/auth.guard';
import { ApiError } from '../common/api-error';
import { ZodBody } from '../common/openapi';
import { ZodPipe } from '../common/zod.pipe';
import { SchedulesService } from './schedules.service';

function adminOnly(actor: Actor): void {
  if (actor.role !== 'ADMIN') throw ApiError.forbidden('Only an admin manages the schedules');
}

@ApiTags('campaigns')
@ApiBearerAuth()
@Controller('admin/schedules')
export class SchedulesController {
  constructor(private readonly schedules: SchedulesService) {}

  @Get()
  list(@CurrentActor() actor: Actor) {
    adminOnly(actor);
    return this.schedules.list();
  }

  @Post(':id/pause')
  @HttpCode(200)
  @ZodBody(scheduleNoteSchema)
  pause(@CurrentActor() actor: Actor, @Param('id') id: string, @Body(new ZodPipe(scheduleNoteSchema)) body: ScheduleNoteInput) {
    adminOnly(actor);
    return this.schedules.pause(id, body.reason);
  }

  @Post(':id/resume')
  @HttpCode(200)
  @ZodBody(scheduleNoteSchema)
  resume(@CurrentActor() actor: Actor, @Param('id') id: string, @Body(new ZodPipe(scheduleNoteSchema)) body: ScheduleNoteInput) {
    adminOnly(actor);
    return this.schedules.resume(id, body.reason);
  }

  @Post(':id/trigger')
  @HttpCode(200)
  trigger(@CurrentActor() actor: Actor, @Param('id') id: string) {
    adminOnly(actor);
    return this.schedules.trigger(id);
  }
}
