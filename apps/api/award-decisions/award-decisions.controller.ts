import { Body, Controller, Get, Header, HttpCode, Param, ParseUUIDPipe, Post, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Actor } from '../../../libs/domain/access-policy';
import { awardDecisionListResponse, awardDecisionResponse } from '../../../libs/domain/award-decision-responses';
import {
  awardDecisionQuerySchema,
  createAwardDecisionSchema,
  issueAwardDecisionSchema,
  revokeAwardDecisionSchema,
  type AwardDecisionQuery,
  type CreateAwardDecisionInput,
  type IssueAwardDecisionInput,
  type RevokeAwardDecisionInput,
} from '../../../libs/domain/award-decision-schemas';
import { Authenticated, CurrentActor } from '../auth/auth.guard';
import { ApiError } from '../common/api-error';
import { ApiRoute, uuidParams } from '../common/openapi';
import { ZodPipe } from '../common/zod.pipe';
import { AwardDecisionsService } from './award-decisions.service';

const decisionId = new ParseUUIDPipe({ exceptionFactory: () => ApiError.notFound('awardDecision') });

/** `12/QĐ-SCT` as a file name: `qd-12-QD-SCT`. */
const fileName = (prefix: string, number: string | null) =>
  `${prefix}-${(number ?? 'du-thao')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9-]+/g, '-')}.pdf`;

const pdf = (res: Response, name: string, body: Buffer) => {
  res.setHeader('Content-Type', 'application/pdf');
  res.setHeader('Content-Disposition', `attachment; filename="${name}"`);
  return new StreamableFile(body);
};

@ApiTags('award-decisions')
@Controller('award-decisions')
export class AwardDecisionsController {
  constructor(private readonly decisions: AwardDecisionsService) {}

  @Authenticated({ roles: ['ADMIN'] })
  @Post()
  @ApiRoute({
    id: 'draftAwardDecision',
    summary: 'Draft an award decision (admins)',
    description:
      'A draft award decision (quyết định khen thưởng) of one authority for one award and year, listing approved nominations with their cash amounts. Every nomination must be APPROVED for that award, decided by this authority, and in no other unrevoked decision: otherwise 409 INVALID_STATE with one detail per id. Admins only.',
    body: createAwardDecisionSchema,
    status: 201,
    response: awardDecisionResponse,
    errors: [403, 409, 422],
    example: {
      body: { awardCode: 'GIAY_KHEN_GIAM_DOC_SO', year: 2026, nominationIds: ['0f8fad5b-d9cb-469f-a165-70867728950e'], requestId: 'draft-2026-1' },
    },
  })
  create(@CurrentActor() actor: Actor, @Body(new ZodPipe(createAwardDecisionSchema)) body: CreateAwardDecisionInput) {
    return this.decisions.create(actor, body);
  }

  @Authenticated()
  @Get()
  @ApiRoute({
    id: 'listAwardDecisions',
    summary: 'List award decisions',
    description: "The award decisions by year, award and status: all for admins, those that name the caller's unit for a unit's users.",
    query: awardDecisionQuerySchema,
    response: awardDecisionListResponse,
  })
  list(@CurrentActor() actor: Actor, @Query(new ZodPipe(awardDecisionQuerySchema)) query: AwardDecisionQuery) {
    return this.decisions.list(actor, query);
  }

  @Authenticated()
  @Get(':id')
  @ApiRoute({
    id: 'getAwardDecision',
    summary: 'Read an award decision',
    description: 'One award decision with its items and total; 404 if the caller may not see it.',
    params: uuidParams,
    response: awardDecisionResponse,
    errors: [404],
  })
  get(@CurrentActor() actor: Actor, @Param('id', decisionId) id: string) {
    return this.decisions.get(actor, id);
  }

  @Authenticated({ roles: ['ADMIN'] })
  @Post(':id/issue')
  @HttpCode(200)
  @ApiRoute({
    id: 'issueAwardDecision',
    summary: 'Issue an award decision (admins)',
    description:
      'Gives the draft its number (12/QĐ-SCT, counted per authority and year), signs its PDF, records each item in the award history and gives each nomination its awardDecision. 409 unless DRAFT. Admins only.',
    params: uuidParams,
    body: issueAwardDecisionSchema,
    status: 200,
    response: awardDecisionResponse,
    errors: [403, 404, 409],
    example: { body: { signer: 'Giám đốc Nguyễn Văn An', requestId: 'issue-2026-1' } },
  })
  issue(@CurrentActor() actor: Actor, @Param('id', decisionId) id: string, @Body(new ZodPipe(issueAwardDecisionSchema)) body: IssueAwardDecisionInput) {
    return this.decisions.issue(actor, id, body);
  }

  @Authenticated({ roles: ['ADMIN'] })
  @Post(':id/revoke')
  @HttpCode(200)
  @ApiRoute({
    id: 'revokeAwardDecision',
    summary: 'Revoke an issued award decision (admins)',
    description:
      'Marks the decision REVOKED with a reason: its history entries stop counting toward eligibility; its number is never reused and its document stays retrievable. 409 unless ISSUED. Admins only.',
    params: uuidParams,
    body: revokeAwardDecisionSchema,
    status: 200,
    response: awardDecisionResponse,
    errors: [403, 404, 409],
    example: { body: { reason: 'Phát hiện sai sót trong hồ sơ thành tích', requestId: 'revoke-2026-1' } },
  })
  revoke(@CurrentActor() actor: Actor, @Param('id', decisionId) id: string, @Body(new ZodPipe(revokeAwardDecisionSchema)) body: RevokeAwardDecisionInput) {
    return this.decisions.revoke(actor, id, body);
  }

  @Authenticated()
  @Get(':id/document.pdf')
  @ApiRoute({
    id: 'downloadAwardDecisionDocument',
    summary: 'Download the award decision as PDF',
    description:
      "The decision laid out as Nghị định 30/2020 prescribes, with its annex of awardees and amounts; once issued, PAdES-signed with the authority's key.",
    params: uuidParams,
    file: 'application/pdf',
    errors: [404],
  })
  @Header('Cache-Control', 'no-store')
  async document(@CurrentActor() actor: Actor, @Param('id', decisionId) id: string, @Res({ passthrough: true }) res: Response) {
    const { decision, pdf: body } = await this.decisions.document(actor, id);
    return pdf(res, fileName('quyet-dinh', decision.number), body);
  }

  @Authenticated()
  @Get(':id/certificates.pdf')
  @ApiRoute({
    id: 'downloadAwardDecisionCertificates',
    summary: 'Download the certificates of an issued award decision as PDF',
    description: 'One A4 landscape certificate (giấy khen, bằng khen) per awardee. 409 unless the decision is issued.',
    params: uuidParams,
    file: 'application/pdf',
    errors: [404, 409],
  })
  @Header('Cache-Control', 'no-store')
  async certificates(@CurrentActor() actor: Actor, @Param('id', decisionId) id: string, @Res({ passthrough: true }) res: Response) {
    const { decision, pdf: body } = await this.decisions.certificates(actor, id);
    return pdf(res, fileName('bang-khen', decision.number), body);
  }
}
