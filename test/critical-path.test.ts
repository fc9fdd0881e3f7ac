import { randomUUID } from 'node:crypto';
import { APPROVERS_U1, Harness } from './support/harness';

/**
 * The critical path of a command (issue 8): answered once its one transaction is committed, never
 * half-applied, a request id meaning one command, and a long-lived workflow kept small.
 */
describe('one durable write per command', () => {
  let sut: Harness;
  beforeAll(async () => {
    sut = await Harness.start();
  });
  afterAll(async () => {
    await sut.close();
  });

  const decisions = (nominationId: string) => sut.prisma.decision.count({ where: { nominationId } });

  it('a request id reused for another command is 422 IDEMPOTENCY_KEY_REUSED, and the same command again is answered alike', async () => {
    const n = await sut.submit();
    const requestId = `reuse-${randomUUID()}`;
    const first = await sut.decide('u1.head', n.id, { level: 'UNIT', decision: 'APPROVE', comment: 'Đồng ý', requestId });
    expect(first.status).toBe(200);

    const again = await sut.decide('u1.head', n.id, { level: 'UNIT', decision: 'APPROVE', comment: 'Đồng ý', requestId });
    expect(again.status).toBe(200);
    expect(again.body.currentLevel).toBe('DEPARTMENT');

    const otherDecision = await sut.decide('u1.head', n.id, { level: 'UNIT', decision: 'RETURN', comment: 'Bổ sung', requestId });
    expect(otherDecision.status).toBe(422);
    expect(otherDecision.body.error).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED', details: [expect.objectContaining({ path: 'requestId' })] });

    // The same id for another operation of the same caller is refused too.
    const submitReuse = await sut.post('u1.clerk', '/api/nominations', {
      awardCode: 'BANG_KHEN_UBND_TP',
      year: 2026,
      nominee: { kind: 'INDIVIDUAL', fullName: 'Nguyễn Thị Lan', position: 'Chuyên viên' },
      achievements: 'Một hồ sơ khác hẳn, gửi lại với mã yêu cầu của hồ sơ trước.',
      declarations: { rating: 'HTXS', initiatives: ['Số hóa quy trình cấp phép', 'Bản đồ cụm công nghiệp'] },
      requestId: (await sut.prisma.nomination.findUniqueOrThrow({ where: { id: n.id } })).requestId,
    });
    expect(submitReuse.status).toBe(422);
    expect(submitReuse.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await decisions(n.id)).toBe(1);
  });

  it('two different commands under one request id racing: one is applied, the other refused', async () => {
    const n = await sut.submit();
    const requestId = `race-${randomUUID()}`;
    const results = await Promise.all([
      sut.decide('u1.head', n.id, { level: 'UNIT', decision: 'APPROVE', requestId }),
      sut.decide('u1.head', n.id, { level: 'UNIT', decision: 'RETURN', comment: 'Bổ sung', requestId }),
    ]);
    expect(results.map((r) => `${r.status} ${r.body.error?.code ?? ''}`).sort()).toEqual(['200 ', '422 IDEMPOTENCY_KEY_REUSED']);
    expect(await decisions(n.id)).toBe(1);
  });

  it('a write that fails for good refuses the command at once, and the nomination stays decidable', async () => {
    // A trigger stands in for any write no retry can fix (a constraint the data breaks).
    await sut.prisma.$executeRawUnsafe(`
      CREATE OR REPLACE FUNCTION refuse_poisoned_decision() RETURNS trigger AS $$
      BEGIN
        IF NEW.comment = 'không ghi được' THEN RAISE EXCEPTION 'refused by test trigger'; END IF;
        RETURN NEW;
      END $$ LANGUAGE plpgsql`);
    await sut.prisma.$executeRawUnsafe(
      'CREATE OR REPLACE TRIGGER refuse_poisoned_decision BEFORE INSERT ON decisions FOR EACH ROW EXECUTE FUNCTION refuse_poisoned_decision()',
    );
    try {
      const n = await sut.submit();
      const started = Date.now();
      const refused = await sut.decide('u1.head', n.id, { level: 'UNIT', decision: 'RETURN', comment: 'không ghi được' });
      expect(Date.now() - started).toBeLessThan(5000);
      expect(refused.status).toBeGreaterThanOrEqual(400);
      expect(refused.body.error.message).toMatch(/từ chối/);
      expect(await sut.prisma.nomination.findUniqueOrThrow({ where: { id: n.id } })).toMatchObject({ status: 'IN_REVIEW', currentLevel: 'UNIT', version: 1 });

      const decided = await sut.decide('u1.head', n.id, { level: 'UNIT', decision: 'APPROVE', comment: 'Đồng ý' });
      expect(decided.status).toBe(200);
      expect(decided.body).toMatchObject({ status: 'IN_REVIEW', currentLevel: 'DEPARTMENT' });
      const state = await sut.temporal.workflow.getHandle(n.workflowId).query<{ seq: number; currentLevel: string }>('state');
      expect(state).toMatchObject({ seq: 2, currentLevel: 'DEPARTMENT' });
    } finally {
      await sut.prisma.$executeRawUnsafe('DROP TRIGGER IF EXISTS refuse_poisoned_decision ON decisions');
    }
  });

  it('a four-level approval keeps its history small', async () => {
    const n = await sut.submit();
    for (const [reviewer, level] of APPROVERS_U1) {
      expect((await sut.decide(reviewer, n.id, { level, decision: 'APPROVE' })).status).toBe(200);
    }
    const handle = sut.temporal.workflow.getHandle(n.workflowId);
    expect((await handle.result()).status).toBe('APPROVED');
    const events = (await handle.fetchHistory()).events ?? [];
    expect(events.length).toBeLessThanOrEqual(60);
  });
});

