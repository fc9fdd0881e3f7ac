import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { Harness } from './support/harness';

type Body = Record<string, unknown>;
type Path = (string | number)[];

/** Every string a request carries, by its path: each one is a field a client could poison. */
function stringLeaves(value: unknown, path: Path = []): Path[] {
  if (typeof value === 'string') return [path];
  if (Array.isArray(value)) return value.flatMap((item, i) => stringLeaves(item, [...path, i]));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => stringLeaves(v, [...path, k]));
  return [];
}

function poisoned(value: unknown, path: Path, bad: string): unknown {
  if (path.length === 0) {
    const s = value as string;
    return `${s.slice(0, 1)}${bad}${s.slice(1)}`;
  }
  const [head, ...rest] = path;
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<string | number, unknown>;
  copy[head!] = poisoned(copy[head!], rest, bad);
  return copy;
}

// NUL first (what PostgreSQL refuses), then the other kinds: C0 controls, DEL, unpaired surrogates.
const POISONS = ['\u0000', '\u0001', '\u0008', '\u000B', '\u001B', '\u007F', '\uD800', '\uDFFF'];

interface Endpoint {
  name: string;
  as: string;
  method: 'get' | 'post' | 'put';
  path: string;
  /** A valid body, or a valid query for a GET. */
  input: Body;
}

