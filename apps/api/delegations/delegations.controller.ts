import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../../libs/domain/access-policy';
import { delegationListResponse, delegationResponse } from '../../../libs/domain/api-responses';
import { delegationSchema, type DelegationInput } from '../../../libs/domain/schemas';
import { Authenticated, CurrentActor } from '../auth/auth.guard';
import { ApiError } from '../common/api-error';
import { ApiRoute, uuidParams } from '../common/openapi';
import { ZodPipe } from '../common/zod.pipe';
import { DelegationsService } from './delegations.service';

const delegationId = new ParseUUIDPipe({ exceptionFactory: () => ApiError.notFound('delegation') });

/** Ủy quyền: a reviewer hands their level to a deputy between two dates (inclusive, Hà Nội days). */
@ApiTags('delegations')
@Controller('delegations')
export class DelegationsController {
  constructor(private readonly delegations: DelegationsService) {}

  @Authenticated({ roles: ['REVIEWER'] })
  @Post()
  @ApiRoute({
    id: 'createDelegation',
    summary: 'Delegate a level to a deputy (reviewers)',
    description:
      "Lets a staff member of the reviewer's organisation decide the reviewer's level between two days (ủy quyền); their decisions show onBehalfOf. From today on, at most DELEGATION_MAX_DAYS long. Reviewers only.",
    body: delegationSchema,
    status: 201,
    response: delegationResponse,
    errors: [403, 409, 422],
    example: { body: { deputy: 'dept-a.staff', level: 'DEPARTMENT', from: '2026-07-01', to: '2026-07-14' } },
  })
  create(@CurrentActor() actor: Actor, @Body(new ZodPipe(delegationSchema)) body: DelegationInput) {
    return this.delegations.create(actor, body);
  }

  @Authenticated()
  @Get()
  @ApiRoute({
    id: 'listDelegations',
    summary: "List the caller's delegations",
    description: 'The delegations the caller gave and those they received.',
    response: delegationListResponse,
  })
  list(@CurrentActor() actor: Actor) {
    return this.delegations.list(actor);
  }

  @Authenticated({ roles: ['REVIEWER', 'ADMIN'] })
  @Delete(':id')
  @HttpCode(204)
  @ApiRoute({
    id: 'revokeDelegation',
    summary: 'Revoke a delegation',
    description: 'Ends a delegation now; only its delegator or an admin may.',
    params: uuidParams,
    status: 204,
    errors: [403, 404],
  })
  async revoke(@CurrentActor() actor: Actor, @Param('id', delegationId) id: string): Promise<void> {
    await this.delegations.revoke(actor, id);
  }
}
