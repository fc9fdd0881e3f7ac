import { createHash, randomUUID } from 'node:crypto';
import request from 'supertest';
import { auditEventHash } from '../libs/db/audit-chain';
import { hanoiDay } from '../libs/domain/hanoi-time';
import { Harness } from './support/harness';

type AuditEvent = { seq: number; at: string; actor: string | null; action: string; subject: string; details: Record<string, unknown>; hash: string };
type Verification = { ok: boolean; events: number; firstBroken?: { seq: number; at: string | null } };

const SCHEDULE = `tdkt-audit-test-${randomUUID().slice(0, 8)}`;
const SALARY_DAY = '2001-01-01';

describe('the audit trail', () => {
  let sut: Harness;
  beforeAll(async () => {
    sut = await Harness.start();
  });
  afterAll(async () => {
    await sut.temporal.schedule
      .getHandle(SCHEDULE)
      .delete()
      .catch(() => undefined);
    await sut.prisma.baseSalary.deleteMany({ where: { effectiveFrom: new Date(`${SALARY_DAY}T00:00:00Z`) } });
    await sut.close();
  });

  const ok = <T>(res: { status: number; body: T }, status = 200): T => {
    if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const events = async (query: Record<string, string>) =>
    ok(await sut.get('admin', `/api/admin/audit?${new URLSearchParams(query).toString()}`)) as { items: AuditEvent[]; total: number };
  /** The newest event of `action` on `subject`. */
  const latest = async (action: string, subject: string) => {
    const { items } = await events({ action, subject });
    if (!items[0]) throw new Error(`no ${action} on ${subject}`);
    return items[0];
  };
  const verify = async () => ok(await sut.get('admin', '/api/admin/audit/verify')) as Verification;
  const csv = async (body: string) =>
    request(sut.app.getHttpServer())
      .post('/api/admin/award-history/import')
      .set('Authorization', `Bearer ${await sut.token('admin')}`)
      .set('content-type', 'text/csv')
      .send(body);

  describe('records every change with who made it', () => {
    it('holds placed and lifted; a lifted hold is kept, ended, and no longer in force', async () => {
      const fullName = `Người bị tạm hoãn ${randomUUID().slice(0, 6)}`;
      const until = hanoiDay(new Date(Date.now() + 30 * 86_400_000));
      const hold = ok(await sut.post('admin', '/api/admin/holds', { fullName, unitCode: 'U3', reason: 'Đang bị thanh tra', until }), 201) as { id: string };
      expect(await latest('HOLD_PLACED', `hold:${hold.id}`)).toMatchObject({
        actor: 'admin',
        details: { fullName, unitCode: 'U3', reason: 'Đang bị thanh tra', until },
      });

      const lift = await request(sut.app.getHttpServer())
        .delete(`/api/admin/holds/${hold.id}`)
        .set('Authorization', `Bearer ${await sut.token('admin')}`);
      expect(lift.status).toBe(204);
      expect(await latest('HOLD_LIFTED', `hold:${hold.id}`)).toMatchObject({ actor: 'admin', details: { fullName, unitCode: 'U3' } });
      expect(await sut.prisma.hold.findUnique({ where: { id: hold.id } })).toMatchObject({ endedBy: 'admin', endedAt: expect.any(Date) });
      const listed = ok(await sut.get('admin', '/api/admin/holds')) as { items: { id: string }[] };
      expect(listed.items.map((h) => h.id)).not.toContain(hold.id);
      const again = await request(sut.app.getHttpServer())
        .delete(`/api/admin/holds/${hold.id}`)
        .set('Authorization', `Bearer ${await sut.token('admin')}`);
      expect(again.status).toBe(404);
      // Ended, it refuses no submission (a refused one throws).
      await sut.submit('u3.clerk', { nominee: { kind: 'INDIVIDUAL', fullName, position: 'Chuyên viên' }, awardCode: 'GIAY_KHEN_GIAM_DOC_SO' });
    });

    it('delegations given and revoked; a revoked one is kept, ended, and listed no more', async () => {
      const today = hanoiDay(new Date());
      const given = ok(
        await sut.post('dept-a.reviewer', '/api/delegations', { deputy: 'dept-a.deputy', level: 'DEPARTMENT', from: today, to: today }),
        201,
      ) as { id: string };
      expect(await latest('DELEGATION_GIVEN', `delegation:${given.id}`)).toMatchObject({
        actor: 'dept-a.reviewer',
        details: { deputy: 'dept-a.deputy', level: 'DEPARTMENT', orgCode: 'DEPT-A', fromDay: today, toDay: today },
      });
      const revoked = await request(sut.app.getHttpServer())
        .delete(`/api/delegations/${given.id}`)
        .set('Authorization', `Bearer ${await sut.token('admin')}`);
      expect(revoked.status).toBe(204);
      expect(await latest('DELEGATION_REVOKED', `delegation:${given.id}`)).toMatchObject({ actor: 'admin' });
      expect(await sut.prisma.delegation.findUnique({ where: { id: given.id } })).toMatchObject({ endedBy: 'admin' });
      const listed = ok(await sut.get('dept-a.reviewer', '/api/delegations')) as { given: { id: string }[] };
      expect(listed.given.map((d) => d.id)).not.toContain(given.id);
      const received = ok(await sut.get('dept-a.deputy', '/api/delegations')) as { received: { id: string }[] };
      expect(received.received.map((d) => d.id)).not.toContain(given.id);
    });

    it('award-history imports, keeping what an overwritten row said before', async () => {
      const name = `Người nhập lịch sử ${randomUUID().slice(0, 6)}`;
      const header = 'fullName,unitCode,awardCode,year,decisionRef,basis';
      ok(await csv(`${header}\n${name},U2,CSTD_CO_SO,2024,QĐ 1/QĐ-SCT,REGULAR\n`));
      const second = `${header}\n${name},U2,CSTD_CO_SO,2024,QĐ 2/QĐ-SCT,REGULAR\n${name},U2,CSTD_CO_SO,2025,QĐ 3/QĐ-SCT,REGULAR\n`;
      ok(await csv(second));
      const event = await latest('AWARD_HISTORY_IMPORTED', `award-history:${createHash('sha256').update(second).digest('hex')}`);
      expect(event).toMatchObject({
        actor: 'admin',
        details: {
          source: 'csv-import:admin',
          rows: 2,
          created: 1,
          overwritten: [
            {
              fullName: name,
              unitCode: 'U2',
              awardCode: 'CSTD_CO_SO',
              year: 2024,
              before: { decisionRef: 'QĐ 1/QĐ-SCT', source: 'csv-import:admin', basis: 'REGULAR' },
              after: { decisionRef: 'QĐ 2/QĐ-SCT', basis: 'REGULAR' },
            },
          ],
        },
      });
    });

    it('calendar saves, with the overrides they replaced', async () => {
      const put = async (holidays: string[]) =>
        request(sut.app.getHttpServer())
          .put('/api/admin/calendar/2035')
          .set('Authorization', `Bearer ${await sut.token('admin')}`)
          .send({ holidays, workingWeekends: [] });
      expect((await put(['2035-01-01'])).status).toBe(200);
      expect((await put(['2035-01-01', '2035-01-02'])).status).toBe(200);
      expect(await latest('CALENDAR_SAVED', 'calendar:2035')).toMatchObject({
        actor: 'admin',
        details: { holidays: ['2035-01-01', '2035-01-02'], workingWeekends: [], previous: { holidays: ['2035-01-01'], workingWeekends: [] } },
      });
    });

    it('base salary added, once', async () => {
      const put = async () =>
        request(sut.app.getHttpServer())
          .put('/api/admin/base-salary')
          .set('Authorization', `Bearer ${await sut.token('admin')}`)
          .send({ amount: 180_000, effectiveFrom: SALARY_DAY });
      expect((await put()).status).toBe(200);
      expect((await put()).status).toBe(200);
      const { items } = await events({ action: 'BASE_SALARY_ADDED', subject: `base-salary:${SALARY_DAY}` });
      expect(items).toEqual([expect.objectContaining({ actor: 'admin', details: { amount: 180_000, effectiveFrom: SALARY_DAY } })]);
    });

    it('campaigns created', async () => {
      const code = `AUDIT-${randomUUID().slice(0, 8).toUpperCase()}`;
      const year = Number(hanoiDay(new Date()).slice(0, 4));
      const opensAt = new Date(Date.now() + 30 * 86_400_000).toISOString();
      const closesAt = new Date(Date.now() + 60 * 86_400_000).toISOString();
      const body = { code, name: 'Đợt kiểm toán', year, kind: 'THEMED', awardCodes: ['GIAY_KHEN_GIAM_DOC_SO'], opensAt, closesAt };
      const campaign = ok(await sut.post('admin', '/api/campaigns', body), 201) as { id: string };
      expect(await latest('CAMPAIGN_CREATED', `campaign:${campaign.id}`)).toMatchObject({ actor: 'admin', details: { code, opensAt, closesAt } });
    });

    it('schedules paused, resumed and triggered', async () => {
      await sut.temporal.schedule.create({
        scheduleId: SCHEDULE,
        spec: { cronExpressions: ['0 8 1 1 *'] },
        // Never run: no worker polls this queue, and the schedule is deleted after the test.
        action: { type: 'startWorkflow', workflowType: 'noSuchWorkflow', taskQueue: `audit-${randomUUID()}`, args: [] },
      });
      ok(await sut.post('admin', `/api/admin/schedules/${SCHEDULE}/pause`, { reason: 'Bảo trì' }));
      ok(await sut.post('admin', `/api/admin/schedules/${SCHEDULE}/resume`, {}));
      ok(await sut.post('admin', `/api/admin/schedules/${SCHEDULE}/trigger`, {}));
      const { items } = await events({ subject: `schedule:${SCHEDULE}` });
      expect(items.map((e) => [e.action, e.actor, e.details])).toEqual([
        ['SCHEDULE_TRIGGERED', 'admin', {}],
        ['SCHEDULE_RESUMED', 'admin', { reason: null }],
        ['SCHEDULE_PAUSED', 'admin', { reason: 'Bảo trì' }],
      ]);
    });

    it('a nomination’s documents, submission, decisions and withdrawal, newest first', async () => {
      const n = await sut.submit('u1.clerk');
      expect((await sut.decide('u1.head', n.id, { level: 'UNIT', decision: 'APPROVE' })).status).toBe(200);
      ok(await sut.post('admin', `/api/admin/nominations/${n.id}/deadline`, { dueAt: new Date(Date.now() + 86_400_000).toISOString(), reason: 'Gia hạn' }));
      ok(await sut.post('u1.clerk', `/api/nominations/${n.id}/withdraw`, { reason: 'Rút để bổ sung' }));
      const { items, total } = await events({ subject: `nomination:${n.id}` });
      expect(items.map((e) => [e.action, e.actor])).toEqual([
        ['WITHDRAWN', 'u1.clerk'],
        ['DEADLINE_CHANGED', 'admin'],
        ['DECIDED', 'u1.head'],
        ['SUBMITTED', 'u1.clerk'],
        ['DOCUMENT_ATTACHED', 'u1.clerk'],
      ]);
      expect(total).toBe(5);
      const attached = items[4]!.details.documents as { id: string }[];
      for (const { id } of attached) expect(await latest('DOCUMENT_UPLOADED', `document:${id}`)).toMatchObject({ actor: 'u1.clerk' });
      // Filters combine; seq orders them whatever `at` says.
      expect((await events({ subject: `nomination:${n.id}`, actor: 'u1.head' })).items.map((e) => e.action)).toEqual(['DECIDED']);
      expect(items.map((e) => e.seq)).toEqual([...items.map((e) => e.seq)].sort((a, b) => b - a));
    });

    it('votes cast, never how', async () => {
      const n = await sut.submit('u2.clerk', { awardCode: 'CSTD_CO_SO', unitCode: 'U2', nominee: { kind: 'INDIVIDUAL', fullName: 'Lê Văn Quang' } });
      expect((await sut.decide('u2.head', n.id, { level: 'UNIT', decision: 'APPROVE' })).status).toBe(200);
      expect((await sut.decide('dept-a.reviewer', n.id, { level: 'DEPARTMENT', decision: 'APPROVE' })).status).toBe(200);
      ok(await sut.post('so.member1', `/api/nominations/${n.id}/votes`, { vote: 'AGAINST', requestId: `vote-${n.id}` }));
      const vote = await latest('VOTE_CAST', `nomination:${n.id}`);
      expect(vote).toMatchObject({ actor: 'so.member1', details: { level: 'SO' } });
      expect(JSON.stringify(vote)).not.toMatch(/AGAINST|FOR/);
    });
  });

  describe('the read API', () => {
    it('refuses a bad filter naming it, and anyone but an admin', async () => {
      for (const [query, path] of [
        ['from=yesterday', 'from'],
        ['actor=a%20b', 'actor'],
        ['subject=nomination', 'subject'],
        ['from=2026-02-01&to=2026-01-01', 'to'],
        ['pageSize=1000', 'pageSize'],
        ['colour=red', 'colour'],
      ]) {
        const res = await sut.get('admin', `/api/admin/audit?${query}`);
        expect(res.status).toBe(400);
        expect(res.body.error.details).toEqual(expect.arrayContaining([expect.objectContaining({ path })]));
      }
      expect((await sut.get('u1.head', '/api/admin/audit')).status).toBe(403);
      expect((await sut.get('u1.head', '/api/admin/audit/verify')).status).toBe(403);
    });

    it('reads a day as a whole day in Hà Nội', async () => {
      const today = hanoiDay(new Date());
      const { items } = await events({ from: today, to: today, pageSize: '5' });
      expect(items.length).toBeGreaterThan(0);
      for (const e of items) expect(hanoiDay(new Date(e.at))).toBe(today);
    });
  });

  describe('the chain', () => {
    const stored = async () => (await sut.prisma.auditChainHead.findUniqueOrThrow({ where: { id: true } })).seq;
    /** A recent event not at the end of the chain, as raw JSON of its row. */
    const middle = async () => {
      const seq = (await stored()) - 2;
      const [row] = await sut.prisma.$queryRaw<
        { row: string; at: Date }[]
      >`SELECT row_to_json(e)::text AS row, at FROM audit_events e WHERE chain_seq = ${seq}`;
      return { seq, row: row!.row, at: row!.at.toISOString() };
    };
    /** As someone with the database's rights would, past the trigger that keeps the chain. */
    const behindTheTrigger = (sql: string, ...values: unknown[]) =>
      sut.prisma.$transaction(async (tx) => {
        await tx.$executeRawUnsafe('SET LOCAL session_replication_role = replica');
        await tx.$executeRawUnsafe(sql, ...values);
      });

    it('verifies as written, and after many writers at once', async () => {
      const a = await sut.submit('u1.clerk');
      const b = await sut.submit('u2.clerk', { unitCode: 'U2' });
      const [first, second] = await Promise.all([
        sut.decide('u1.head', a.id, { level: 'UNIT', decision: 'APPROVE' }),
        sut.decide('u2.head', b.id, { level: 'UNIT', decision: 'APPROVE' }),
        ...Array.from({ length: 8 }, (_, i) =>
          sut.post('admin', '/api/admin/holds', { fullName: `Đồng thời ${i} ${randomUUID().slice(0, 4)}`, unitCode: 'U3', reason: 'Thử', until: '2099-12-31' }),
        ),
      ]);
      expect([first!.status, second!.status]).toEqual([200, 200]);
      const check = await verify();
      expect(check).toEqual({ ok: true, events: await sut.prisma.auditEvent.count() });
      expect(await sut.prisma.auditEvent.aggregate({ _max: { chainSeq: true }, _min: { chainSeq: true } })).toEqual({
        _max: { chainSeq: check.events },
        _min: { chainSeq: 1 },
      });
    });

    it('finds an edited event', async () => {
      const { seq, row, at } = await middle();
      await sut.prisma.$executeRaw`UPDATE audit_events SET data = '{"edited": true}' WHERE chain_seq = ${seq}`;
      try {
        expect(await verify()).toMatchObject({ ok: false, firstBroken: { seq, at } });
      } finally {
        await sut.prisma.$executeRaw`UPDATE audit_events SET data = (${row}::json ->> 'data')::jsonb WHERE chain_seq = ${seq}`;
      }
      expect((await verify()).ok).toBe(true);
    });

    it('finds a deleted event: the one after it no longer follows', async () => {
      const { seq, row } = await middle();
      const [next] = await sut.prisma.$queryRaw<{ at: Date }[]>`SELECT at FROM audit_events WHERE chain_seq = ${seq + 1}`;
      await sut.prisma.$executeRaw`DELETE FROM audit_events WHERE chain_seq = ${seq}`;
      try {
        expect(await verify()).toMatchObject({ ok: false, firstBroken: { seq: seq + 1, at: next!.at.toISOString() } });
      } finally {
        await behindTheTrigger('INSERT INTO audit_events SELECT * FROM json_populate_record(NULL::audit_events, $1::json)', row);
      }
      expect((await verify()).ok).toBe(true);
    });

    it('finds an inserted event, even one hashed as the database would', async () => {
      const head = await sut.prisma.auditChainHead.findUniqueOrThrow({ where: { id: true } });
      const forged = { seq: head.seq + 1, at: new Date(), actor: 'admin', action: 'HOLD_LIFTED', subject: `hold:${randomUUID()}`, details: '{}' };
      await behindTheTrigger(
        'INSERT INTO audit_events (id, chain_seq, kind, actor, subject, data, at, hash) VALUES ($1::uuid, $2, $3, $4, $5, $6::jsonb, $7, $8)',
        randomUUID(),
        forged.seq,
        forged.action,
        forged.actor,
        forged.subject,
        forged.details,
        forged.at,
        auditEventHash(head.hash, forged),
      );
      try {
        expect(await verify()).toMatchObject({ ok: false, firstBroken: { seq: forged.seq, at: forged.at.toISOString() } });
      } finally {
        await sut.prisma.$executeRaw`DELETE FROM audit_events WHERE chain_seq = ${forged.seq}`;
      }
      expect((await verify()).ok).toBe(true);
    });
  });
});
