import { Injectable } from '@nestjs/common';
import type { Delivery } from '../db/generated/client';
import { PrismaService } from '../db/prisma.service';

export type { Delivery };

/** Not delivered after this many attempts: shown to operators as failing. */
export const DELIVERY_FAILING_ATTEMPTS = 3;

export interface ClaimOptions {
  limit: number;
  leaseMs: number;
  maxAttempts: number;
}

export interface DeliveryCounts {
  pending: number;
  failing: number;
}

/** The outbox's rows: claimed by dispatchers, marked sent or failed, counted for the metrics. */
@Injectable()
export class DeliveryRepository {
  constructor(private readonly prisma: PrismaService) {}

  /**
   * Takes up to `limit` due rows for this dispatcher until the lease ends. SKIP LOCKED lets several
   * dispatchers claim at once without waiting on each other or taking the same row; a row whose
   * lease has passed (its dispatcher died mid-send) is due again.
   */
  async claimDue({ limit, leaseMs, maxAttempts }: ClaimOptions): Promise<Delivery[]> {
    const claimed = await this.prisma.$queryRaw<{ id: string }[]>`
      UPDATE deliveries d
         SET locked_until = now() + make_interval(secs => ${leaseMs / 1000}::float8)
        FROM (SELECT id FROM deliveries
               WHERE delivered_at IS NULL
                 AND next_attempt_at <= now()
                 AND attempts < ${maxAttempts}
                 AND (locked_until IS NULL OR locked_until < now())
               ORDER BY next_attempt_at
               LIMIT ${limit}
               FOR UPDATE SKIP LOCKED) due
       WHERE d.id = due.id
      RETURNING d.id::text AS id`;
    if (claimed.length === 0) return [];
    return this.prisma.delivery.findMany({ where: { id: { in: claimed.map((c) => c.id) } }, orderBy: { nextAttemptAt: 'asc' } });
  }

  /** The server accepted it: never sent again. The in-app notification it carries is marked emailed. */
  async markDelivered(delivery: Delivery, at: Date): Promise<void> {
    await this.prisma.$transaction([
      this.prisma.delivery.updateMany({
        where: { id: delivery.id, deliveredAt: null },
        data: { deliveredAt: at, lastAttemptAt: at, attempts: { increment: 1 }, lockedUntil: null, lastError: null },
      }),
      this.prisma.notification.updateMany({
        where: { nominationId: delivery.nominationId, seq: delivery.seq, username: delivery.recipient, kind: delivery.kind, emailedAt: null },
        data: { emailedAt: at },
      }),
    ]);
  }

  /** One more failed attempt; the row is due again at `nextAttemptAt` unless its attempts are used up. */
  async markFailed(id: string, failure: { error: string; at: Date; nextAttemptAt: Date }): Promise<void> {
    await this.prisma.delivery.updateMany({
      where: { id, deliveredAt: null },
      data: {
        attempts: { increment: 1 },
        lastError: failure.error,
        lastAttemptAt: failure.at,
        nextAttemptAt: failure.nextAttemptAt,
        lockedUntil: null,
      },
    });
  }

  findById(id: string): Promise<Delivery | null> {
    return this.prisma.delivery.findUnique({ where: { id } });
  }

  /**
   * Due now; a row whose attempts are used up gets exactly one more (its count drops to the limit
   * less one, so another failure leaves it failed again). A delivered row is left as it is.
   */
  async retryNow(id: string, maxAttempts: number): Promise<Delivery | null> {
    await this.prisma.$executeRaw`
      UPDATE deliveries SET next_attempt_at = now(), attempts = LEAST(attempts, ${maxAttempts - 1})
       WHERE id = ${id}::uuid AND delivered_at IS NULL`;
    return this.findById(id);
  }

  /** Pending and failing rows in one pass over the undelivered part of the (delivered_at, …) index. */
  async counts(): Promise<DeliveryCounts> {
    const [row] = await this.prisma.$queryRaw<DeliveryCounts[]>`
      SELECT count(*)::int AS pending, (count(*) FILTER (WHERE attempts >= ${DELIVERY_FAILING_ATTEMPTS}))::int AS failing
        FROM deliveries
       WHERE delivered_at IS NULL`;
    return row ?? { pending: 0, failing: 0 };
  }
}
