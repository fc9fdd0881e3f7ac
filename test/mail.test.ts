import { messageIdFor } from '../libs/outbox/outbox-dispatcher';
import { decodedSubject, messageId, startSmtp, type LocalSmtp } from './support/smtp';
import { Harness } from './support/harness';
import { until } from './support/until';

describe('email notifications', () => {
  let smtp: LocalSmtp;
  let sut: Harness;
  beforeAll(async () => {
    smtp = await startSmtp();
    sut = await Harness.start({ SMTP_URL: `smtp://127.0.0.1:${smtp.port}` });
  });
  afterAll(async () => {
    await sut.close();
    await smtp.close();
  });

  it('the next reviewer receives a Vietnamese email, once', async () => {
    const n = await sut.submit();
    const toHead = await smtp.waitFor('u1.head@demo.tdkt.hanoi.gov.vn');
    expect(decodedSubject(toHead.raw)).toContain('Hồ sơ chờ xét duyệt: Bằng khen của Chủ tịch UBND thành phố cho Nguyễn Thị Lan');

    await sut.decide('u1.head', n.id, { level: 'UNIT', decision: 'APPROVE' });
    const toDept = await smtp.waitFor('dept-a.reviewer@demo.tdkt.hanoi.gov.vn');
    expect(decodedSubject(toDept.raw)).toContain('Hồ sơ chờ xét duyệt');
    expect(smtp.mails.filter((m) => m.to.includes('u1.head@demo.tdkt.hanoi.gov.vn'))).toHaveLength(1);
    // Sent from the outbox after the transition: each notification is marked once its email is accepted.
    await until(async () => {
      const marked = await sut.prisma.notification.findMany({ where: { nominationId: n.id } });
      return marked.every((x) => x.emailedAt !== null) ? marked : undefined;
    }, 'every notification emailed');
    const deliveries = await sut.prisma.delivery.findMany({ where: { nominationId: n.id } });
    expect(deliveries.map((d) => smtp.mails.filter((m) => messageId(m.raw) === messageIdFor(d.id, sut.config.MAIL_FROM)).length)).toEqual(
      deliveries.map(() => 1),
    );
  });
});
