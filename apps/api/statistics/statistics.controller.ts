import { Controller, Get, Header, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Actor } from '../../../libs/domain/access-policy';
import { statisticsResponse, statisticsYearsResponse } from '../../../libs/domain/statistics-responses';
import { statisticsQuerySchema, statisticsYearsQuerySchema, type StatisticsQuery, type StatisticsYearsQuery } from '../../../libs/domain/statistics-schemas';
import { Authenticated, CurrentActor } from '../auth/auth.guard';
import { ApiRoute } from '../common/openapi';
import { ZodPipe } from '../common/zod.pipe';
import { statisticsWorkbook } from './statistics-workbook';
import { StatisticsService } from './statistics.service';

// Those who judge or oversee nominations; a unit's clerk has the unit's list.
const READERS = ['ADMIN', 'REVIEWER', 'COUNCIL_MEMBER', 'STAFF'] as const;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

@ApiTags('statistics')
@Controller('statistics')
export class StatisticsController {
  constructor(private readonly statistics: StatisticsService) {}

  @Authenticated({ roles: READERS })
  @Get()
  @ApiRoute({
    id: 'getStatistics',
    summary: "Count a year's nominations and awards",
    description:
      'For a year, by unit, award, level or month: nominations by status, awards and amounts of issued decisions, level decisions on time and the median working days a level took. Admins see all; reviewers what they may see.',
    query: statisticsQuerySchema,
    response: statisticsResponse,
    errors: [403],
  })
  table(@CurrentActor() actor: Actor, @Query(new ZodPipe(statisticsQuerySchema)) query: StatisticsQuery) {
    return this.statistics.table(actor, query);
  }

  @Authenticated({ roles: READERS })
  @Get('years')
  @ApiRoute({
    id: 'getStatisticsYears',
    summary: 'Count the awards over years',
    description: 'The award history (imported and issued) counted per year and award or unit, for the trend over years.',
    query: statisticsYearsQuerySchema,
    response: statisticsYearsResponse,
    errors: [403],
  })
  years(@CurrentActor() actor: Actor, @Query(new ZodPipe(statisticsYearsQuerySchema)) query: StatisticsYearsQuery) {
    return this.statistics.years(actor, query);
  }
}

/** `GET /api/statistics.xlsx`: a sibling path of the table's, so a controller of its own at the root. */
@ApiTags('statistics')
@Controller()
export class StatisticsWorkbookController {
  constructor(private readonly statistics: StatisticsService) {}

  @Authenticated({ roles: READERS })
  @Get('statistics.xlsx')
  @ApiRoute({
    id: 'downloadStatisticsWorkbook',
    summary: 'Download the statistics as an Excel workbook',
    description: 'The same table as GET /api/statistics in one sheet, the total last.',
    query: statisticsQuerySchema,
    file: XLSX,
    errors: [403],
  })
  @Header('Cache-Control', 'no-store')
  async workbook(
    @CurrentActor() actor: Actor,
    @Query(new ZodPipe(statisticsQuerySchema)) query: StatisticsQuery,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const table = await this.statistics.table(actor, query);
    res.setHeader('Content-Type', XLSX);
    res.setHeader('Content-Disposition', `attachment; filename="thong-ke-${table.year}-${table.by}.xlsx"`);
    return new StreamableFile(await statisticsWorkbook(table));
  }
}
