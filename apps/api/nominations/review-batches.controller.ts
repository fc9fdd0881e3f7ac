import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../../libs/domain/access-policy';
import { decisionBatchResponse, voteBatchResponse } from '../../../libs/domain/batch-responses';
import { batchEnvelopeSchema, decisionBatchSchema, voteBatchSchema, type BatchEnvelope } from '../../../libs/domain/batch-schemas';
import { Authenticated, CurrentActor } from '../auth/auth.guard';
import { ApiRoute } from '../common/openapi';
import { ZodPipe } from '../common/zod.pipe';
import { OwnCommandDeadlines } from '../temporal/command-deadline';
import { ReviewBatchesService } from './review-batches.service';

/** API.md "Review in batches": a sitting's worth of decisions or votes in one request, each item answered as its single route would. */
@ApiTags('nominations')
@Controller()
export class ReviewBatchesController {
  constructor(private readonly batches: ReviewBatchesService) {}

  // The roles of the single decision route; each item is then authorised as that route authorises it.
  @Authenticated({ roles: ['REVIEWER', 'STAFF', 'COUNCIL_MEMBER'] })
  @Post('decisions/batch')
  @HttpCode(200)
  @OwnCommandDeadlines()
  @ApiRoute({
    id: 'decideNominationsInBatch',
    summary: 'Decide up to 200 nominations in one batch',
    description:
      "A sitting's decisions at once (1 to 200 items). Each item is answered exactly as POST /api/nominations/{id}/decisions would answer it alone (200 with the nomination, or its 4xx error), in the order sent; one refusal does not stop the others. Items run a few at a time. The same requestId again returns the stored results and decides nothing new; the same requestId with different items is 422 IDEMPOTENCY_KEY_REUSED.",
    body: decisionBatchSchema,
    response: decisionBatchResponse,
    errors: [403, 422],
  })
  decide(@CurrentActor() actor: Actor, @Body(new ZodPipe(batchEnvelopeSchema)) body: BatchEnvelope) {
    return this.batches.decide(actor, body);
  }

  @Authenticated({ roles: ['REVIEWER', 'COUNCIL_MEMBER'] })
  @Post('votes/batch')
  @HttpCode(200)
  @OwnCommandDeadlines()
  @ApiRoute({
    id: 'castVotesInBatch',
    summary: 'Cast a council member’s votes on up to 200 nominations in one batch',
    description:
      "A council member's secret-ballot votes (bỏ phiếu kín) at one sitting, 1 to 200 items. Each item is answered exactly as POST /api/nominations/{id}/votes would answer it alone, in the order sent; one refusal does not stop the others. The same requestId again returns the stored results; the same requestId with different items is 422 IDEMPOTENCY_KEY_REUSED.",
    body: voteBatchSchema,
    response: voteBatchResponse,
    errors: [403, 422],
  })
  vote(@CurrentActor() actor: Actor, @Body(new ZodPipe(batchEnvelopeSchema)) body: BatchEnvelope) {
    return this.batches.vote(actor, body);
  }
}