describe('a long-lived nomination continues as new', () => {
  let sut: Harness;
  beforeAll(async () => {
    sut = await Harness.start({ NOMINATION_HISTORY_LIMIT: '20' });
  });
  afterAll(async () => {
    await sut.close();
  });

  it('keeps its state, its plan and its memory of request ids across runs', async () => {
    const n = await sut.submit();
    const requestIds: string[] = [];
    for (let round = 0; round < 3; round++) {
      const requestId = `cycle-${round}-${randomUUID()}`;
      requestIds.push(requestId);
      expect((await sut.decide('u1.head', n.id, { level: 'UNIT', decision: 'RETURN', comment: 'Bổ sung biên bản', requestId })).status).toBe(200);
      const resubmitted = await sut.post('u1.clerk', `/api/nominations/${n.id}/resubmit`, { comment: 'Đã bổ sung', requestId: `re-${requestId}` });
      expect(resubmitted.status).toBe(200);
    }
    const runs = [];
    for await (const run of sut.temporal.workflow.list({ query: `WorkflowId = "${n.workflowId}"` })) runs.push(run);
    expect(runs.length).toBeGreaterThan(1);

    // A return sent again after the run changed is still the same command: nothing new is stored.
    const repeated = await sut.decide('u1.head', n.id, { level: 'UNIT', decision: 'RETURN', comment: 'Bổ sung biên bản', requestId: requestIds[0]! });
    expect(repeated.status).toBe(200);
    expect(await sut.prisma.decision.count({ where: { nominationId: n.id } })).toBe(3);

    for (const [reviewer, level] of APPROVERS_U1) {
      expect((await sut.decide(reviewer, n.id, { level, decision: 'APPROVE' })).status).toBe(200);
    }
    expect((await sut.prisma.nomination.findUniqueOrThrow({ where: { id: n.id } })).status).toBe('APPROVED');
    expect((await sut.temporal.workflow.getHandle(n.workflowId).result()).status).toBe('APPROVED');
  });
});
