import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { PrismaService } from '../../../libs/db/prisma.service';
import { healthResponse } from '../../../libs/domain/api-responses';
import { Public } from '../auth/auth.guard';
import { ApiRoute } from '../common/openapi';
import { NominationWorkflows } from '../temporal/nomination-workflows';

/** Each probe's own limit; they run side by side, so the answer comes well within 5 s. */
const PROBE_TIMEOUT_MS = 3000;

/**
 * How long one probe's answer serves every caller: however often anonymous callers ask, the parts are
 * probed at most about once a second (and callers arriving during a probe share it).
 */
const ANSWER_CACHE_MS = 1000;

type PartState = 'up' | 'down';
type Health = { status: 'ok' | 'degraded'; database: PartState; temporal: PartState; worker: PartState };

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
  private probing: Promise<Health> | null = null;
  private answered: { at: number; health: Health } | null = null;

  constructor(
    private readonly prisma: PrismaService,
    private readonly workflows: NominationWorkflows,
  ) {}

  @Public()
  // Load balancers and orchestrators probe it as often as they like: the rate limiter does not count it.
  @Get()
  @ApiRoute({
    id: 'getHealth',
    summary: "Check the service's health",
    description: '200 with every part up, or 503 naming the part that is down (database, Temporal), within 5 s. No token needed; not rate-limited.',
    response: healthResponse,
    alsoWith: [503],
    anonymous: true,
    unthrottled: true,
  })
  async health(@Res({ passthrough: true }) res: Response): Promise<Health> {
    const health = await this.current();
    res.status(health.status === 'ok' ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    return health;
  }

  private async current(): Promise<Health> {
    if (this.answered && Date.now() - this.answered.at < ANSWER_CACHE_MS) return this.answered.health;
    this.probing ??= this.probeAll()
      .then((health) => {
        this.answered = { at: Date.now(), health };
        return health;
      })
      .finally(() => {
        this.probing = null;
      });
    return this.probing;
  }

  private async probeAll(): Promise<Health> {
    const [database, temporal, worker] = await Promise.all([
      probe(() => this.prisma.$queryRaw`SELECT 1`.then(() => true)),
      probe(() => this.workflows.serverUp(PROBE_TIMEOUT_MS)),
      probe(() => this.workflows.workerPolling(PROBE_TIMEOUT_MS)),
    ]);
    const ok = database === 'up' && temporal === 'up' && worker === 'up';
    return { status: ok ? 'ok' : 'degraded', database, temporal, worker };
  }
}
