import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../../libs/config/config';
import type { Actor } from '../../../libs/domain/access-policy';
import { DeliveryRepository, type Delivery } from '../../../libs/outbox/delivery.repository';
import { ApiError } from '../common/api-error';

export interface DeliveryView {
  id: string;
  channel: string;
  nominationId: string | null;
  kind: string;
  recipient: string;
  address: string;
  subject: string;
  attempts: number;
  nextAttemptAt: string;
  lastError: string | null;
  lastAttemptAt: string | null;
  deliveredAt: string | null;
  createdAt: string;
}

const iso = (at: Date | null) => at?.toISOString() ?? null;

function deliveryView(d: Delivery): DeliveryView {
  return {
    id: d.id,
    channel: d.channel,
    nominationId: d.nominationId,
    kind: d.kind,
    recipient: d.recipient,
    address: d.address,
    subject: d.subject,
    attempts: d.attempts,
    nextAttemptAt: d.nextAttemptAt.toISOString(),
    lastError: d.lastError,
    lastAttemptAt: iso(d.lastAttemptAt),
    deliveredAt: iso(d.deliveredAt),
    createdAt: d.createdAt.toISOString(),
  };
}

/** An admin's hand on the outbox: a failing delivery tried again now, once more even when its attempts are used up. */
@Injectable()
export class DeliveriesService {
  private readonly logger = new Logger(DeliveriesService.name);

  constructor(
    private readonly deliveries: DeliveryRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async retry(actor: Actor, id: string): Promise<DeliveryView> {
    const delivery = await this.deliveries.retryNow(id, this.config.DELIVERY_MAX_ATTEMPTS);
    if (!delivery) throw ApiError.notFound('delivery');
    this.logger.log(`delivery ${id} to ${delivery.recipient} retried by ${actor.username}`);
    return deliveryView(delivery);
  }
}
