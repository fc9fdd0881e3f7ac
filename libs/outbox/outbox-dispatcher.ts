import { Inject, Injectable, Logger } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { MailerService } from '../mail/mailer.service';
import { DeliveryRepository, type Delivery } from './delivery.repository';
import { nextAttemptAt, retryPolicyFrom, type RetryPolicy } from './retry-policy';

/** Rows claimed at once; each is sent on its own, so one refused address holds up none of the others. */
const BATCH = 10;
const LAST_ERROR_MAX = 1000;
/** A row the server accepted but that could not be marked is sent again after its lease: worth a few tries. */
const MARK_DELIVERED_TRIES = 3;

/** `<delivery id@sender's domain>`: the same for every attempt, so a receiver can tell a resend from a new email. */
export function messageIdFor(deliveryId: string, mailFrom: string): string {
  const domain = /@([^\s>@]+)>?\s*$/.exec(mailFrom)?.[1] ?? 'tdkt.invalid';
  return `<${deliveryId}@${domain}>`;
}

// A mail server's refusal often quotes the address it refused.
const ADDRESS = /[^\s<>"'@]+@[^\s<>"']+/g;

/** An error as a log line may carry it: the addresses left out (the delivery row keeps the full text). */
function forLog(reason: string): string {
  return reason.replace(ADDRESS, '<address>');
}

function describeError(error: unknown): string {
  const e = error instanceof Error ? (error as Error & { code?: unknown }) : null;
  const text = e ? [e.code, e.message].filter(Boolean).join(': ') : String(error);
  return text.slice(0, LAST_ERROR_MAX);
}

/**
 * Sends the outbox's emails, any number of dispatchers side by side: each claims due rows for a lease,
 * sends them, and marks each delivered once the server accepts it or schedules its next attempt.
 */
@Injectable()
export class OutboxDispatcher {
  private readonly logger = new Logger(OutboxDispatcher.name);
  private readonly policy: RetryPolicy;
  /** Half the lease: the row is settled, one way or the other, well before anyone may take it over. */
  private readonly sendTimeoutMs: number;
  private loop: Promise<void> | null = null;
  private stopping: AbortController | null = null;

  constructor(
    private readonly deliveries: DeliveryRepository,
    private readonly mailer: MailerService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.policy = retryPolicyFrom(config);
    this.sendTimeoutMs = config.DELIVERY_LEASE / 2;
  }

  start(): void {
    // Without a mail server, send() does nothing: rows would be marked delivered unsent.
    if (!this.mailer.enabled) throw new Error('The outbox dispatcher needs SMTP_URL');
    if (this.loop) return;
    const stopping = new AbortController();
    this.stopping = stopping;
    this.loop = this.run(stopping.signal);
  }

  /**
   * Claims nothing more and waits for the sends in flight, at most as long as one send may take.
   * A send still running then is abandoned: its row keeps its lease, and is taken over after it.
   */
  async stop(): Promise<void> {
    const loop = this.loop;
    if (!loop) return;
    this.stopping?.abort();
    this.loop = null;
    this.stopping = null;
    const gaveUp = new AbortController();
    await Promise.race([loop, sleep(this.sendTimeoutMs, undefined, { signal: gaveUp.signal }).catch(() => undefined)]);
    gaveUp.abort();
  }

  /** One round: claims the due rows (up to a batch) and attempts each; how many it claimed. */
  async dispatchDue(): Promise<number> {
    const batch = await this.deliveries.claimDue({ limit: BATCH, leaseMs: this.config.DELIVERY_LEASE, maxAttempts: this.policy.maxAttempts });
    const outcomes = await Promise.allSettled(batch.map((delivery) => this.attempt(delivery)));
    for (const outcome of outcomes) {
      if (outcome.status === 'rejected') this.logger.error(`delivery not settled, retried after its lease: ${forLog(describeError(outcome.reason))}`);
    }
    return batch.length;
  }

  private async run(stopping: AbortSignal): Promise<void> {
    while (!stopping.aborted) {
      let claimed = 0;
      try {
        claimed = await this.dispatchDue();
      } catch (error) {
        // The database may be away for a while: the loop outlives it and picks up where it was.
        this.logger.error(`outbox round failed: ${forLog(describeError(error))}`);
      }
      // A full batch means more are probably due: no pause before the next round.
      if (claimed === BATCH) continue;
      await sleep(this.config.DELIVERY_POLL_INTERVAL, undefined, { signal: stopping }).catch(() => undefined);
    }
  }

  private async attempt(delivery: Delivery): Promise<void> {
    try {
      await this.sendWithin({
        to: delivery.address,
        subject: delivery.subject,
        text: delivery.body,
        messageId: messageIdFor(delivery.id, this.config.MAIL_FROM),
      });
    } catch (error) {
      await this.recordFailure(delivery, error);
      return;
    }
    await this.markDelivered(delivery);
  }

  private async sendWithin(mail: Parameters<MailerService['send']>[0]): Promise<void> {
    const timer = new AbortController();
    try {
      await Promise.race([
        this.mailer.send(mail),
        sleep(this.sendTimeoutMs, undefined, { signal: timer.signal }).then(() => {
          throw new Error(`no answer from the mail server within ${this.sendTimeoutMs} ms`);
        }),
      ]);
    } finally {
      timer.abort();
    }
  }

  private async recordFailure(delivery: Delivery, error: unknown): Promise<void> {
    const at = new Date();
    const failedAttempts = delivery.attempts + 1;
    const next = nextAttemptAt(failedAttempts, at, this.policy);
    const reason = describeError(error);
    await this.deliveries.markFailed(delivery.id, { error: reason, at, nextAttemptAt: next ?? at });
    if (next) {
      this.logger.log(`email ${delivery.id} to ${delivery.recipient} failed (attempt ${failedAttempts}), next at ${next.toISOString()}: ${forLog(reason)}`);
    } else {
      this.logger.warn(`email ${delivery.id} to ${delivery.recipient} failed ${failedAttempts} times, given up: ${forLog(reason)}`);
    }
  }

  private async markDelivered(delivery: Delivery): Promise<void> {
    const at = new Date();
    for (let tries = 1; ; tries += 1) {
      try {
        await this.deliveries.markDelivered(delivery, at);
        return;
      } catch (error) {
        if (tries >= MARK_DELIVERED_TRIES) throw error;
        await sleep(this.config.DELIVERY_POLL_INTERVAL);
      }
    }
  }
}
