import { Logger } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import { loadConfig } from '../config/config';
import type { Mail, MailerService } from '../mail/mailer.service';
import type { ClaimOptions, Delivery, DeliveryRepository } from './delivery.repository';
import { messageIdFor, OutboxDispatcher } from './outbox-dispatcher';

const config = loadConfig({
  DATABASE_URL: 'postgresql://tdkt:tdkt@localhost:5432/tdkt',
  AUTH_JWT_SECRET: 'a-secret-of-at-least-16-chars',
  AUTH_JWT_ISSUER: 'https://sso.example.vn',
  AUTH_JWT_AUDIENCE: 'tdkt',
  SMTP_URL: 'smtp://127.0.0.1:2525',
  MAIL_FROM: 'Thi đua - Khen thưởng <tdkt@congthuong.hanoi.gov.vn>',
  DELIVERY_MAX_ATTEMPTS: '3',
  DELIVERY_RETRY_BASE: '1m',
  DELIVERY_POLL_INTERVAL: '10ms',
  DELIVERY_LEASE: '200ms',
});

function delivery(id: string, overrides: Partial<Delivery> = {}): Delivery {
  return {
    id,
    channel: 'EMAIL',
    nominationId: '00000000-0000-4000-8000-000000000001',
    seq: 1,
    kind: 'REVIEW_REQUESTED',
    recipient: `user-${id}`,
    address: `user-${id}@demo.tdkt.hanoi.gov.vn`,
    subject: 'Hồ sơ chờ xét duyệt',
    body: 'Kính gửi …',
    attempts: 0,
    nextAttemptAt: new Date(),
    lockedUntil: null,
    lastError: null,
    lastAttemptAt: null,
    deliveredAt: null,
    createdAt: new Date(),
    ...overrides,
  };
}

/** An outbox in memory: each claim hands out the due rows once. */
class FakeDeliveries {
  readonly due: Delivery[] = [];
  readonly claims: ClaimOptions[] = [];
  readonly delivered: string[] = [];
  readonly failed: { id: string; error: string; at: Date; nextAttemptAt: Date }[] = [];
  claimError: Error | null = null;

  async claimDue(options: ClaimOptions): Promise<Delivery[]> {
    this.claims.push(options);
    if (this.claimError) {
      const error = this.claimError;
      this.claimError = null;
      throw error;
    }
    return this.due.splice(0, options.limit);
  }

  async markDelivered(d: Delivery): Promise<void> {
    this.delivered.push(d.id);
  }

  async markFailed(id: string, failure: { error: string; at: Date; nextAttemptAt: Date }): Promise<void> {
    this.failed.push({ id, ...failure });
  }
}

class FakeMailer {
  readonly enabled: boolean = true;
  readonly sent: Mail[] = [];
  constructor(private readonly answer: (mail: Mail) => Promise<void> = async () => undefined) {}

  async send(mail: Mail): Promise<void> {
    await this.answer(mail);
    this.sent.push(mail);
  }
}

function dispatcher(deliveries: FakeDeliveries, mailer: FakeMailer) {
  return new OutboxDispatcher(deliveries as unknown as DeliveryRepository, mailer as unknown as MailerService, config);
}

async function eventually(check: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !check(); i += 1) await sleep(10);
  expect(check()).toBe(true);
}

