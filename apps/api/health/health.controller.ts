import { Controller, Get, HttpStatus, Inject, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import type { Client } from '@temporalio/client';
import { optionalTsToMs } from '@temporalio/common/lib/time';
import { temporal as proto } from '@temporalio/proto';
import type { Response } from 'express';
import { APP_CONFIG, type AppConfig } from '../../../libs/config/config';
import { PrismaService } from '../../../libs/db/prisma.service';
import { healthResponse } from '../../../libs/domain/api-responses';
import { Public } from '../auth/auth.guard';
import { ApiRoute } from '../common/openapi';
import { withinDeadline } from '../temporal/command-deadline';
import { TEMPORAL_CLIENT } from '../temporal/temporal.module';

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
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly prisma: PrismaService,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
  ) {}

  @Public()
  // Load balancers and orchestrators probe it as often as they like.
  @SkipThrottle()
  @Get()
  @ApiRoute({ response: healthResponse, alsoWith: [503], anonymous: true, unthrottled: true })
  async health(@Res({ passthrough: true }) res: Response) {
    const [database, temporal, worker] = await Promise.all([
      probe(() => this.prisma.$queryRaw`SELECT 1`.then(() => true)),
      probe(() => this.withinProbeTimeout(() => this.temporal.workflowService.getSystemInfo({}).then(() => true))),
      probe(() => this.withinProbeTimeout(() => this.workerPolling())),
    ]);
    const ok = database === 'up' && temporal === 'up' && worker === 'up';
    res.status(ok ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    return { status: ok ? 'ok' : 'degraded', database, temporal, worker };
  }

  private withinProbeTimeout<T>(calls: () => Promise<T>): Promise<T> {
    return withinDeadline(this.temporal, PROBE_TIMEOUT_MS, calls);
  }

  /** Whether some worker polled the task queue for workflow tasks lately (an idle poll is renewed once a minute). */
  private async workerPolling(): Promise<boolean> {
    const { pollers } = await this.temporal.workflowService.describeTaskQueue({
      namespace: this.config.TEMPORAL_NAMESPACE,
      taskQueue: { name: this.config.TEMPORAL_TASK_QUEUE, kind: proto.api.enums.v1.TaskQueueKind.TASK_QUEUE_KIND_NORMAL },
      taskQueueType: proto.api.enums.v1.TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW,
    });
    const since = Date.now() - this.config.WORKER_POLL_STALE_AFTER;
    return pollers.some((poller) => (optionalTsToMs(poller.lastAccessTime) ?? 0) >= since);
  }
}
