import { Controller, Get, HttpStatus, Inject, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Client } from '@temporalio/client';
import type { Response } from 'express';
import { PrismaService } from '../../../libs/db/prisma.service';
import { Public } from '../auth/auth.guard';
import { TEMPORAL_CLIENT } from '../temporal/temporal.module';

const within = <T>(ms: number, work: Promise<T>) =>
  Promise.race([work, new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), ms).unref())]);

@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(
    private readonly prisma: PrismaService,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
  ) {}

  @Public()
  @Get()
  async health(@Res({ passthrough: true }) res: Response) {
    const [database, temporal] = await Promise.all([
      within(3000, this.prisma.$queryRaw`SELECT 1`).then(() => 'up', () => 'down'),
      within(3000, this.temporal.connection.workflowService.getSystemInfo({})).then(() => 'up', () => 'down'),
    ]);
    const ok = database === 'up' && temporal === 'up';
    res.status(ok ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    return { status: ok ? 'ok' : 'degraded', database, temporal };
  }
}
