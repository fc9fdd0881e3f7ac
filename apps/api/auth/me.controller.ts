import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { OrgRepository } from '../../../libs/db/org.repository';
import { watchedLevel, type Actor } from '../../../libs/domain/access-policy';
import type { Level } from '../../../libs/domain/levels';
import { meResponse } from '../../../libs/domain/api-responses';
import { ApiRoute } from '../common/openapi';
import { Authenticated, CurrentActor } from './auth.guard';

@ApiTags('auth')
@Controller('auth')
export class MeController {
  constructor(private readonly orgs: OrgRepository) {}

  /**
   * Who the token names, and the level they review or vote on (null for none): the web app picks its
   * navigation and the actions it offers from these; the API still decides every command itself.
   */
  @Authenticated()
  @Get('me')
  @ApiRoute({
    id: 'getMe',
    summary: 'Who the caller is',
    description: 'The signed-in user as the directory knows them: username, display name, role, organisation, council seat, and the level they review.',
    response: meResponse,
  })
  async me(@CurrentActor() actor: Actor): Promise<Actor & { orgName: string; reviewsLevel: Level | null }> {
    const tree = await this.orgs.tree();
    const reviewsLevel = watchedLevel(actor, tree);
    return {
      username: actor.username,
      displayName: actor.displayName,
      role: actor.role,
      orgCode: actor.orgCode,
      orgName: tree.nameOf(actor.orgCode),
      councilSeat: actor.councilSeat ?? null,
      reviewsLevel,
    };
  }
}
