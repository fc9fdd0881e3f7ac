import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { loadConfig, type AppConfig } from '../libs/config/config';
import { PrismaService } from '../libs/db/prisma.service';
import { MailerService } from '../libs/mail/mailer.service';
import { DeliveryRepository } from '../libs/outbox/delivery.repository';
import { messageIdFor, OutboxDispatcher } from '../libs/outbox/outbox-dispatcher';
import { APPROVERS_U1, Harness } from './support/harness';
import { messageId, startSmtp, type LocalSmtp } from './support/smtp';
import { until } from './support/until';

/** A port nothing listens on (yet): connections to it are refused at once. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** How many messages the server received under each Message-ID. */
function countByMessageId(smtp: LocalSmtp): Map<string, number> {
  const counts = new Map<string, number>();
  for (const mail of smtp.mails) {
    const id = messageId(mail.raw) ?? '(none)';
    counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
}

describe('the mail server down: decisions never wait on it, and its emails go out once it is back', () => {
  let port: number;
  let smtp: LocalSmtp | undefined;
  let sut: Harness;
  beforeAll(async () => {
    port = await freePort();
    sut = await Harness.start({
      SMTP_URL: `smtp://127.0.0.1:${port}`,
      // Ten attempts 100 ms apart at first: the test sees several fail, and none has given up by the end.
      DELIVERY_RETRY_BASE: '100ms',
      DELIVERY_MAX_ATTEMPTS: '10',
    });
  });
  afterAll(async () => {
    await sut.close();
    await smtp?.close();
  });

  it('a four-level approval completes promptly; the deliveries fail, then each is delivered exactly once', async () => {
    const n = await sut.submit();
    for (const [reviewer, level] of APPROVERS_U1) {
      const started = Date.now();
      const res = await sut.decide(reviewer, n.id, { level, decision: 'APPROVE' });
      expect(res.status).toBe(200);
      expect(Date.now() - started).toBeLessThan(3000);
    }
    expect((await sut.waitForRow(n.id, (row) => row.status === 'APPROVED')).status).toBe('APPROVED');

    const forNomination = { where: { nominationId: n.id } };
    // Every email has been tried at least once by now, and none got through.
    const failing = await until(async () => {
      const rows = await sut.prisma.delivery.findMany(forNomination);
      return rows.length > 0 && rows.every((d) => d.attempts > 0) ? rows : undefined;
    }, 'every delivery attempted');
    // Submission, then three levels each telling the next reviewers, then the final decision.
    expect(failing.length).toBeGreaterThanOrEqual(5);
    for (const d of failing) {
      expect(d.deliveredAt).toBeNull();
      expect(d.lastError).toMatch(/ECONNREFUSED/);
      expect(d.lastAttemptAt).not.toBeNull();
    }
    expect(failing.map((d) => d.recipient)).toEqual(expect.arrayContaining(['u1.head', 'dept-a.reviewer', 'so.council', 'city.board', 'u1.clerk']));

    const failingGauge = await until(async () => {
      const text = (await sut.get('admin', '/api/metrics')).text;
      const value = Number(/^tdkt_deliveries_failing (\d+)$/m.exec(text)?.[1] ?? 0);
      return value > 0 ? text : undefined;
    }, 'the failing gauge');
    expect(Number(/^tdkt_deliveries_pending (\d+)$/m.exec(failingGauge)?.[1])).toBeGreaterThanOrEqual(failing.length);

    // The admin's retry: anyone else is refused, an unknown id is 404.
    const target = failing[0]!;
    expect((await sut.post('u1.head', `/api/admin/deliveries/${target.id}/retry`)).status).toBe(403);
    expect((await sut.post('admin', `/api/admin/deliveries/${randomUUID()}/retry`)).status).toBe(404);
    expect((await sut.post('admin', '/api/admin/deliveries/not-an-id/retry')).status).toBe(404);
    const retried = await sut.post('admin', `/api/admin/deliveries/${target.id}/retry`);
    expect(retried.status).toBe(200);
    expect(retried.body).toMatchObject({ id: target.id, recipient: target.recipient, deliveredAt: null, lastError: expect.stringMatching(/ECONNREFUSED/) });
    expect(Math.abs(Date.parse(retried.body.nextAttemptAt) - Date.now())).toBeLessThan(2000);

    smtp = await startSmtp({ port });
    const delivered = await until(
      async () => {
        const rows = await sut.prisma.delivery.findMany(forNomination);
        return rows.every((d) => d.deliveredAt) ? rows : undefined;
      },
      'every delivery delivered',
      60_000,
    );
    // A moment more, so that a duplicate would have arrived.
    await sleep(1000);

    const counts = countByMessageId(smtp);
    const mailFrom = sut.config.MAIL_FROM;
    expect(delivered.map((d) => counts.get(messageIdFor(d.id, mailFrom)))).toEqual(delivered.map(() => 1));
    // Other mail may arrive meanwhile (a reminder falling due); none arrives twice.
    expect([...counts.values()].filter((n) => n > 1)).toEqual([]);
    for (const d of delivered) {
      const mail = smtp.mails.find((m) => messageId(m.raw) === messageIdFor(d.id, mailFrom))!;
      expect(mail.to).toEqual([d.address]);
    }
    const notes = await sut.prisma.notification.findMany({ where: { nominationId: n.id, username: { in: delivered.map((d) => d.recipient) } } });
    expect(notes.every((x) => x.emailedAt !== null)).toBe(true);
  });
});

describe('several dispatchers over one outbox', () => {
  let smtp: LocalSmtp;
  let config: AppConfig;
  const clients: PrismaService[] = [];
  const dispatchers: OutboxDispatcher[] = [];
  beforeAll(async () => {
    // Each message takes a while to accept, so the dispatchers' sends overlap.
    smtp = await startSmtp({ acceptDelayMs: 30 });
    config = loadConfig({ ...process.env, AUTH_MODE: 'dev', SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, DELIVERY_POLL_INTERVAL: '20ms', DELIVERY_LEASE: '2s' });
  });
  afterAll(async () => {
    await Promise.all(dispatchers.map((d) => d.stop()));
    await Promise.all(clients.map((c) => c.$disconnect()));
    await smtp.close();
  });

  /** A dispatcher with its own database connections and mail transport, as another worker process has. */
  function dispatcher(): { sut: OutboxDispatcher; repository: DeliveryRepository; sent: string[] } {
    const prisma = new PrismaService(config);
    clients.push(prisma);
    const mailer = new MailerService(config);
    const sent: string[] = [];
    const send = mailer.send.bind(mailer);
    mailer.send = async (mail) => {
      await send(mail);
      sent.push(mail.messageId!);
    };
    const repository = new DeliveryRepository(prisma);
    const sut = new OutboxDispatcher(repository, mailer, config);
    dispatchers.push(sut);
    return { sut, repository, sent };
  }

  async function queue(count: number): Promise<string> {
    const nominationId = randomUUID();
    const prisma = clients[0]!;
    await prisma.delivery.createMany({
      data: Array.from({ length: count }, (_, i) => ({
        channel: 'EMAIL',
        nominationId,
        seq: i,
        kind: 'REVIEW_REQUESTED',
        recipient: `race-${i}`,
        address: `race-${i}@demo.tdkt.hanoi.gov.vn`,
        subject: `Thư ${i}`,
        body: 'Kính gửi',
      })),
    });
    return nominationId;
  }

  const undelivered = (prisma: PrismaService, nominationId: string) => prisma.delivery.count({ where: { nominationId, deliveredAt: null } });

  it('two dispatchers racing over the same rows deliver each row once', async () => {
    const [a, b] = [dispatcher(), dispatcher()];
    const nominationId = await queue(60);

    a.sut.start();
    b.sut.start();
    await until(async () => ((await undelivered(clients[0]!, nominationId)) === 0 ? true : undefined), 'all 60 delivered');
    await Promise.all([a.sut.stop(), b.sut.stop()]);
    await sleep(500);

    const rows = await clients[0]!.delivery.findMany({ where: { nominationId } });
    const counts = countByMessageId(smtp);
    expect(rows.map((d) => counts.get(messageIdFor(d.id, config.MAIL_FROM)))).toEqual(rows.map(() => 1));
    expect(rows.every((d) => d.attempts === 1 && d.lockedUntil === null)).toBe(true);
    // Both took part: the race was real.
    expect(a.sent.length).toBeGreaterThan(0);
    expect(b.sent.length).toBeGreaterThan(0);
    expect(a.sent.length + b.sent.length).toBe(60);
    expect(a.sent.filter((id) => b.sent.includes(id))).toEqual([]);
  });

  it('takes over the rows of a dispatcher that died mid-send once their lease is over', async () => {
    const survivor = dispatcher();
    const nominationId = await queue(3);
    // The dead one claimed them and never came back.
    const claimed = await survivor.repository.claimDue({ limit: 100, leaseMs: 1500, maxAttempts: config.DELIVERY_MAX_ATTEMPTS });
    expect(claimed.filter((d) => d.nominationId === nominationId)).toHaveLength(3);
    const claimedAt = Date.now();

    survivor.sut.start();
    await sleep(500);
    expect(await undelivered(clients[0]!, nominationId)).toBe(3);
    await until(async () => ((await undelivered(clients[0]!, nominationId)) === 0 ? true : undefined), 'taken over');

    expect(Date.now() - claimedAt).toBeGreaterThanOrEqual(1500);
    expect(survivor.sent).toHaveLength(3);
  });
});
