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
  @ApiRoute({
    id: 'submitNomination',
    summary: 'Submit a nomination (clerks)',
    description:
      "A unit's clerk proposes a nominee (cá nhân or tập thể) for an award, with the dossier's document ids: 201 IN_REVIEW at the route's first level. Refused with 422 NOT_ELIGIBLE (each unmet criterion in details), DOSSIER_INCOMPLETE (each missing document type) or QUOTA_EXCEEDED, 409 CAMPAIGN_CLOSED outside the campaign's window, 403 for another unit. The same requestId again answers the same nomination.",
    body: submitNominationSchema,
    status: 201,
    response: nominationResponse,
    errors: [403, 404, 409, 422],
    example: {
      body: {
        awardCode: 'BANG_KHEN_UBND_TP',
        year: 2026,
        nominee: { kind: 'INDIVIDUAL', fullName: 'Nguyễn Thị Lan', position: 'Chuyên viên' },
        achievements: 'Hoàn thành xuất sắc nhiệm vụ, có hai sáng kiến được công nhận cấp cơ sở.',
        declarations: { rating: 'HTXS', initiatives: ['Số hóa quy trình cấp phép'] },
        documents: ['0f8fad5b-d9cb-469f-a165-70867728950e', '7c9e6679-7425-40de-944b-e07fc1f90ae7'],
        requestId: 'submit-2026-lan',
      },
    },
  })
  submit(@CurrentActor() actor: Actor, @Body(new ZodPipe(submitNominationSchema)) body: SubmitNominationInput) {
    return this.submission.submit(actor, body);
  }

  @Authenticated()
  @Get('nominations')
  @ApiRoute({
    id: 'listNominations',
    summary: 'List nominations',
    description: 'The nominations the caller may see, filtered by status, level, unit, award and campaign, newest first, a page at a time.',
    query: listNominationsQuerySchema,
    response: nominationPageResponse,
  })
  list(@CurrentActor() actor: Actor, @Query(new ZodPipe(listNominationsQuerySchema)) query: ListNominationsQuery) {
    return this.reader.list(actor, query);
  }

  @Authenticated()
  @Get('nominations/:id')
  @ApiRoute({
    id: 'getNomination',
    summary: 'Read a nomination',
    description: 'One nomination with its decisions, dossier, eligibility and law steps; 404 if absent or not visible to the caller.',
    params: uuidParams,
    response: nominationResponse,
    errors: [404],
  })
  get(@CurrentActor() actor: Actor, @Param('id', nominationId) id: string) {
    return this.reader.get(actor, id);
  }

  // Reviewers, and the staff a reviewer delegated to or an admin reassigned the level to.
  @Authenticated({ roles: ['REVIEWER', 'STAFF', 'COUNCIL_MEMBER'] })
  @Post('nominations/:id/decisions')
  @HttpCode(200)
  @ApiRoute({
    id: 'decideNomination',
    summary: 'Decide a nomination at a level (reviewers)',
    description:
      'The reviewer of the current level (or their deputy, or whom an admin reassigned it to) APPROVEs, REJECTs (with a comment and a ground) or RETURNs (with a comment) the nomination. 403 if the caller does not review that level, 409 LEVEL_MISMATCH if it is not the current level, INVALID_STATE if not IN_REVIEW, ON_HOLD while held. The same requestId again answers the same result.',
    params: uuidParams,
    body: decisionSchema,
    response: nominationResponse,
    errors: [403, 404, 409, 422],
    example: {
      body: { level: 'UNIT', decision: 'REJECT', comment: 'Chưa đủ thành tích hai năm liền', ground: 'CRITERIA_NOT_MET', requestId: 'decide-unit-1' },
    },
  })
  decide(@CurrentActor() actor: Actor, @Param('id', nominationId) id: string, @Body(new ZodPipe(decisionSchema)) body: DecisionInput) {
    return this.review.decide(actor, id, body);
  }

  @Authenticated({ roles: ['CLERK'] })
  @Post('nominations/:id/resubmit')
  @HttpCode(200)
  @ApiRoute({
    id: 'resubmitNomination',
    summary: 'Resubmit a returned nomination (clerks)',
    description:
      "The submitting unit's clerk sends a RETURNED nomination back to the level that returned it, with what was supplemented and new document versions. 409 INVALID_STATE unless RETURNED.",
    params: uuidParams,
    body: resubmitSchema,
    response: nominationResponse,
    errors: [403, 404, 409, 422],
    example: {
      body: { comment: 'Đã bổ sung biên bản họp xét', documents: ['9b2f6a8e-3c4d-4e5f-8a9b-0c1d2e3f4a5b'], requestId: 'resubmit-1' },
    },
  })
  resubmit(@CurrentActor() actor: Actor, @Param('id', nominationId) id: string, @Body(new ZodPipe(resubmitSchema)) body: ResubmitInput) {
    return this.review.resubmit(actor, id, body);
  }

  @Authenticated({ roles: ['CLERK'] })
  @Post('nominations/:id/withdraw')
  @HttpCode(200)
  @ApiRoute({
    id: 'withdrawNomination',
    summary: 'Withdraw a nomination (clerks)',
    description: "The submitting unit's clerk withdraws it with a reason: WITHDRAWN, final. 409 once final.",
    params: uuidParams,
    body: withdrawSchema,
    response: nominationResponse,
    errors: [403, 404, 409, 422],
    example: { body: { reason: 'Đơn vị rút hồ sơ để đề nghị năm sau', requestId: 'withdraw-1' } },
  })
  withdraw(@CurrentActor() actor: Actor, @Param('id', nominationId) id: string, @Body(new ZodPipe(withdrawSchema)) body: WithdrawInput) {
    return this.review.withdraw(actor, id, body);
  }

  @Authenticated()
  @Get('inbox')
  @ApiRoute({
    id: 'listInbox',
    summary: "List what waits for the caller's decision",
    description: 'The inbox: nominations waiting at a level the caller reviews (or votes on, or was delegated), the earliest due first, a page at a time.',
    query: inboxQuerySchema,
    response: nominationPageResponse,
  })
  inbox(@CurrentActor() actor: Actor, @Query(new ZodPipe(inboxQuerySchema)) query: InboxQuery) {
    return this.reader.inbox(actor, query);
  }
}
