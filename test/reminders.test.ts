import request from 'supertest';
import { Harness } from './support/harness';
import { startSmtp, type LocalSmtp } from './support/smtp';

type Note = { kind: string; nominationId: string; createdAt: string };

describe('reminders and escalation, each once and in order', () => {
  let smtp: LocalSmtp;
  let sut: Harness;
  beforeAll(async () => {
    smtp = await startSmtp();
    sut = await Harness.start({ DEADLINE_UNIT: '4s', REMINDER_BEFORE: '2s', ESCALATE_AFTER: '2s', SMTP_URL: `smtp://127.0.0.1:${smtp.port}` });
  });
  afterAll(async () => {
    await sut.close();
    await smtp.close();
  });

  const notes = async (username: string, nominationId: string): Promise<Note[]> =>
    ((await sut.get(username, '/api/notifications')).body.items as Note[]).filter((x) => x.nominationId === nominationId).reverse();

  it('reminds the level’s reviewers, then marks it overdue, then escalates one level up', async () => {
    const n = await sut.submit();
    const row = await sut.waitForRow(n.id, () => true);
    const escalated = async () => (await notes('dept-a.reviewer', n.id)).some((x) => x.kind === 'ESCALATED');
    const deadline = Date.now() + 30_000;
    while (!(await escalated())) {
      if (Date.now() > deadline) throw new Error('no escalation');
      await new Promise((r) => setTimeout(r, 250));
    }
    // A moment more, so that a duplicate would have arrived.
    await new Promise((r) => setTimeout(r, 1500));

    const head = await notes('u1.head', n.id);
    expect(head.map((x) => x.kind)).toEqual(['REVIEW_REQUESTED', 'REMINDER', 'OVERDUE']);
    const admin = await notes('admin', n.id);
    expect(admin.map((x) => x.kind)).toEqual(['OVERDUE', 'ESCALATED']);
    expect((await notes('dept-a.reviewer', n.id)).map((x) => x.kind)).toEqual(['ESCALATED']);

    const due = row.dueAt!.getTime();
    const at = (kind: string) => Date.parse(head.concat(admin).find((x) => x.kind === kind)!.createdAt);
    expect(at('REMINDER')).toBeGreaterThanOrEqual(due - 2000 - 100);
    expect(at('REMINDER')).toBeLessThan(due);
    expect(at('OVERDUE')).toBeGreaterThanOrEqual(due - 100);
    expect(at('ESCALATED')).toBeGreaterThanOrEqual(due + 2000 - 100);

    const events = await sut.prisma.auditEvent.findMany({ where: { nominationId: n.id }, orderBy: { seq: 'asc' } });
    expect(events.map((e) => e.kind)).toEqual(['SUBMITTED', 'REMINDED', 'OVERDUE', 'ESCALATED']);
    const mails = (to: string) => smtp.mails.filter((m) => m.to.includes(`${to}@demo.tdkt.hanoi.gov.vn`)).length;
    expect(mails('u1.head')).toBe(3);
    expect(mails('admin')).toBeGreaterThanOrEqual(2);
    expect(mails('dept-a.reviewer')).toBe(1);

    const view = await sut.get('u1.head', `/api/nominations/${n.id}`);
    expect(view.body).toMatchObject({ status: 'IN_REVIEW', overdue: true });
    expect((await sut.decide('u1.head', n.id, { level: 'UNIT', decision: 'APPROVE' })).body).toMatchObject({ currentLevel: 'DEPARTMENT', overdue: false });
  });
});

describe('a deadline counted in working days follows the calendar an admin changes later', () => {
  let sut: Harness;
  let year: number;
  afterAll(async () => {
    await sut.prisma.calendarYear.deleteMany({ where: { year } });
    await sut.close();
  });

  it('re-reads the deadline when its timer fires, instead of alerting on a stale one', async () => {
    // Learn when a level entered now falls due (end of the next working day), to put the reminder a few seconds ahead.
    const probe = await Harness.start({ DEADLINE_UNIT: '1wd' });
    const first = await probe.submit();
    const dueAt = Date.parse(first.dueAt as string);
    await probe.close();

    sut = await Harness.start({ DEADLINE_UNIT: '1wd', REMINDER_BEFORE: `${dueAt - Date.now() - 5000}ms` });
    const n = await sut.submit();
    expect(n.dueAt).toBe(first.dueAt);
    const dueDay = new Date(dueAt + 7 * 3_600_000).toISOString().slice(0, 10);
    year = Number(dueDay.slice(0, 4));
    // Only once the workflow waits on its reminder timer does the admin change the calendar.
    const handle = sut.temporal.workflow.getHandle(n.workflowId);
    const timerStarted = async () => (await handle.fetchHistory()).events!.some((e) => e.timerStartedEventAttributes);
    while (!(await timerStarted())) await new Promise((r) => setTimeout(r, 100));
    const current = await sut.get('admin', `/api/admin/calendar/${year}`);
    const put = await request(sut.app.getHttpServer())
      .put(`/api/admin/calendar/${year}`)
      .set('Authorization', `Bearer ${await sut.token('admin')}`)
      .send({ holidays: [...current.body.holidays, dueDay], workingWeekends: current.body.workingWeekends });
    expect(put.status).toBe(200);

    const moved = await sut.waitForRow(n.id, (row) => row.version >= 2, 20_000);
    const events = await sut.prisma.auditEvent.findMany({ where: { nominationId: n.id }, orderBy: { seq: 'asc' } });
    expect(events.map((e) => e.kind)).toEqual(['SUBMITTED', 'DEADLINE_CHANGED']);
    expect((moved as unknown as { dueAt: Date }).dueAt.getTime()).toBeGreaterThan(dueAt + 86_400_000 - 1000);
    const reminders = await sut.prisma.notification.count({ where: { nominationId: n.id, kind: 'REMINDER' } });
    expect(reminders).toBe(0);
  });
});
