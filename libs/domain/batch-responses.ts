import { z } from 'zod';
import { errorResponse } from './api-responses';
import { ballotStatusResponse, nominationResponse } from './nomination-responses';

// Each item of a batch is answered as its single route would answer it alone: the status, and its body
// (the success's, or the error's `error`), beside the nomination it named (null when the item named none).

const nominationId = z.string().nullable().describe('As the item sent it');

export const batchItemRefusal = z
  .object({ nominationId, status: z.number().int().min(400).describe('The status the single route would answer'), error: errorResponse.shape.error })
  .meta({ id: 'BatchItemRefusal' });

export const decisionBatchResponse = z
  .object({
    results: z.array(
      z.union([z.object({ nominationId, status: z.literal(200), nomination: nominationResponse }).meta({ id: 'BatchItemDecided' }), batchItemRefusal]),
    ),
  })
  .meta({ id: 'DecisionBatchResults', description: 'One result per item, in the order sent' });

export const voteBatchResponse = z
  .object({
    results: z.array(
      z.union([z.object({ nominationId, status: z.literal(200), ballot: ballotStatusResponse }).meta({ id: 'BatchItemVoted' }), batchItemRefusal]),
    ),
  })
  .meta({ id: 'VoteBatchResults', description: 'One result per item, in the order sent' });
