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
  @ApiRoute({ body: delegationSchema, status: 201, response: delegationResponse, errors: [403, 409, 422] })
  create(@CurrentActor() actor: Actor, @Body(new ZodPipe(delegationSchema)) body: DelegationInput) {
    return this.delegations.create(actor, body);
  }

  @Authenticated()
  @Get()
  @ApiRoute({ response: delegationListResponse })
  list(@CurrentActor() actor: Actor) {
    return this.delegations.list(actor);
  }

  @Authenticated({ roles: ['REVIEWER', 'ADMIN'] })
  @Delete(':id')
  @HttpCode(204)
  @ApiRoute({ params: uuidParams, status: 204, errors: [403, 404] })
  async revoke(@CurrentActor() actor: Actor, @Param('id', delegationId) id: string): Promise<void> {
    await this.delegations.revoke(actor, id);
  }
}
