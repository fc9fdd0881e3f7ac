import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { scheduleNoteSchema, type ScheduleNoteInput } from '../../../libs/domain/admin-schemas';
import { Authenticated } from '../auth/auth.guard';
import { ZodBody } from '../common/openapi';
import { ZodPipe } from '../common/zod.pipe';
import { SchedulesService } from './schedules.service';

@ApiTags('campaigns')
@Controller('admin/schedules')
export class SchedulesController {
  constructor(private readonly schedules: SchedulesService) {}

  @Authenticated({ roles: ['ADMIN'] })
  @Get()
  list() {
    return this.schedules.list();
  }

  @Authenticated({ roles: ['ADMIN'] })
  @Post(':id/pause')
  @HttpCode(200)
  @ZodBody(scheduleNoteSchema)
  pause(@Param('id') id: string, @Body(new ZodPipe(scheduleNoteSchema)) body: ScheduleNoteInput) {
    return this.schedules.pause(id, body.reason);
  }

  @Authenticated({ roles: ['ADMIN'] })
  @Post(':id/resume')
  @HttpCode(200)
  @ZodBody(scheduleNoteSchema)
  resume(@Param('id') id: string, @Body(new ZodPipe(scheduleNoteSchema)) body: ScheduleNoteInput) {
    return this.schedules.resume(id, body.reason);
  }

  @Authenticated({ roles: ['ADMIN'] })
  @Post(':id/trigger')
  @HttpCode(200)
  trigger(@Param('id') id: string) {
    return this.schedules.trigger(id);
  }
}
