import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { PrismaService } from '../../../libs/db/prisma.service';
import { healthResponse, livenessResponse } from '../../../libs/domain/api-responses';
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

/**
 * Load balancers and orchestrators probe these as often as they like: the rate limiter does not count them.
 * `live` is for restarting (a part that is down is no reason to restart this process), `ready` for routing
 * (requests go elsewhere while a part this process needs is down); `/api/health` answers as `ready` does.
 */
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
  @Get()
  @ApiRoute({
    id: 'getHealth',
    summary: "Check the service's health",
    description:
      'Answers as /api/health/ready does: 200 with every part up, or 503 naming the part that is down (database, Temporal, worker), within 5 s. No token needed; not rate-limited.',
    response: healthResponse,
    alsoWith: [503],
    anonymous: true,
    unthrottled: true,
  })
  health(@Res({ passthrough: true }) res: Response): Promise<Health> {
    return this.ready(res);
  }

  @Public()
  @Get('live')
  @ApiRoute({
    id: 'getLiveness',
    summary: 'Check that the process is up',
    description: '200 `{ "status": "ok" }` whenever the process serves at all: what an orchestrator restarts on. No token needed; not rate-limited.',
    response: livenessResponse,
    anonymous: true,
    unthrottled: true,
  })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Public()
  @Get('ready')
  @ApiRoute({
    id: 'getReadiness',
    summary: 'Check that the service can serve requests',
    description:
      '200 when the database, Temporal and a polling worker all answer, or 503 naming the part that is down, within 5 s: what an orchestrator routes on. No token needed; not rate-limited.',
    response: healthResponse,
    alsoWith: [503],
    anonymous: true,
    unthrottled: true,
  })
  async ready(@Res({ passthrough: true }) res: Response): Promise<Health> {
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
