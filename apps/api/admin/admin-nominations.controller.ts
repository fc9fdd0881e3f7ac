import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../../libs/domain/access-policy';
import {
  adminDeadlineSchema,
  adminReasonSchema,
  adminReassignSchema,
  bulkDeadlineSchema,
  stuckQuerySchema,
  type AdminDeadlineInput,
  type AdminReasonInput,
  type AdminReassignInput,
  type BulkDeadlineInput,
  type StuckQuery,
} from '../../../libs/domain/admin-schemas';
import { stuckPageResponse } from '../../../libs/domain/admin-responses';
import { bulkDeadlineResponse, nominationResponse } from '../../../libs/domain/nomination-responses';
import { Authenticated, CurrentActor } from '../auth/auth.guard';
import { ApiError } from '../common/api-error';
import { ApiRoute, uuidParams } from '../common/openapi';
import { ZodPipe } from '../common/zod.pipe';
import { AdminActionsService } from './admin-actions.service';
import { StuckService } from './stuck.service';

const nominationId = new ParseUUIDPipe({ exceptionFactory: () => ApiError.notFound() });

@ApiTags('admin')
@Controller('admin')
export class AdminNominationsController {
  constructor(
    private readonly stuck: StuckService,
    private readonly actions: AdminActionsService,
  ) {}

  @Authenticated({ roles: ['ADMIN'] })
  @Get('stuck')
  @ApiRoute({ query: stuckQuerySchema, response: stuckPageResponse, errors: [403] })
  list(@Query(new ZodPipe(stuckQuerySchema)) query: StuckQuery) {
    return this.stuck.list(query);
  }

  @Authenticated({ roles: ['ADMIN'] })
  @Post('nominations/deadline')
  @HttpCode(200)
  @ApiRoute({ body: bulkDeadlineSchema, response: bulkDeadlineResponse, errors: [403, 422] })
  bulkDeadline(@CurrentActor() actor: Actor, @Body(new ZodPipe(bulkDeadlineSchema)) body: BulkDeadlineInput) {
    return this.actions.bulkDeadline(actor, body);
  }

  @Authenticated({ roles: ['ADMIN'] })
  @Post('nominations/:id/nudge')
  @HttpCode(200)
  @ApiRoute({ params: uuidParams, body: adminReasonSchema, response: nominationResponse, errors: [403, 404, 409, 422] })
  nudge(@CurrentActor() actor: Actor, @Param('id', nominationId) id: string, @Body(new ZodPipe(adminReasonSchema)) body: AdminReasonInput) {
    return this.actions.nudge(actor, id, body);
  }

  @Authenticated({ roles: ['ADMIN'] })
  @Post('nominations/:id/reassign')
  @HttpCode(200)
  @ApiRoute({ params: uuidParams, body: adminReassignSchema, response: nominationResponse, errors: [403, 404, 409, 422] })
  reassign(@CurrentActor() actor: Actor, @Param('id', nominationId) id: string, @Body(new ZodPipe(adminReassignSchema)) body: AdminReassignInput) {
    return this.actions.reassign(actor, id, body);
  }

  @Authenticated({ roles: ['ADMIN'] })
  @Post('nominations/:id/deadline')
  @HttpCode(200)
  @ApiRoute({ params: uuidParams, body: adminDeadlineSchema, response: nominationResponse, errors: [403, 404, 409, 422] })
  deadline(@CurrentActor() actor: Actor, @Param('id', nominationId) id: string, @Body(new ZodPipe(adminDeadlineSchema)) body: AdminDeadlineInput) {
    return this.actions.deadline(actor, id, body);
  }

  @Authenticated({ roles: ['ADMIN'] })
  @Post('nominations/:id/repair')
  @HttpCode(200)
  @ApiRoute({ params: uuidParams, body: adminReasonSchema, response: nominationResponse, errors: [403, 404, 409, 422] })
  repair(@CurrentActor() actor: Actor, @Param('id', nominationId) id: string, @Body(new ZodPipe(adminReasonSchema)) body: AdminReasonInput) {
    return this.actions.repair(actor, id, body);
  }
}
