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
  @ApiRoute({
    id: 'castVote',
    summary: 'Cast a council vote',
    description:
      'A council member of the current level votes FOR or AGAINST (bỏ phiếu kín); the answer says how many voted, never who voted how. A second vote by the same member is 409.',
    params: uuidParams,
    body: voteSchema,
    response: ballotStatusResponse,
    errors: [403, 404, 409, 422],
    example: { body: { vote: 'FOR', requestId: 'vote-1' }, response: { level: 'SO', membersTotal: 5, votesCast: 3, closed: false } },
  })
  vote(@CurrentActor() actor: Actor, @Param('id', nominationId) id: string, @Body(new ZodPipe(voteSchema)) body: VoteInput) {
    return this.council.vote(actor, id, body);
  }

  @Authenticated({ roles: ['REVIEWER', 'COUNCIL_MEMBER'] })
  @Post('close')
  @HttpCode(200)
  @ApiRoute({
    id: 'closeVote',
    summary: 'Close a council vote (the chair)',
    description:
      "The council's chair closes the ballot: at or above the threshold the level approves, below it rejects with ground CRITERIA_NOT_MET; the decision carries the tally.",
    params: uuidParams,
    body: closeVoteSchema,
    response: nominationResponse,
    errors: [403, 404, 409, 422],
  })
  close(@CurrentActor() actor: Actor, @Param('id', nominationId) id: string, @Body(new ZodPipe(closeVoteSchema)) body: CloseVoteInput) {
    return this.council.close(actor, id, body);
  }
}
