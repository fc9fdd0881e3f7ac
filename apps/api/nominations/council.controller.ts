import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../../libs/domain/access-policy';
import { ballotStatusResponse, nominationResponse } from '../../../libs/domain/nomination-responses';
import { closeVoteSchema, voteSchema, type CloseVoteInput, type VoteInput } from '../../../libs/domain/schemas';
import { Authenticated, CurrentActor } from '../auth/auth.guard';
import { ApiError } from '../common/api-error';
import { ApiRoute, uuidParams } from '../common/openapi';
import { ZodPipe } from '../common/zod.pipe';
import { CouncilService } from './council.service';

const nominationId = new ParseUUIDPipe({ exceptionFactory: () => ApiError.notFound() });

@ApiTags('councils')
@Controller('nominations/:id/votes')
export class CouncilController {
  constructor(private readonly council: CouncilService) {}

  @Authenticated({ roles: ['REVIEWER', 'COUNCIL_MEMBER'] })
  @Post()
  @HttpCode(200)
  @ApiRoute({ params: uuidParams, body: voteSchema, response: ballotStatusResponse, errors: [403, 404, 409, 422] })
  vote(@CurrentActor() actor: Actor, @Param('id', nominationId) id: string, @Body(new ZodPipe(voteSchema)) body: VoteInput) {
    return this.council.vote(actor, id, body);
  }

  @Authenticated({ roles: ['REVIEWER', 'COUNCIL_MEMBER'] })
  @Post('close')
  @HttpCode(200)
  @ApiRoute({ params: uuidParams, body: closeVoteSchema, response: nominationResponse, errors: [403, 404, 409, 422] })
  close(@CurrentActor() actor: Actor, @Param('id', nominationId) id: string, @Body(new ZodPipe(closeVoteSchema)) body: CloseVoteInput) {
    return this.council.close(actor, id, body);
  }
}
