import { Logger } from '@nestjs/common';
import { decodedSubject, startSmtp, type LocalSmtp } from './support/smtp';
import { Harness } from './support/harness';
import { until } from './support/until';

// Distinctive enough that no log line could hold them by chance.
const NOMINEE = 'Quách Thị Xuyến Lưu Ký';
const ACHIEVEMENT = 'Sáng kiến Zephyrin-4417 về số hóa hồ sơ cụm công nghiệp';
const COMMENT = 'Nhận xét riêng Vortigaunt-93 của trưởng đơn vị';
const ADDRESS = 'dept-a.reviewer@demo.tdkt.hanoi.gov.vn';

describe('logs at info carry ids and codes, never what a nomination says', () => {
  const lines: string[] = [];
  const nestLines: string[] = [];
  const spies: jest.SpyInstance[] = [];
  let smtp: LocalSmtp;
  let sut: Harness;

  beforeAll(async () => {
    // The Nest loggers (mailer, outbox, services) write to the console in tests: read what they are handed.
    for (const method of ['log', 'warn', 'error', 'debug', 'verbose', 'fatal'] as const) {
      const capture = (...args: unknown[]) => void nestLines.push(args.map((a) => (a instanceof Error ? `${a.message} ${a.stack}` : String(a))).join(' '));
      spies.push(jest.spyOn(Logger.prototype, method).mockImplementation(capture), jest.spyOn(Logger, method).mockImplementation(capture));
    }
    smtp = await startSmtp();
    sut = await Harness.start(
      { LOG_LEVEL: 'info', SMTP_URL: `smtp://127.0.0.1:${smtp.port}` },
      { logDestination: { write: (line: string) => void lines.push(line) } },
    );
  });

  afterAll(async () => {
    await sut.close();
    await smtp.close();
    for (const spy of spies) spy.mockRestore();
  });

  it('a nomination submitted, decided with a comment and emailed leaves no name, achievement, comment or address in any log line', async () => {
    const n = await sut.submit('u1.clerk', { nominee: { kind: 'INDIVIDUAL', fullName: NOMINEE, position: 'Chuyên viên' }, achievements: ACHIEVEMENT });
    const res = await sut.decide('u1.head', n.id, { level: 'UNIT', decision: 'APPROVE', comment: COMMENT });
    expect(res.status).toBe(200);
    // The worker's outbox sent it: the name went through the mailer, the dispatcher and the activities.
    // Other files' mail still in the shared outbox may reach this server first: wait for this nomination's.
    const mail = await until(
      async () => smtp.mails.find((m) => m.to.includes(ADDRESS) && decodedSubject(m.raw).includes(NOMINEE)),
      'the email about this nomination',
    );
    expect(decodedSubject(mail.raw)).toContain(NOMINEE);
    expect((await sut.get('u1.head', `/api/nominations/${n.id}`)).body).toMatchObject({ nominee: { fullName: NOMINEE } });

    const all = [...lines, ...nestLines];
    // The run did log, through both the API and the worker, with the nomination's id.
    expect(lines.some((l) => l.includes('"name":"api"') && l.includes(n.id))).toBe(true);
    expect(lines.some((l) => l.includes('"name":"worker"') && l.includes('"activityType":"commitTransition"'))).toBe(true);
    expect(nestLines.some((l) => l.startsWith('mail sent'))).toBe(true);
    for (const secret of [NOMINEE, 'Xuyến', ACHIEVEMENT, 'Zephyrin', COMMENT, 'Vortigaunt', ADDRESS, '@demo.tdkt']) {
      expect({ secret, lines: all.filter((l) => l.includes(secret)) }).toEqual({ secret, lines: [] });
    }
    // Request lines describe the call, not its headers (the bearer token) or its body.
    expect(lines.filter((l) => /"(req|headers|body)":|authorization|Bearer/i.test(l))).toEqual([]);
  });

  it('a search by a person’s name leaves the name in no request line, as typed or as sent in the URL', async () => {
    const searched = 'Nghiêm Thị Quỳnh Zebulon';
    const query = `fullName=${encodeURIComponent(searched)}`;
    const before = lines.length;

    expect((await sut.get('admin', `/api/admin/award-history?${query}`)).status).toBe(200);
    // Refused too: a query parameter the route does not know is still logged without its value.
    expect((await sut.get('u1.clerk', `/api/nominations?${query}`)).status).toBe(400);

    const requestLines = lines.slice(before).filter((l) => l.includes('"url":'));
    expect(requestLines.filter((l) => l.includes('"url":"/api/admin/award-history"'))).toHaveLength(1);
    expect(requestLines.filter((l) => l.includes('"url":"/api/nominations"'))).toHaveLength(1);
    for (const secret of [searched, 'Zebulon', encodeURIComponent(searched), 'fullName']) {
      expect({ secret, lines: [...lines, ...nestLines].filter((l) => l.includes(secret)) }).toEqual({ secret, lines: [] });
    }
  });
});
