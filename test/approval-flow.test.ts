import { nominationWorkflowId, stateQuery } from '../libs/domain/nomination-messages';
import { APPROVERS_U1, Harness } from './support/harness';

describe('a nomination climbs its route to a final approval', () => {
  let sut: Harness;
  beforeAll(async () => {
    sut = await Harness.start();
  });
  afterAll(async () => {
    await sut.close();
  });

  it('BANG_KHEN_UBND_TP: four approvals, unit → department → Sở → city', async () => {
    const created = await sut.submit('u1.clerk');
    expect(created).toMatchObject({
      status: 'IN_REVIEW',
      currentLevel: 'UNIT',
      route: ['UNIT', 'DEPARTMENT', 'SO', 'CITY'],
      unitCode: 'U1',
      unitName: 'Trung tâm Khuyến công và Tư vấn phát triển công nghiệp',
      workflowId: nominationWorkflowId(created.id),
      overdue: false,
      decisions: [],
    });
    expect(created.temporalUiUrl).toContain(`/workflows/${created.workflowId}`);

    for (const [index, [reviewer, level]] of APPROVERS_U1.entries()) {
      const res = await sut.decide(reviewer, created.id, { level, decision: 'APPROVE', comment: 'Đồng ý' });
      expect(res.status).toBe(200);
      const next = APPROVERS_U1[index + 1];
      expect(res.body).toMatchObject({
        status: next ? 'IN_REVIEW' : 'APPROVED',
        currentLevel: next ? next[1] : null,
        decisions: APPROVERS_U1.slice(0, index + 1).map(([r, l]) => ({ level: l, decision: 'APPROVE', reviewer: r })),
      });
      if (next) {
        // The next reviewer is told, and sees it in their inbox.
        const notes = await sut.get(next[0], '/api/notifications');
        expect(notes.body.items).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'REVIEW_REQUESTED', nominationId: created.id })]));
        const inbox = await sut.get(next[0], '/api/inbox');
        expect(inbox.body.items.map((n: { id: string }) => n.id)).toContain(created.id);
      }
    }

    const decisions = await sut.prisma.decision.findMany({ where: { nominationId: created.id }, orderBy: { seq: 'asc' } });
    expect(decisions.map((d) => [d.level, d.decision, d.reviewer])).toEqual(APPROVERS_U1.map(([r, l]) => [l, 'APPROVE', r]));
    const row = await sut.prisma.nomination.findUniqueOrThrow({ where: { id: created.id } });
    expect(row).toMatchObject({ status: 'APPROVED', currentLevel: null });
    const events = await sut.prisma.auditEvent.findMany({ where: { nominationId: created.id }, orderBy: { seq: 'asc' } });
    expect(events.map((e) => e.kind)).toEqual(['SUBMITTED', 'DECIDED', 'DECIDED', 'DECIDED', 'DECIDED']);

    const clerkNotes = await sut.get('u1.clerk', '/api/notifications');
    expect(clerkNotes.body.items[0]).toMatchObject({ kind: 'DECIDED', nominationId: created.id });
    expect(clerkNotes.body.items[0].body).toContain('đã được phê duyệt');

    const handle = sut.temporal.workflow.getHandle(created.workflowId);
    const result = await handle.result();
    expect(result).toMatchObject({ status: 'APPROVED', currentLevel: null, seq: 5 });
    expect((await handle.describe()).status.name).toBe('COMPLETED');
    expect(await handle.query(stateQuery)).toMatchObject({ status: 'APPROVED', decisions: expect.any(Array) });
    const history = await handle.fetchHistory();
    const updates = history.events!.filter((e) => e.workflowExecutionUpdateCompletedEventAttributes);
    expect(updates).toHaveLength(4);
  });

  it('GIAY_KHEN_GIAM_DOC_SO ends at the Sở after three approvals', async () => {
    const created = await sut.submit('u1.clerk', { awardCode: 'GIAY_KHEN_GIAM_DOC_SO' });
    expect(created.route).toEqual(['UNIT', 'DEPARTMENT', 'SO']);
    let last;
    for (const [reviewer, level] of APPROVERS_U1.slice(0, 3)) {
      last = await sut.decide(reviewer, created.id, { level, decision: 'APPROVE' });
      expect(last.status).toBe(200);
    }
    expect(last!.body).toMatchObject({ status: 'APPROVED', currentLevel: null });
    expect(last!.body.decisions).toHaveLength(3);
    // A route that never reaches the city is none of the city's business: not even told it exists.
    const cityTry = await sut.decide('city.board', created.id, { level: 'CITY', decision: 'APPROVE' });
    expect(cityTry.status).toBe(404);
  });
});