describe('OutboxDispatcher', () => {
  beforeAll(() => Logger.overrideLogger(false));
  afterAll(() => Logger.overrideLogger(['log', 'error', 'warn', 'debug', 'verbose']));

  it('sends each due row with a Message-ID of its own id, and marks it delivered', async () => {
    const deliveries = new FakeDeliveries();
    deliveries.due.push(delivery('a'), delivery('b'));
    const mailer = new FakeMailer();
    const sut = dispatcher(deliveries, mailer);

    expect(await sut.dispatchDue()).toBe(2);

    expect(mailer.sent).toEqual([
      { to: 'user-a@demo.tdkt.hanoi.gov.vn', subject: 'Hồ sơ chờ xét duyệt', text: 'Kính gửi …', messageId: '<a@congthuong.hanoi.gov.vn>' },
      expect.objectContaining({ to: 'user-b@demo.tdkt.hanoi.gov.vn', messageId: '<b@congthuong.hanoi.gov.vn>' }),
    ]);
    expect(deliveries.delivered).toEqual(['a', 'b']);
    expect(deliveries.claims[0]).toEqual({ limit: 10, leaseMs: 200, maxAttempts: 3 });
  });

  it('records a refused address with its error and backoff, and still delivers the others', async () => {
    const deliveries = new FakeDeliveries();
    deliveries.due.push(delivery('a'), delivery('refused', { attempts: 1 }), delivery('c'));
    const mailer = new FakeMailer(async (mail) => {
      if (mail.to.startsWith('user-refused')) throw Object.assign(new Error('550 5.1.1 mailbox unavailable'), { code: 'EENVELOPE' });
    });
    const before = Date.now();

    await dispatcher(deliveries, mailer).dispatchDue();

    expect(deliveries.delivered).toEqual(['a', 'c']);
    expect(deliveries.failed).toHaveLength(1);
    const [failure] = deliveries.failed;
    expect(failure).toMatchObject({ id: 'refused', error: 'EENVELOPE: 550 5.1.1 mailbox unavailable' });
    // The second failure waits twice the base.
    expect(failure!.nextAttemptAt.getTime() - failure!.at.getTime()).toBe(2 * 60_000);
    expect(failure!.at.getTime()).toBeGreaterThanOrEqual(before);
  });

  it('logs a refusal without the address it quotes, which the row keeps for the admins', async () => {
    const logged = jest.spyOn(Logger.prototype, 'log');
    const deliveries = new FakeDeliveries();
    deliveries.due.push(delivery('refused'));
    const mailer = new FakeMailer(async (mail) => {
      throw Object.assign(new Error(`550 5.1.1 <${mail.to}>: Recipient address rejected`), { code: 'EENVELOPE' });
    });

    await dispatcher(deliveries, mailer).dispatchDue();

    expect(deliveries.failed[0]!.error).toContain('user-refused@demo.tdkt.hanoi.gov.vn');
    const lines = logged.mock.calls.map(([line]) => String(line));
    logged.mockRestore();
    expect(lines).toEqual([
      expect.stringMatching(/^email refused to user-refused failed \(attempt 1\), next at .*: EENVELOPE: 550 5\.1\.1 <<address>>: Recipient address rejected$/),
    ]);
  });

  it('leaves a row failed when its last attempt fails', async () => {
    const deliveries = new FakeDeliveries();
    deliveries.due.push(delivery('last', { attempts: 2 }));
    const mailer = new FakeMailer(async () => {
      throw new Error('connect ECONNREFUSED 127.0.0.1:2525');
    });

    await dispatcher(deliveries, mailer).dispatchDue();

    expect(deliveries.failed).toEqual([expect.objectContaining({ id: 'last', error: 'connect ECONNREFUSED 127.0.0.1:2525' })]);
    expect(deliveries.failed[0]!.nextAttemptAt).toEqual(deliveries.failed[0]!.at);
  });

  it('gives up on a mail server that does not answer within half the lease', async () => {
    const deliveries = new FakeDeliveries();
    deliveries.due.push(delivery('slow'));
    const mailer = new FakeMailer(() => new Promise(() => undefined));

    await dispatcher(deliveries, mailer).dispatchDue();

    expect(deliveries.failed).toEqual([expect.objectContaining({ id: 'slow', error: 'no answer from the mail server within 100 ms' })]);
    expect(deliveries.delivered).toEqual([]);
  });

  it('keeps polling after a failed round, and stops when asked', async () => {
    const deliveries = new FakeDeliveries();
    deliveries.claimError = new Error('Connection terminated unexpectedly');
    const mailer = new FakeMailer();
    const sut = dispatcher(deliveries, mailer);

    sut.start();
    await eventually(() => deliveries.claims.length >= 2);
    deliveries.due.push(delivery('after'));
    await eventually(() => deliveries.delivered.includes('after'));
    await sut.stop();
    const claimsAtStop = deliveries.claims.length;
    await sleep(50);

    expect(deliveries.claims.length).toBe(claimsAtStop);
  });

  it('ends a send still in flight at shutdown within the bound', async () => {
    const deliveries = new FakeDeliveries();
    deliveries.due.push(delivery('hanging'));
    const sut = dispatcher(deliveries, new FakeMailer(() => new Promise(() => undefined)));

    sut.start();
    await eventually(() => deliveries.claims.length >= 1);
    const stopped = Date.now();
    await sut.stop();

    expect(Date.now() - stopped).toBeLessThan(1000);
    expect(deliveries.delivered).toEqual([]);
  });

  it('refuses to run without a mail server, which would mark rows delivered unsent', () => {
    const mailer = Object.assign(new FakeMailer(), { enabled: false });

    expect(() => dispatcher(new FakeDeliveries(), mailer).start()).toThrow(/SMTP_URL/);
  });
});

describe('messageIdFor', () => {
  it('puts the delivery id at the sender domain', () => {
    expect(messageIdFor('3f2b', 'Thi đua <tdkt@congthuong.hanoi.gov.vn>')).toBe('<3f2b@congthuong.hanoi.gov.vn>');
    expect(messageIdFor('3f2b', 'tdkt@example.org')).toBe('<3f2b@example.org>');
  });
});