describe('input that cannot poison: control characters are refused on every text field', () => {
  let sut: Harness;
  let target: { id: string };
  let other: { id: string };

  beforeAll(async () => {
    sut = await Harness.start();
    target = await sut.submit();
    other = await sut.submit();
    // Settled (submission written, reviewers notified), so that the snapshots compare only what the refusals might have done.
    for (const n of [target, other]) await sut.waitForRow(n.id, (row) => row.version >= 1);
  });
  afterAll(async () => {
    await sut.close();
  });

  const send = async (e: Endpoint, input: Body) => {
    const agent = request(sut.app.getHttpServer());
    const call = agent[e.method](e.path).set('Authorization', `Bearer ${await sut.token(e.as)}`);
    return e.method === 'get' ? call.query(input) : call.send(input);
  };

  /** What any accepted request would change: every table's row count, and the two nominations as their users see them. */
  const snapshot = async () => {
    const p = sut.prisma;
    return {
      counts: await Promise.all([
        p.nomination.count(),
        p.decision.count(),
        p.auditEvent.count(),
        p.notification.count(),
        p.delivery.count(),
        p.hold.count(),
        p.campaign.count(),
        p.delegation.count(),
        p.awardHistory.count(),
        p.calendarYear.count(),
        p.levelAssignment.count(),
        p.voter.count(),
      ]),
      target: (await sut.get('u1.clerk', `/api/nominations/${target.id}`)).body,
      other: (await sut.get('u1.clerk', `/api/nominations/${other.id}`)).body,
    };
  };

  const endpoints = (): Endpoint[] => {
    const reason = 'Điều chỉnh theo đề nghị của đơn vị';
    const requestId = `poison-${randomUUID()}`;
    const dueAt = new Date(Date.now() + 7 * 86_400_000).toISOString();
    const filter = { level: 'UNIT', unitCode: 'U1', awardCode: 'BANG_KHEN_UBND_TP', campaignId: 'REGULAR-2026' };
    return [
      {
        name: 'submit',
        as: 'u1.clerk',
        method: 'post',
        path: '/api/nominations',
        input: {
          awardCode: 'BANG_KHEN_UBND_TP',
          year: 2026,
          unitCode: 'U1',
          nominee: { kind: 'INDIVIDUAL', fullName: 'Nguyễn Thị Lan', position: 'Chuyên viên' },
          achievements: 'Hoàn thành xuất sắc nhiệm vụ, có hai sáng kiến được công nhận cấp cơ sở.',
          declarations: { rating: 'HTXS', initiatives: ['Số hóa quy trình cấp phép'], research: ['Đề tài cụm công nghiệp'] },
          campaignId: randomUUID(),
          requestId,
        },
      },
      {
        name: 'submit a collective',
        as: 'u1.clerk',
        method: 'post',
        path: '/api/nominations',
        input: {
          awardCode: 'TAP_THE_LAO_DONG_XUAT_SAC',
          year: 2026,
          nominee: { kind: 'COLLECTIVE', name: 'Phòng Kế hoạch' },
          achievements: 'Tập thể hoàn thành xuất sắc nhiệm vụ năm.',
        },
      },
      { name: 'list', as: 'u1.clerk', method: 'get', path: '/api/nominations', input: { status: 'IN_REVIEW', ...filter, page: '1', pageSize: '20' } },
      {
        name: 'decide',
        as: 'u1.head',
        method: 'post',
        path: `/api/nominations/${target.id}/decisions`,
        input: { level: 'UNIT', decision: 'REJECT', comment: 'Không đạt', ground: 'CRITERIA_NOT_MET', requestId },
      },
      {
        name: 'resubmit',
        as: 'u1.clerk',
        method: 'post',
        path: `/api/nominations/${target.id}/resubmit`,
        input: { achievements: 'Bổ sung thành tích năm 2025 đầy đủ.', comment: 'Đã bổ sung', requestId },
      },
      { name: 'withdraw', as: 'u1.clerk', method: 'post', path: `/api/nominations/${target.id}/withdraw`, input: { reason: 'Đơn vị rút hồ sơ', requestId } },
      { name: 'vote', as: 'so.member1', method: 'post', path: `/api/nominations/${target.id}/votes`, input: { vote: 'FOR', requestId } },
      { name: 'close vote', as: 'so.council', method: 'post', path: `/api/nominations/${target.id}/votes/close`, input: { requestId } },
      {
        name: 'delegate',
        as: 'dept-a.reviewer',
        method: 'post',
        path: '/api/delegations',
        input: { deputy: 'dept-a.deputy', level: 'DEPARTMENT', from: '2026-03-02', to: '2026-03-06' },
      },
      { name: 'stuck', as: 'admin', method: 'get', path: '/api/admin/stuck', input: { ...filter, minOverdueDays: '1' } },
      { name: 'bulk deadline', as: 'admin', method: 'post', path: '/api/admin/nominations/deadline', input: { filter, dueAt, reason } },
      { name: 'nudge', as: 'admin', method: 'post', path: `/api/admin/nominations/${target.id}/nudge`, input: { reason, requestId } },
      {
        name: 'reassign',
        as: 'admin',
        method: 'post',
        path: `/api/admin/nominations/${target.id}/reassign`,
        input: { level: 'UNIT', reviewer: 'u1.head', reason, requestId },
      },
      { name: 'deadline', as: 'admin', method: 'post', path: `/api/admin/nominations/${target.id}/deadline`, input: { dueAt, reason, requestId } },
      { name: 'repair', as: 'admin', method: 'post', path: `/api/admin/nominations/${target.id}/repair`, input: { reason, requestId } },
      {
        name: 'hold',
        as: 'admin',
        method: 'post',
        path: '/api/admin/holds',
        input: { fullName: 'Trần Văn Hùng', unitCode: 'U1', reason: 'Đang bị xem xét kỷ luật', until: '2099-12-31' },
      },
      {
        name: 'award history',
        as: 'admin',
        method: 'get',
        path: '/api/admin/award-history',
        input: { fullName: 'Nguyễn Thị Lan', unitCode: 'U1', page: '1', pageSize: '10' },
      },
      { name: 'pause schedule', as: 'admin', method: 'post', path: '/api/admin/schedules/tdkt-campaign-regular/pause', input: { reason } },
      { name: 'resume schedule', as: 'admin', method: 'post', path: '/api/admin/schedules/tdkt-campaign-regular/resume', input: { reason } },
      {
        name: 'campaign',
        as: 'admin',
        method: 'post',
        path: '/api/campaigns',
        input: {
          code: `POISON-${Date.now()}`,
          name: 'Đợt thi đua thử',
          year: 2026,
          kind: 'THEMED',
          awardCodes: ['BANG_KHEN_UBND_TP'],
          opensAt: new Date(Date.now() + 3_600_000).toISOString(),
          closesAt: new Date(Date.now() + 7_200_000).toISOString(),
          decisionDeadline: new Date(Date.now() + 86_400_000).toISOString(),
          levelDeadlines: { UNIT: '5wd' },
        },
      },
      { name: 'calendar', as: 'admin', method: 'put', path: '/api/admin/calendar/2026', input: { holidays: ['2026-01-02'], workingWeekends: ['2026-01-10'] } },
      { name: 'working days', as: 'u1.clerk', method: 'get', path: '/api/calendar/working-days', input: { from: '2026-01-05', days: '3' } },
      { name: 'dev token', as: 'u1.clerk', method: 'post', path: '/api/auth/dev-token', input: { username: 'u1.head' } },
    ];
  };

  it('answers 400 VALIDATION_FAILED naming the field, for every string of every endpoint, and changes nothing', async () => {
    const before = await snapshot();
    const misses: string[] = [];
    let sent = 0;
    for (const e of endpoints()) {
      for (const [k, path] of stringLeaves(e.input).entries()) {
        const field = path.join('.');
        // NUL on every field, and each field one more kind, so that every kind meets every endpoint.
        for (const bad of new Set([POISONS[0]!, POISONS[1 + (k % (POISONS.length - 1))]!])) {
          const res = await send(e, poisoned(e.input, path, bad) as Body);
          sent++;
          const named =
            res.status === 400 && res.body.error?.code === 'VALIDATION_FAILED' && res.body.error.details.some((d: { path: string }) => d.path === field);
          if (!named)
            misses.push(`${e.name} ${field} U+${bad.charCodeAt(0).toString(16).padStart(4, '0')}: ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
        }
      }
    }
    expect(misses).toEqual([]);
    expect(sent).toBeGreaterThan(100);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a control character in any cell of an award-history file, naming its line and column, and imports nothing', async () => {
    const header = 'fullName,unitCode,awardCode,year,decisionRef';
    const cells = ['Lê Văn Nam', 'U1', 'CSTD_CO_SO', '2025', 'QĐ 12/QĐ-SCT'];
    const before = await sut.prisma.awardHistory.count();
    for (const [column, name] of header.split(',').entries()) {
      for (const bad of ['\u0000', '\u001F']) {
        const row = cells.map((c, i) => (i === column ? `"${c.slice(0, 1)}${bad}${c.slice(1)}"` : c)).join(',');
        const res = await request(sut.app.getHttpServer())
          .post('/api/admin/award-history/import')
          .set('Authorization', `Bearer ${await sut.token('admin')}`)
          .set('Content-Type', 'text/csv')
          .send(`${header}\nPhạm Thị Hoa,U1,CSTD_CO_SO,2025,QĐ 13\n${row}\n`);
        expect(res.status).toBe(400);
        expect(res.body.error.details).toEqual([{ path: 'line:3', message: expect.stringContaining(name) }]);
      }
    }
    expect(await sut.prisma.awardHistory.count()).toBe(before);
  });

  it('keeps tab, LF and CR, and stores Vietnamese in NFC', async () => {
    const fullName = 'Nguyễn Thị Lan';
    const n = await sut.submit('u1.clerk', {
      nominee: { kind: 'INDIVIDUAL', fullName: fullName.normalize('NFD'), position: 'Chuyên viên' },
      achievements: 'Thành tích:\r\n\t- hai sáng kiến cấp cơ sở được công nhận',
    });
    const row = await sut.prisma.nomination.findUniqueOrThrow({ where: { id: n.id } });
    expect((row.nominee as { fullName: string }).fullName).toBe(fullName.normalize('NFC'));
    expect(row.achievements).toBe('Thành tích:\r\n\t- hai sáng kiến cấp cơ sở được công nhận');
  });

  it('after every refusal the nominations are still decidable: a level decided, a withdrawal with a clean reason', async () => {
    const jammer = await sut.post('u1.clerk', `/api/nominations/${other.id}/withdraw`, { reason: 'x\u0000' });
    expect(jammer.status).toBe(400);
    expect(jammer.body.error.details).toEqual([{ path: 'reason', message: expect.stringContaining('U+0000') }]);

    const decided = await sut.decide('u1.head', target.id, { level: 'UNIT', decision: 'APPROVE', comment: 'Đồng ý' });
    expect(decided.status).toBe(200);
    expect(decided.body).toMatchObject({ status: 'IN_REVIEW', currentLevel: 'DEPARTMENT' });
    const withdrawn = await sut.post('u1.clerk', `/api/nominations/${other.id}/withdraw`, { reason: 'Đơn vị rút hồ sơ' });
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.status).toBe('WITHDRAWN');
  });

  it('answers malformed, oversized and mistyped bodies with a 4xx in the error shape', async () => {
    const server = sut.app.getHttpServer();
    const token = `Bearer ${await sut.token('u1.clerk')}`;
    const malformed = await request(server).post('/api/nominations').set('Authorization', token).set('Content-Type', 'application/json').send('{"awardCode":');
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe('VALIDATION_FAILED');

    const huge = await request(server)
      .post(`/api/nominations/${other.id}/withdraw`)
      .set('Authorization', token)
      .send({ reason: 'x'.repeat(2_000_000) });
    expect(huge.status).toBe(413);
    expect(huge.body.error.code).toBe('PAYLOAD_TOO_LARGE');

    const xml = await request(server).post('/api/nominations').set('Authorization', token).set('Content-Type', 'application/xml').send('<nomination/>');
    expect(xml.status).toBe(400);
    expect(xml.body.error.code).toBe('VALIDATION_FAILED');

    const charset = await request(server)
      .post('/api/nominations')
      .set('Authorization', token)
      .set('Content-Type', 'application/json; charset=ebcdic')
      .send('{}');
    expect(charset.status).toBe(415);
    expect(charset.body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });
});
