import { Controller, Get, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Authenticated } from '../auth/auth.guard';
import { ApiRoute } from '../common/openapi';
import { MetricsService } from './metrics.service';

/**
 * Counts and timings, never a name, yet they tell an outsider how busy each level is and what fails:
 * Prometheus scrapes with the METRICS_TOKEN bearer, an admin may look with their own token.
 */
@ApiTags('operations')
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: MetricsService) {}

  @Authenticated({ roles: ['ADMIN'], serviceToken: 'METRICS_TOKEN' })
  @Get()
  @ApiRoute({
    id: 'getMetrics',
    summary: 'Scrape the Prometheus metrics',
    description: 'The Prometheus text exposition, for an admin token or the METRICS_TOKEN bearer.',
    file: 'text/plain',
    errors: [403],
  })
  async scrape(@Res({ passthrough: true }) res: Response): Promise<string> {
    const body = await this.metrics.scrape();
    res.type(this.metrics.contentType);
    return body;
  }
}
