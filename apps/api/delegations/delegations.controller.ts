import { Body, Controller, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { DelegationRepository } from '../../../libs/db/delegation.repository';
import { OrgRepository } from '../../../libs/db/org.repository';
import { reviewerLevel, type Actor } from '../../../libs/domain/access-policy';
import { delegationSchema, type DelegationInput } from '../../../libs/domain/schemas';
import { Authenticated, CurrentActor } from '../auth/auth.guard';
import { ApiError } from '../common/api-error';
import { ZodBody } from '../common/openapi';
import { ZodPipe } from '../common/zod.pipe';

/** Ủy quyền: a reviewer hands their level to a deputy between two dates (inclusive, Hà Nội days). */
@ApiTags('delegations')
@Controller('delegations')
export class DelegationsController {
  constructor(
    private readonly delegations: DelegationRepository,
    private readonly orgs: OrgRepository,
  ) {}

  @Authenticated({ roles: ['REVIEWER'] })
  @Post()
  @ZodBody(delegationSchema)
  async create(@CurrentActor() actor: Actor, @Body(new ZodPipe(delegationSchema)) body: DelegationInput) {
    const level = reviewerLevel(actor, await this.orgs.tree());
    if (level !== body.level) throw ApiError.forbidden(`${actor.username} does not review level ${body.level}`);
    if (body.deputy === actor.username) {
      throw new ApiError('VALIDATION_FAILED', 'A reviewer cannot be their own deputy', [{ path: 'deputy', message: 'must be someone else' }]);
    }
    if (!(await this.orgs.findUser(body.deputy))) {
      throw new ApiError('VALIDATION_FAILED', 'Unknown deputy', [{ path: 'deputy', message: `no user ${body.deputy}` }]);
    }
    const created = await this.delegations.create({
      delegator: actor.username,
      deputy: body.deputy,
      level: body.level,
      orgCode: actor.orgCode,
      fromDay: body.from,
      toDay: body.to,
    });
    return { id: created.id, delegator: created.delegator, deputy: created.deputy, level: created.level, orgCode: created.orgCode, from: created.fromDay, to: created.toDay, createdAt: created.createdAt.toISOString() };
  }
}
