import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { createHash } from 'node:crypto';
import { AwardHistoryRepository } from '../../../libs/db/award-history.repository';
import { OrgRepository } from '../../../libs/db/org.repository';
import type { Actor } from '../../../libs/domain/access-policy';
import { awardHistoryImportResponse, awardHistoryPageResponse } from '../../../libs/domain/admin-responses';
import { awardHistoryQuerySchema, type AwardHistoryQuery } from '../../../libs/domain/admin-schemas';
import { AWARD_HISTORY_HEADER, parseAwardHistoryCsv } from '../../../libs/eligibility/award-history-csv';
import { API_MESSAGES } from '../../../libs/domain/api-messages';
import { Authenticated, CurrentActor } from '../auth/auth.guard';
import { ApiError } from '../common/api-error';
import { ApiRoute } from '../common/openapi';
import { ZodPipe } from '../common/zod.pipe';

@ApiTags('review rules')
@Controller('admin/award-history')
export class AwardHistoryController {
  constructor(
    private readonly history: AwardHistoryRepository,
    private readonly orgs: OrgRepository,
  ) {}

  @Authenticated({ roles: ['ADMIN'] })
  @Post('import')
  @HttpCode(200)
  @ApiRoute({
    id: 'importAwardHistory',
    summary: 'Import past awards from CSV (admins)',
    description:
      'A text/csv body with the header fullName,unitCode,awardCode,year,decisionRef (and optionally basis): the awards granted before this system, which eligibility reads. All rows or none: a bad row is a 400 naming it (line:<n>). Admins only.',
    bodyFile: { mediaType: 'text/csv', example: `${AWARD_HISTORY_HEADER.join(',')}\nNguyễn Thị Lan,U1,CSTD_CO_SO,2025,QĐ 123/QĐ-SCT ngày 15/12/2025,REGULAR` },
    response: awardHistoryImportResponse,
    errors: [403],
  })
  async import(@CurrentActor() actor: Actor, @Body() body: unknown): Promise<{ imported: number }> {
    // Any other content type leaves the body parsed as an object, or not at all.
    if (typeof body !== 'string' || body.trim() === '') {
      throw new ApiError('VALIDATION_FAILED', API_MESSAGES.admin.csvRequired, [{ path: 'body', message: API_MESSAGES.admin.csvBody }]);
    }
    const { rows, errors } = parseAwardHistoryCsv(body);
    if (errors.length > 0) throw new ApiError('VALIDATION_FAILED', API_MESSAGES.admin.csvErrors(errors.length), errors);
    const fileSha256 = createHash('sha256').update(body).digest('hex');
    return { imported: await this.history.importRows({ rows, source: `csv-import:${actor.username}`, actor: actor.username, fileSha256 }) };
  }

  /** Answers "has this person been CSTĐ cơ sở three years running?" without a database client. */
  @Authenticated({ roles: ['ADMIN'] })
  @Get()
  @ApiRoute({
    id: 'listAwardHistory',
    summary: 'Read the award history (admins)',
    description: 'The awards granted (imported and issued by award decisions), filtered by name and unit, a page at a time. Admins only.',
    query: awardHistoryQuerySchema,
    response: awardHistoryPageResponse,
    errors: [403],
  })
  async list(@Query(new ZodPipe(awardHistoryQuerySchema)) query: AwardHistoryQuery) {
    const { page, pageSize, ...filter } = query;
    const [{ items, total }, tree] = await Promise.all([this.history.list(filter, { skip: (page - 1) * pageSize, take: pageSize }), this.orgs.tree()]);
    return { items: items.map((item) => ({ ...item, unitName: tree.nameOf(item.unitCode) })), total, page, pageSize };
  }
}
