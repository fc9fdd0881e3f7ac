import { SMTPServer } from 'smtp-server';
import { Harness } from './support/harness';

interface ReceivedMail {
  to: string[];
  raw: string;
}

/** A local SMTP server that keeps what it receives. */
async function startSmtp(): Promise<{ port: number; mails: ReceivedMail[]; close: () => Promise<void> }> {
  const mails: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      let raw = '';
      stream.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
      stream.on('end', () => {
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as { port: number }).port;
  return { port, mails, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

const decodedSubject = (raw: string) => {
  const header = /^Subject: (.*(?:\r\n[ \t].*)*)/m.exec(raw)?.[1] ?? '';
  return header
    .split(/\r\n[ \t]*/)
    .map((word) => {
      const encoded = /^=\?UTF-8\?([BQ])\?(.*)\?=$/i.exec(word.trim());
      if (!encoded) return word;
      return encoded[1]!.toUpperCase() === 'B'
        ? Buffer.from(encoded[2]!, 'base64').toString('utf8')
        : decodeURIComponent(encoded[2]!.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, '%$1'));
    })
    .join('');
};

describe('email notifications', () => {
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let sut: Harness;
  beforeAll(async () => {
    smtp = await startSmtp();
    sut = await Harness.start({ SMTP_URL: `smtp://127.0.0.1:${smtp.port}` });
  });
  afterAll(async () => {
    await sut.close();
    await smtp.close();
  });

  const waitForMail = async (to: string) => {
    const deadline = Date.now() + 20_000;
    for (;;) {
      const mail = smtp.mails.find((m) => m.to.includes(to));
      if (mail) return mail;
      if (Date.now() > deadline) throw new Error(`no mail for ${to}; got ${smtp.mails.map((m) => m.to).join(', ')}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  };

  it('the next reviewer receives a Vietnamese email, once', async () => {
    const n = await sut.submit();
    const toHead = await waitForMail('u1.head@demo.tdkt.hanoi.gov.vn');
    expect(decodedSubject(toHead.raw)).toContain('Hồ sơ chờ xét duyệt: Bằng khen của Chủ tịch UBND thành phố cho Nguyễn Thị Lan');

    await sut.decide('u1.head', n.id, { level: 'UNIT', decision: 'APPROVE' });
    const toDept = await waitForMail('dept-a.reviewer@demo.tdkt.hanoi.gov.vn');
    expect(decodedSubject(toDept.raw)).toContain('Hồ sơ chờ xét duyệt');
    expect(smtp.mails.filter((m) => m.to.includes('u1.head@demo.tdkt.hanoi.gov.vn'))).toHaveLength(1);
    const marked = await sut.prisma.notification.findMany({ where: { nominationId: n.id } });
    expect(marked.every((x) => x.emailedAt !== null)).toBe(true);
  });
});
