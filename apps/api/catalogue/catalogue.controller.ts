import { Body, Controller, Get, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { BaseSalaryEntry } from '../../../libs/campaigns/campaign-result';
import { awardsQuerySchema, baseSalaryBodySchema, type AwardsQuery, type BaseSalaryBody } from '../../../libs/catalogue/catalogue-api.schemas';
import { awardView, catalogueView } from '../../../libs/catalogue/award-view';
import { BaseSalaryRepository } from '../../../libs/db/base-salary.repository';
import type { Actor } from '../../../libs/domain/access-policy';
import { catalogueAt } from '../../../libs/domain/award-catalogue';
import { DOCUMENT_TYPES } from '../../../libs/domain/document-types';
import { hanoiDay } from '../../../libs/domain/hanoi-time';
import { awardsResponse, baseSalariesResponse, documentTypesResponse } from '../../../libs/domain/nomination-responses';
import { API_MESSAGES } from '../../../libs/domain/api-messages';
import { Authenticated, CurrentActor } from '../auth/auth.guard';
import { ApiError } from '../common/api-error';
import { ApiRoute } from '../common/openapi';
import { ZodPipe } from '../common/zod.pipe';

@ApiTags('catalogue')
@Controller()
export class CatalogueController {
  constructor(private readonly baseSalaries: BaseSalaryRepository) {}

  @Authenticated()
  @Get('document-types')
  @ApiRoute({
    id: 'listDocumentTypes',
    summary: 'List the dossier document types',
    description: 'The kinds of document a dossier holds (Tờ trình, Báo cáo thành tích, Biên bản họp, …), code and Vietnamese name.',
    response: documentTypesResponse,
  })
  documentTypes() {
    return Object.entries(DOCUMENT_TYPES).map(([code, name]) => ({ code, name }));
  }

  /**
   * Without `at`: today's awards as a list (API.md, Dossiers). With `at`: the whole version in force
   * that day, its rules and money (API.md, The law as data).
   */
  @Authenticated()
  @Get('awards')
  @ApiRoute({
    id: 'listAwards',
    summary: 'Read the award catalogue',
    description:
      'Without `at`: the awards in force today, each with its route of levels, nominee kinds and required documents. With `at=YYYY-MM-DD`: the catalogue version in force that day, with its legal basis and rules.',
    query: awardsQuerySchema,
    response: awardsResponse,
  })
  awards(@Query(new ZodPipe(awardsQuerySchema)) { at }: AwardsQuery) {
    if (at === undefined) return catalogueAt(hanoiDay(new Date())).awards.map(awardView);
    return catalogueView(catalogueAt(at), at);
  }

  @Authenticated({ roles: ['ADMIN'] })
  @Get('admin/base-salary')
  @ApiRoute({
    id: 'listBaseSalaries',
    summary: 'List the base salaries (admins)',
    description: 'The base salary (lương cơ sở) amounts and the day each took effect; cash awards are multiples of it. Admins only.',
    response: baseSalariesResponse,
    errors: [403],
  })
  listBaseSalaries(): Promise<BaseSalaryEntry[]> {
    return this.baseSalaries.list();
  }

  /** Adds an amount from a day on; the whole table comes back, so the caller sees where it fits. */
  @Authenticated({ roles: ['ADMIN'] })
  @Put('admin/base-salary')
  @ApiRoute({
    id: 'addBaseSalary',
    summary: 'Add a base salary (admins)',
    description: 'A new base salary amount from a day on; 409 if that day has one. Admins only.',
    body: baseSalaryBodySchema,
    response: baseSalariesResponse,
    errors: [403, 409],
  })
  async addBaseSalary(@CurrentActor() actor: Actor, @Body(new ZodPipe(baseSalaryBodySchema)) body: BaseSalaryBody): Promise<BaseSalaryEntry[]> {
    const outcome = await this.baseSalaries.add(body, actor.username);
    if (typeof outcome === 'object') {
      throw new ApiError('INVALID_STATE', API_MESSAGES.admin.baseSalaryRecorded, [
        { path: 'effectiveFrom', message: API_MESSAGES.admin.baseSalaryOnDay(body.effectiveFrom, outcome.conflict) },
      ]);
    }
    return this.baseSalaries.list();
  }
}
