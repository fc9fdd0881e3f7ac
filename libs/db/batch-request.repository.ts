import { Injectable } from '@nestjs/common';
import { Prisma } from './generated/client';
import { PrismaService } from './prisma.service';

/** A batch as its caller first sent it: what it was (hashed), and its results once final. */
export interface BatchRecord {
  operation: string;
  fingerprint: string;
  results: unknown[] | null;
}

/** The request log of batches: one row per caller and request id. */
@Injectable()
export class BatchRequestRepository {
  constructor(private readonly prisma: PrismaService) {}

  /**
   * Claims the request id for this batch, or returns the batch that claimed it first (the same one
   * sent again, or another one under a reused id).
   */
  async claim(actor: string, requestId: string, operation: string, fingerprint: string): Promise<BatchRecord | null> {
    const { count } = await this.prisma.batchRequest.createMany({ data: [{ actor, requestId, operation, fingerprint }], skipDuplicates: true });
    if (count === 1) return null;
    const earlier = await this.prisma.batchRequest.findUniqueOrThrow({ where: { actor_requestId: { actor, requestId } } });
    return { operation: earlier.operation, fingerprint: earlier.fingerprint, results: (earlier.results as unknown[] | null) ?? null };
  }

  /** Keeps the first results only: a copy of the same batch racing it answers what the first one stored. */
  async complete(actor: string, requestId: string, results: unknown[]): Promise<void> {
    await this.prisma.batchRequest.updateMany({
      where: { actor, requestId, results: { equals: Prisma.AnyNull } },
      data: { results: results as Prisma.InputJsonValue },
    });
  }
}
