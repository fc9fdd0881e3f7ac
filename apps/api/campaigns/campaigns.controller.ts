import { Body, Controller, Get, Header, Param, ParseUUIDPipe, Post, Res, StreamableFile } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { resultToCsv } from '../../../libs/campaigns/result-csv';
import { certificatesToPdf, resultToPdf } from '../../../libs/campaigns/result-pdf';
import type { Actor } from '../../../libs/domain/access-policy';
import { campaignListResponse, campaignResponse, campaignResultResponse } from '../../../libs/domain/campaign-responses';
import { createCampaignSchema, type CreateCampaignInput } from '../../../libs/domain/campaign-schemas';
import { Authenticated, CurrentActor } from '../auth/auth.guard';
import { ApiError } from '../common/api-error';
import { ApiRoute, uuidParams } from '../common/openapi';
import { ZodPipe } from '../common/zod.pipe';
import { CampaignsService } from './campaigns.service';

const campaignId = new ParseUUIDPipe({ exceptionFactory: () => ApiError.notFound('campaign') });

const download = (res: Response, type: string, name: string, body: Buffer) => {
  res.setHeader('Content-Type', type);
  res.setHeader('Content-Disposition', `attachment; filename="${name}"`);
  return new StreamableFile(body);
};

@ApiTags('campaigns')
@Controller('campaigns')
export class CampaignsController {
  constructor(private readonly campaigns: CampaignsService) {}

  @Authenticated({ roles: ['ADMIN'] })
  @Post()
  @ApiRoute({
    id: 'createCampaign',
    summary: 'Create an emulation campaign (admins)',
    description:
      'A campaign (phong trào thi đua), regular or themed, for a year and some awards, open between two instants; schedules open and close it. 409 if its code exists. Admins only.',
    body: createCampaignSchema,
    status: 201,
    response: campaignResponse,
    errors: [403, 409],
  })
  create(@CurrentActor() actor: Actor, @Body(new ZodPipe(createCampaignSchema)) body: CreateCampaignInput) {
    return this.campaigns.create(actor, body);
  }

  @Authenticated()
  @Get()
  @ApiRoute({
    id: 'listCampaigns',
    summary: 'List campaigns',
    description: 'Every campaign with its status (SCHEDULED, OPEN, CLOSED, FINISHED) and its nominations counted by status and level.',
    response: campaignListResponse,
  })
  async list(@CurrentActor() actor: Actor) {
    return { items: await this.campaigns.list(actor) };
  }

  @Authenticated()
  @Get(':id')
  @ApiRoute({
    id: 'getCampaign',
    summary: 'Read a campaign',
    description: 'One campaign with its status and counts.',
    params: uuidParams,
    response: campaignResponse,
    errors: [404],
  })
  get(@CurrentActor() actor: Actor, @Param('id', campaignId) id: string) {
    return this.campaigns.view(actor, id);
  }

  @Authenticated()
  @Get(':id/result')
  @ApiRoute({
    id: 'getCampaignResult',
    summary: "Read a campaign's result",
    description: 'The approved nominations grouped by the authority that decides them, with cash amounts and totals, and what is still pending.',
    params: uuidParams,
    response: campaignResultResponse,
    errors: [404],
  })
  async result(@CurrentActor() actor: Actor, @Param('id', campaignId) id: string) {
    return this.campaigns.resultWithDecisions(actor, id);
  }

  @Authenticated()
  @Get(':id/result.csv')
  @ApiRoute({
    id: 'downloadCampaignResultCsv',
    summary: "Download a campaign's result as CSV",
    description: 'The same result as a CSV file.',
    params: uuidParams,
    file: 'text/csv',
    errors: [404],
  })
  @Header('Cache-Control', 'no-store')
  async csv(@CurrentActor() actor: Actor, @Param('id', campaignId) id: string, @Res({ passthrough: true }) res: Response) {
    const { campaign, result } = await this.campaigns.result(actor, id);
    return download(res, 'text/csv; charset=utf-8', `ket-qua-${campaign.code}.csv`, resultToCsv(result));
  }

  @Authenticated()
  @Get(':id/result.pdf')
  @ApiRoute({
    id: 'downloadCampaignResultPdf',
    summary: "Download a campaign's result as PDF",
    description: 'The same result as a PDF report.',
    params: uuidParams,
    file: 'application/pdf',
    errors: [404],
  })
  async pdf(@CurrentActor() actor: Actor, @Param('id', campaignId) id: string, @Res({ passthrough: true }) res: Response) {
    const { campaign, result } = await this.campaigns.result(actor, id);
    return download(res, 'application/pdf', `du-thao-quyet-dinh-${campaign.code}.pdf`, await resultToPdf(result, campaign));
  }

  @Authenticated()
  @Get(':id/certificates.pdf')
  @ApiRoute({
    id: 'downloadCampaignCertificates',
    summary: "Download a campaign's certificates as PDF",
    description: 'One A4 landscape certificate per approved awardee of the campaign.',
    params: uuidParams,
    file: 'application/pdf',
    errors: [404],
  })
  async certificates(@CurrentActor() actor: Actor, @Param('id', campaignId) id: string, @Res({ passthrough: true }) res: Response) {
    const { campaign, result } = await this.campaigns.result(actor, id);
    return download(res, 'application/pdf', `bang-khen-${campaign.code}.pdf`, await certificatesToPdf(result, campaign));
  }
}
