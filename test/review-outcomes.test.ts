import { Harness } from './support/harness';

describe('reject, return and resubmit, withdraw', () => {
  let sut: Harness;
  beforeAll(async () => {
    sut = await Harness.start();
  });
  afterAll(async () => {
    await sut.close();
  });

  it('a rejection at the department is final and names its ground', async () => {
    const n = await sut.submit('u1.clerk');
    expect((await sut.decide('u1.head', n.id, { level: 'UNIT', decision: 'APPROVE' })).status).toBe(200);
    const res = await sut.decide('dept-a.reviewer', n.id, {
      level: 'DEPARTMENT',
      decision: 'REJECT',
      ground: 'CRITERIA_NOT_MET',
      comment: 'Chưa đủ hai năm liên tục là Chiến sĩ thi đua cơ sở',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'REJECTED', currentLevel: null });
    expect(res.body.decisions[1]).toMatchObject({ level: 'DEPARTMENT', decision: 'REJECT', ground: 'CRITERIA_NOT_MET' });

    const after = await sut.decide('so.council', n.id, { level: 'SO', decision: 'APPROVE' });
    expect(after.status).toBe(409);
    expect(after.body.error.code).toBe('INVALID_STATE');
    const notes = await sut.get('u1.clerk', '/api/notifications');
    const decided = notes.body.items.find((x: { nominationId: string; kind: string }) => x.nominationId === n.id && x.kind === 'DECIDED');
    expect(decided.body).toContain('không đủ tiêu chuẩn');
    expect((await sut.temporal.workflow.getHandle(n.workflowId).result()).status).toBe('REJECTED');
  });

  it('returned for supplement, resubmitted with new text, then approved at that level and above', async () => {
    const n = await sut.submit('u1.clerk', { awardCode: 'GIAY_KHEN_GIAM_DOC_SO' });
    await sut.decide('u1.head', n.id, { level: 'UNIT', decision: 'APPROVE' });
    const returned = await sut.decide('dept-a.reviewer', n.id, {
      level: 'DEPARTMENT',
      decision: 'RETURN',
      comment: 'Bổ sung biên bản họp bình xét của đơn vị',
    });
    expect(returned.body).toMatchObject({ status: 'RETURNED', currentLevel: 'DEPARTMENT', returnCount: 1 });
    expect(returned.body.returnDeadline).toEqual(expect.any(String));

    const early = await sut.decide('dept-a.reviewer', n.id, { level: 'DEPARTMENT', decision: 'APPROVE' });
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('INVALID_STATE');

    const notes = await sut.get('u1.clerk', '/api/notifications');
    expect(notes.body.items[0]).toMatchObject({ kind: 'RETURNED', nominationId: n.id });

    const newText = 'Đã bổ sung biên bản họp bình xét ngày 15/11/2026 và báo cáo thành tích chi tiết.';
    const resubmitted = await sut.post('u1.clerk', `/api/nominations/${n.id}/resubmit`, {
      achievements: newText,
      comment: 'Đã bổ sung biên bản',
      requestId: 'resubmit-1',
    });
    expect(resubmitted.status).toBe(200);
    expect(resubmitted.body).toMatchObject({ status: 'IN_REVIEW', currentLevel: 'DEPARTMENT', achievements: newText });

    const again = await sut.post('u1.clerk', `/api/nominations/${n.id}/resubmit`, { comment: 'lần nữa' });
    expect(again.status).toBe(409);

    await sut.decide('dept-a.reviewer', n.id, { level: 'DEPARTMENT', decision: 'APPROVE' });
    const final = await sut.decide('so.council', n.id, { level: 'SO', decision: 'APPROVE' });
    expect(final.body).toMatchObject({ status: 'APPROVED' });
    expect(final.body.decisions.map((d: { decision: string }) => d.decision)).toEqual(['APPROVE', 'RETURN', 'APPROVE', 'APPROVE']);
  });

  it('the clerk withdraws before the final decision; afterwards nothing more can happen', async () => {
    const n = await sut.submit('u1.clerk');
    await sut.decide('u1.head', n.id, { level: 'UNIT', decision: 'APPROVE' });
    const otherClerk = await sut.post('u2.clerk', `/api/nominations/${n.id}/withdraw`, { reason: 'nhầm' });
    expect(otherClerk.status).toBe(404);
    const head = await sut.post('u1.head', `/api/nominations/${n.id}/withdraw`, { reason: 'nhầm' });
    expect(head.status).toBe(403);

    const res = await sut.post('u1.clerk', `/api/nominations/${n.id}/withdraw`, { reason: 'Cá nhân xin rút hồ sơ' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'WITHDRAWN', currentLevel: null });
    const twice = await sut.post('u1.clerk', `/api/nominations/${n.id}/withdraw`, { reason: 'lần nữa' });
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe('INVALID_STATE');
    const notes = await sut.get('dept-a.reviewer', '/api/notifications');
    expect(notes.body.items[0]).toMatchObject({ kind: 'WITHDRAWN', nominationId: n.id });
    expect((await sut.temporal.workflow.getHandle(n.workflowId).result()).status).toBe('WITHDRAWN');
  });
});
