import { Inject, Injectable, Logger, ParseUUIDPipe } from '@nestjs/common';
import type { Client } from '@temporalio/client';
import { randomUUID } from 'node:crypto';
import { APP_CONFIG, type AppConfig } from '../../../libs/config/config';
import { BatchRequestRepository } from '../../../libs/db/batch-request.repository';
import type { Actor } from '../../../libs/domain/access-policy';
import { batchItemHeadSchema, decisionItemSchema, voteItemSchema, type BatchEnvelope } from '../../../libs/domain/batch-schemas';
import { commandFingerprint, requestIdReused } from '../../../libs/domain/command-fingerprint';
import { ApiError } from '../common/api-error';
import { apiErrorOf } from '../common/error.filter';
import { mapBounded } from '../common/map-bounded';
import { ZodPipe } from '../common/zod.pipe';
import { withinDeadline } from '../temporal/command-deadline';
import { TEMPORAL_CLIENT } from '../temporal/temporal.module';
import { CouncilService } from './council.service';
import { ReviewCommandsService } from './review-commands.service';

/**
 * Items in flight at once: the workflow updates of different nominations are independent, and each
 * holds a database connection for its commit, so a batch neither waits on one at a time nor takes the
 * whole pool (nor every worker slot) from the other users.
 */
export const BATCH_CONCURRENCY = 8;

type ItemResult = { nominationId: string | null; status: number } & Record<string, unknown>;

const nominationIdPipe = new ParseUUIDPipe({ exceptionFactory: () => ApiError.notFound() });
const itemHeadPipe = new ZodPipe(batchItemHeadSchema);
const decisionItemPipe = new ZodPipe(decisionItemSchema);
const voteItemPipe = new ZodPipe(voteItemSchema);

/**
 * Decisions and council votes in batches. Each item goes through the single route's own code path
 * (`ReviewCommandsService.decide`, `CouncilService.vote`) under a request id derived from the batch's,
 * `<batch id>:<index>`: the same batch again replays each item as the single route replays a request
 * id, and two batches racing over one nomination meet in its workflow, which lets one decide the level.
 */
@Injectable()
export class ReviewBatchesService {
  private readonly logger = new Logger(ReviewBatchesService.name);

  constructor(
    private readonly review: ReviewCommandsService,
    private readonly council: CouncilService,
    private readonly batches: BatchRequestRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
  ) {}

  decide(actor: Actor, batch: BatchEnvelope) {
    return this.run(actor, 'decisionBatch', batch, async (id, item, requestId) => ({
      nomination: await this.review.decide(actor, id, { ...decisionItemPipe.transform(item), requestId }),
    }));
  }

  vote(actor: Actor, batch: BatchEnvelope) {
    return this.run(actor, 'voteBatch', batch, async (id, item, requestId) => ({
      ballot: await this.council.vote(actor, id, { ...voteItemPipe.transform(item), requestId }),
    }));
  }

  private async run(
    actor: Actor,
    operation: string,
    { requestId = randomUUID(), items }: BatchEnvelope,
    perform: (nominationId: string, item: unknown, requestId: string) => Promise<Record<string, unknown>>,
  ): Promise<{ results: ItemResult[] }> {
    const fingerprint = commandFingerprint(operation, { items });
    const earlier = await this.batches.claim(actor.username, requestId, operation, fingerprint);
    if (earlier && earlier.fingerprint !== fingerprint) throw ApiError.from(requestIdReused(earlier.operation));
    if (earlier?.results) return { results: earlier.results as ItemResult[] };
    // Each item waits on Temporal at most COMMAND_TIMEOUT from its own start, as it would alone (the route opts out of one for the whole request).
    const results = await mapBounded(items, BATCH_CONCURRENCY, (item, index) =>
      withinDeadline(this.temporal, this.config.COMMAND_TIMEOUT, () => this.answer(item, (id, rest) => perform(id, rest, `${requestId}:${index}`))),
    );
    // A part that was down answered 503 "retry with the same requestId": such a batch is not final, and its replay tries again.
    if (results.every((r) => r.status < 500)) await this.batches.complete(actor.username, requestId, results);
    return { results };
  }

  /** One item, answered as its single route answers: the nomination in the path first (404), then the body (400), then the command. */
  private async answer(item: unknown, perform: (nominationId: string, rest: unknown) => Promise<Record<string, unknown>>): Promise<ItemResult> {
    const sent = isRecord(item) && typeof item.nominationId === 'string' ? item.nominationId : null;
    try {
      const { nominationId, ...rest } = itemHeadPipe.transform(item);
      await nominationIdPipe.transform(nominationId, { type: 'param' });
      return { nominationId: sent, status: 200, ...(await perform(nominationId, rest)) };
    } catch (exception) {
      const error = apiErrorOf(exception, this.logger);
      return { nominationId: sent, status: error.status, error: { code: error.code, message: error.message, details: error.details } };
    }
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
