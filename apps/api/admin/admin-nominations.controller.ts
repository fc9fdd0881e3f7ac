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
  @ApiRoute({
    id: 'listStuckNominations',
    summary: 'List stuck nominations (admins)',
    description:
      'The nominations that wait on something: overdue at a level, a workflow task failing, an activity retrying, a state mismatch, an email failing, a hold. Each with the reason in Vietnamese, who it waits on and a link to Temporal UI. Admins only.',
    query: stuckQuerySchema,
    response: stuckPageResponse,
    errors: [403],
  })
  list(@Query(new ZodPipe(stuckQuerySchema)) query: StuckQuery) {
    return this.stuck.list(query);
  }

  @Authenticated({ roles: ['ADMIN'] })
  @Post('nominations/deadline')
  @HttpCode(200)
  @ApiRoute({
    id: 'setDeadlines',
    summary: 'Set the deadline of many nominations at once (admins)',
    description:
      "Sets the current level's deadline (dueAt) of every nomination the filter (the stuck list's filters) selects, re-arming their reminder and escalation timers; answers how many changed. A reason is required. Admins only.",
    body: bulkDeadlineSchema,
    response: bulkDeadlineResponse,
    errors: [403, 422],
  })
  bulkDeadline(@CurrentActor() actor: Actor, @Body(new ZodPipe(bulkDeadlineSchema)) body: BulkDeadlineInput) {
    return this.actions.bulkDeadline(actor, body);
  }

  @Authenticated({ roles: ['ADMIN'] })
  @Post('nominations/:id/nudge')
  @HttpCode(200)
  @ApiRoute({
    id: 'nudgeNomination',
    summary: "Remind the current level's reviewer (admins)",
    description: "Sends the current level's reviewer a reminder now, with the admin's reason; the nomination is unchanged. 409 once it is final. Admins only.",
    params: uuidParams,
    body: adminReasonSchema,
    response: nominationResponse,
    errors: [403, 404, 409, 422],
  })
  nudge(@CurrentActor() actor: Actor, @Param('id', nominationId) id: string, @Body(new ZodPipe(adminReasonSchema)) body: AdminReasonInput) {
    return this.actions.nudge(actor, id, body);
  }

  @Authenticated({ roles: ['ADMIN'] })
  @Post('nominations/:id/reassign')
  @HttpCode(200)
  @ApiRoute({
    id: 'reassignNomination',
    summary: 'Hand the current level to another reviewer (admins)',
    description:
      'Lets another user decide the current level of this nomination (the level must be the current one), with a reason kept in the audit trail. Admins only.',
    params: uuidParams,
    body: adminReassignSchema,
    response: nominationResponse,
    errors: [403, 404, 409, 422],
  })
  reassign(@CurrentActor() actor: Actor, @Param('id', nominationId) id: string, @Body(new ZodPipe(adminReassignSchema)) body: AdminReassignInput) {
    return this.actions.reassign(actor, id, body);
  }

  @Authenticated({ roles: ['ADMIN'] })
  @Post('nominations/:id/deadline')
  @HttpCode(200)
  @ApiRoute({
    id: 'setNominationDeadline',
    summary: "Move the current level's deadline (admins)",
    description: "Sets the current level's dueAt, later or earlier, and re-arms its reminder and escalation timers. A reason is required. Admins only.",
    params: uuidParams,
    body: adminDeadlineSchema,
    response: nominationResponse,
    errors: [403, 404, 409, 422],
  })
  deadline(@CurrentActor() actor: Actor, @Param('id', nominationId) id: string, @Body(new ZodPipe(adminDeadlineSchema)) body: AdminDeadlineInput) {
    return this.actions.deadline(actor, id, body);
  }

  @Authenticated({ roles: ['ADMIN'] })
  @Post('nominations/:id/repair')
  @HttpCode(200)
  @ApiRoute({
    id: 'repairNomination',
    summary: 'Bring the read model back in line with the workflow (admins)',
    description: "Rewrites the nomination's row from its workflow's state after a STATE_MISMATCH, with a reason kept in the audit trail. Admins only.",
    params: uuidParams,
    body: adminReasonSchema,
    response: nominationResponse,
    errors: [403, 404, 409, 422],
  })
  repair(@CurrentActor() actor: Actor, @Param('id', nominationId) id: string, @Body(new ZodPipe(adminReasonSchema)) body: AdminReasonInput) {
    return this.actions.repair(actor, id, body);
  }
}
