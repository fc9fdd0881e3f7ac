import { Controller, Get, Res } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../auth/auth.guard';
import { MetricsService } from './metrics.service';

/**
 * Prometheus scrapes this without a token, as it does /api/health: it holds counts and timings,
 * never a name or a nomination. Keep it off the public ingress (deny /api/metrics at the proxy).
 */
@ApiTags('operations')
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: MetricsService) {}

  @Public()
  @Get()
  @ApiProduces('text/plain')
  async scrape(@Res({ passthrough: true }) res: Response): Promise<string> {
    const body = await this.metrics.scrape();
    res.type(this.metrics.contentType);
    return body;
  }
}
