import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string[];
  raw: string;
}

export interface LocalSmtp {
  port: number;
  mails: ReceivedMail[];
  waitFor(to: string, timeoutMs?: number): Promise<ReceivedMail>;
  close(): Promise<void>;
}

export interface SmtpOptions {
  /** A port of the test's choosing (e.g. one the product was already told about); by default any free one. */
  port?: number;
  /** How long the server takes to accept each message, to keep sends in flight for a while. */
  acceptDelayMs?: number;
}

/** A local SMTP server that keeps what it receives. */
export async function startSmtp({ port: wanted = 0, acceptDelayMs = 0 }: SmtpOptions = {}): Promise<LocalSmtp> {
  const mails: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      let raw = '';
      stream.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
      stream.on('end', () => {
        setTimeout(() => {
          mails.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
          callback();
        }, acceptDelayMs);
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(wanted, '127.0.0.1', resolve));
  const port = (server.server.address() as { port: number }).port;
  const waitFor = async (to: string, timeoutMs = 20_000) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const mail = mails.find((m) => m.to.includes(to));
      if (mail) return mail;
      if (Date.now() > deadline) throw new Error(`no mail for ${to}; got ${mails.map((m) => m.to).join(', ')}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  };
  return { port, mails, waitFor, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** The Message-ID header's value, brackets included. */
export const messageId = (raw: string) => /^Message-ID: *(<[^>]*>)/im.exec(raw)?.[1];

export const decodedSubject = (raw: string) => {
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
