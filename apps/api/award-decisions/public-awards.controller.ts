import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { publicAwardsResponse } from '../../../libs/domain/award-decision-responses';
import { publicAwardsQuerySchema, type PublicAwardsQuery } from '../../../libs/domain/award-decision-schemas';
import { Public } from '../auth/auth.guard';
import { ApiRoute } from '../common/openapi';
import { ZodPipe } from '../common/zod.pipe';
import { AwardDecisionsService } from './award-decisions.service';

/** The public lookup of awards (công khai kết quả), open without sign-in and rate-limited per address like every unauthenticated call. */
@ApiTags('public')
@Controller('public')
export class PublicAwardsController {
  constructor(private readonly decisions: AwardDecisionsService) {}

  @Public()
  @Get('awards')
  @ApiRoute({
    id: 'searchPublicAwards',
    summary: 'Search the awards granted (public)',
    description:
      'The public lookup (công khai kết quả) of issued, unrevoked awards by name, year and award: who, which unit, which award, which decision. No token needed; rate-limited per address.',
    query: publicAwardsQuerySchema,
    response: publicAwardsResponse,
  })
  awards(@Query(new ZodPipe(publicAwardsQuerySchema)) query: PublicAwardsQuery) {
    return this.decisions.publicAwards(query);
  }
}
