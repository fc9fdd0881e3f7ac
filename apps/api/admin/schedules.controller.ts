import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import type { Actor } from '../../../libs/domain/access-policy';
import { CurrentActor } from '../auth/auth.guard';
import { ApiError } from '../common/api-error';
import { ZodBody } from '../common/openapi';
import { ZodPipe } from '../common/zod.pipe';
import { SchedulesService } from './schedules.service';

const noteSchema = z.strictObject({ reason: z.string().trim().min(1).max(2000).optional() });
type NoteInput = z.infer<typeof noteSchema>;

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
  @ZodBody(noteSchema)
  pause(@CurrentActor() actor: Actor, @Param('id') id: string, @Body(new ZodPipe(noteSchema)) body: NoteInput) {
    adminOnly(actor);
    return this.schedules.pause(id, body.reason);
  }

  @Post(':id/resume')
  @HttpCode(200)
  @ZodBody(noteSchema)
  resume(@CurrentActor() actor: Actor, @Param('id') id: string, @Body(new ZodPipe(noteSchema)) body: NoteInput) {
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
