import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../../libs/domain/access-policy';
import {
  decisionSchema,
  inboxQuerySchema,
  listNominationsQuerySchema,
  resubmitSchema,
  submitNominationSchema,
  withdrawSchema,
  type DecisionInput,
  type InboxQuery,
  type ListNominationsQuery,
  type ResubmitInput,
  type SubmitNominationInput,
  type WithdrawInput,
} from '../../../libs/domain/schemas';
import { nominationPageResponse, nominationResponse } from '../../../libs/domain/nomination-responses';
import { Authenticated, CurrentActor } from '../auth/auth.guard';
import { ApiError } from '../common/api-error';
import { ApiRoute, uuidParams } from '../common/openapi';
import { ZodPipe } from '../common/zod.pipe';
import { NominationReader } from './nomination-reader';
import { ReviewCommandsService } from './review-commands.service';
import { SubmissionService } from './submission.service';

const nominationId = new ParseUUIDPipe({ exceptionFactory: () => ApiError.notFound() });

@ApiTags('nominations')
@Controller()
export class NominationsController {
  constructor(
    private readonly submission: SubmissionService,
    private readonly review: ReviewCommandsService,
    private readonly reader: NominationReader,
  ) {}

  @Authenticated({ roles: ['CLERK'] })
  @Post('nominations')
  @ApiRoute({ body: submitNominationSchema, status: 201, response: nominationResponse, errors: [403, 404, 409, 422] })
  submit(@CurrentActor() actor: Actor, @Body(new ZodPipe(submitNominationSchema)) body: SubmitNominationInput) {
    return this.submission.submit(actor, body);
  }

  @Authenticated()
  @Get('nominations')
  @ApiRoute({ query: listNominationsQuerySchema, response: nominationPageResponse })
  list(@CurrentActor() actor: Actor, @Query(new ZodPipe(listNominationsQuerySchema)) query: ListNominationsQuery) {
    return this.reader.list(actor, query);
  }

  @Authenticated()
  @Get('nominations/:id')
  @ApiRoute({ params: uuidParams, response: nominationResponse, errors: [404] })
  get(@CurrentActor() actor: Actor, @Param('id', nominationId) id: string) {
    return this.reader.get(actor, id);
  }

  // Reviewers, and the staff a reviewer delegated to or an admin reassigned the level to.
  @Authenticated({ roles: ['REVIEWER', 'STAFF', 'COUNCIL_MEMBER'] })
  @Post('nominations/:id/decisions')
  @HttpCode(200)
  @ApiRoute({ params: uuidParams, body: decisionSchema, response: nominationResponse, errors: [403, 404, 409, 422] })
  decide(@CurrentActor() actor: Actor, @Param('id', nominationId) id: string, @Body(new ZodPipe(decisionSchema)) body: DecisionInput) {
    return this.review.decide(actor, id, body);
  }

  @Authenticated({ roles: ['CLERK'] })
  @Post('nominations/:id/resubmit')
  @HttpCode(200)
  @ApiRoute({ params: uuidParams, body: resubmitSchema, response: nominationResponse, errors: [403, 404, 409, 422] })
  resubmit(@CurrentActor() actor: Actor, @Param('id', nominationId) id: string, @Body(new ZodPipe(resubmitSchema)) body: ResubmitInput) {
    return this.review.resubmit(actor, id, body);
  }

  @Authenticated({ roles: ['CLERK'] })
  @Post('nominations/:id/withdraw')
  @HttpCode(200)
  @ApiRoute({ params: uuidParams, body: withdrawSchema, response: nominationResponse, errors: [403, 404, 409, 422] })
  withdraw(@CurrentActor() actor: Actor, @Param('id', nominationId) id: string, @Body(new ZodPipe(withdrawSchema)) body: WithdrawInput) {
    return this.review.withdraw(actor, id, body);
  }

  @Authenticated()
  @Get('inbox')
  @ApiRoute({ query: inboxQuerySchema, response: nominationPageResponse })
  inbox(@CurrentActor() actor: Actor, @Query(new ZodPipe(inboxQuerySchema)) query: InboxQuery) {
    return this.reader.inbox(actor, query);
  }
}
