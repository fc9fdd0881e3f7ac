import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../../libs/domain/access-policy';
import {
  externalDecisionSchema,
  objectionSchema,
  opinionSchema,
  type ExternalDecisionInput,
  type ObjectionInput,
  type OpinionInput,
} from '../../../libs/domain/law-schemas';
import { nominationResponse, objectionResponse, postingsResponse } from '../../../libs/domain/nomination-responses';
import { Authenticated, CurrentActor } from '../auth/auth.guard';
import { ApiError } from '../common/api-error';
import { ApiRoute, uuidParams } from '../common/openapi';
import { ZodPipe } from '../common/zod.pipe';
import { LawStepsService } from './law-steps.service';

const nominationId = new ParseUUIDPipe({ exceptionFactory: () => ApiError.notFound() });

@ApiTags('law steps')
@Controller()
export class LawStepsController {
  constructor(private readonly law: LawStepsService) {}

  @Authenticated()
  @Get('postings')
  @ApiRoute({
    id: 'listPostings',
    summary: 'List the nominations publicly posted',
    description: 'The nominations now in public posting (niêm yết công khai): nominee, award, unit, and when the posting ends.',
    response: postingsResponse,
  })
  postings() {
    return this.law.postings();
  }

  @Authenticated()
  @Post('nominations/:id/objections')
  @HttpCode(201)
  @ApiRoute({
    id: 'fileObjection',
    summary: 'Object to a posted nomination',
    description: 'Any signed-in user files an objection (ý kiến phản ánh) to a nomination while it is posted; its reviewers see it. 409 outside the posting.',
    params: uuidParams,
    body: objectionSchema,
    status: 201,
    response: objectionResponse,
    errors: [404, 409],
    example: { body: { text: 'Cá nhân này chưa hoàn thành nhiệm vụ năm 2025' } },
  })
  objection(@CurrentActor() actor: Actor, @Param('id', nominationId) id: string, @Body(new ZodPipe(objectionSchema)) body: ObjectionInput) {
    return this.law.objection(actor, id, body);
  }

  // Agencies' officers are staff of their agency; the service checks the agency is consulted on this nomination.
  @Authenticated({ roles: ['STAFF'] })
  @Post('nominations/:id/opinions')
  @HttpCode(200)
  @ApiRoute({
    id: 'giveOpinion',
    summary: 'Answer a consultation (consulted agencies)',
    description:
      'A user of a consulted agency (Sở Nội vụ, Công an thành phố) answers AGREE or DISAGREE with a comment (lấy ý kiến). 409 once answered or outside the consultation.',
    params: uuidParams,
    body: opinionSchema,
    response: nominationResponse,
    errors: [403, 404, 409],
  })
  opinion(@CurrentActor() actor: Actor, @Param('id', nominationId) id: string, @Body(new ZodPipe(opinionSchema)) body: OpinionInput) {
    return this.law.opinion(actor, id, body);
  }

  @Authenticated({ roles: ['ADMIN'] })
  @Post('nominations/:id/external-decision')
  @HttpCode(200)
  @ApiRoute({
    id: 'recordExternalDecision',
    summary: "Record the central level's decision (admins)",
    description: "For a FORWARDED nomination: the central decision's reference, date and outcome. Admins only.",
    params: uuidParams,
    body: externalDecisionSchema,
    response: nominationResponse,
    errors: [403, 404, 409],
  })
  externalDecision(
    @CurrentActor() actor: Actor,
    @Param('id', nominationId) id: string,
    @Body(new ZodPipe(externalDecisionSchema)) body: ExternalDecisionInput,
  ) {
    return this.law.externalDecision(actor, id, body);
  }
}
