import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import type { Response } from 'express';
import { PrismaService } from '../../../libs/db/prisma.service';
import { healthResponse } from '../../../libs/domain/api-responses';
import { Public } from '../auth/auth.guard';
import { ApiRoute } from '../common/openapi';
import { NominationWorkflows } from '../temporal/nomination-workflows';

/** Each probe's own limit; they run side by side, so the answer comes well within 5 s. */
const PROBE_TIMEOUT_MS = 3000;

type PartState = 'up' | 'down';

const probe = (work: () => Promise<boolean>): Promise<PartState> =>
  Promise.race([
    work(),
    // The database query cannot be cancelled; the answer must not wait for it.
    new Promise<boolean>((resolve) => setTimeout(() => resolve(false), PROBE_TIMEOUT_MS).unref()),
  ]).then(
    (up) => (up ? 'up' : 'down'),
    () => 'down',
  );

@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(
    private readonly prisma: PrismaService,
    private readonly workflows: NominationWorkflows,
  ) {}

  @Public()
  // Load balancers and orchestrators probe it as often as they like.
  @SkipThrottle()
  @Get()
  @ApiRoute({ response: healthResponse, alsoWith: [503], anonymous: true, unthrottled: true })
  async health(@Res({ passthrough: true }) res: Response) {
    const [database, temporal, worker] = await Promise.all([
      probe(() => this.prisma.$queryRaw`SELECT 1`.then(() => true)),
      probe(() => this.workflows.serverUp(PROBE_TIMEOUT_MS)),
      probe(() => this.workflows.workerPolling(PROBE_TIMEOUT_MS)),
    ]);
    const ok = database === 'up' && temporal === 'up' && worker === 'up';
    res.status(ok ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    return { status: ok ? 'ok' : 'degraded', database, temporal, worker };
  }
}
