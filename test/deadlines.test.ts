import { Harness } from './support/harness';

describe('time limits, with durations shortened through configuration', () => {
  let sut: Harness;
  beforeAll(async () => {
    sut = await Harness.start({ DEADLINE_UNIT: '2s', RETURN_WINDOW: '2s' });
  });
  afterAll(async () => {
    await sut.close();
  });

  it('a level past its time limit becomes overdue, tells its reviewers and the admins, and keeps waiting', async () => {
    const n = await sut.submit('u1.clerk');
    await sut.waitForRow(n.id, (row) => row.overdue);

    const view = await sut.get('u1.head', `/api/nominations/${n.id}`);
    expect(view.body).toMatchObject({ status: 'IN_REVIEW', currentLevel: 'UNIT', overdue: true });
    for (const username of ['u1.head', 'admin']) {
      const notes = await sut.get(username, '/api/notifications');
      const overdue = notes.body.items.filter((x: { kind: string; nominationId: string }) => x.kind === 'OVERDUE' && x.nominationId === n.id);
      expect(overdue).toHaveLength(1);
      expect(overdue[0].title).toContain('quá hạn');
    }

    const approved = await sut.decide('u1.head', n.id, { level: 'UNIT', decision: 'APPROVE' });
    expect(approved.body).toMatchObject({ status: 'IN_REVIEW', currentLevel: 'DEPARTMENT', overdue: false });
  });

  it('a returned nomination not resubmitted within its window expires', async () => {
    const n = await sut.submit('u1.clerk');
    await sut.decide('u1.head', n.id, { level: 'UNIT', decision: 'RETURN', comment: 'Thiếu báo cáo thành tích' });
    await sut.waitForRow(n.id, (row) => row.status === 'EXPIRED');

    const late = await sut.post('u1.clerk', `/api/nominations/${n.id}/resubmit`, { comment: 'Nộp muộn' });
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('INVALID_STATE');
    const notes = await sut.get('u1.clerk', '/api/notifications');
    expect(notes.body.items[0]).toMatchObject({ kind: 'EXPIRED', nominationId: n.id });
    expect((await sut.temporal.workflow.getHandle(n.workflowId).result()).status).toBe('EXPIRED');
  });
});
