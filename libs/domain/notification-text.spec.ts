import { DEMO_ORGS } from '../../prisma/demo-organisation';
import { OrgTree } from './access-policy';
import type { Level } from './levels';
import { decide, expire, markOverdue, resubmit, submit, timingPlanner, withdraw, type NominationState, type Transition } from './nomination-machine';
import { nomineeName, notificationContext, notificationText, type NotificationContext } from './notification-text';
import type { Nominee } from './schemas';

const DAY = 86_400_000;
const timing = timingPlanner({
  levelLimitMs: { UNIT: 5 * DAY, DEPARTMENT: 7 * DAY, SO: 10 * DAY, CITY: 20 * DAY },
  returnWindowMs: 3 * DAY,
});
const ROUTE: Level[] = ['UNIT', 'DEPARTMENT', 'SO', 'CITY'];
// 17:30 UTC is already the next day in Hà Nội, which shows whether dates are rendered in local time.
const NOW = new Date('2026-03-05T17:30:00.000Z');

const individual: Nominee = { kind: 'INDIVIDUAL', fullName: 'Nguyễn Thị Lan', position: 'Chuyên viên' };
const collective: Nominee = { kind: 'COLLECTIVE', name: 'Phòng Kế hoạch - Tài chính' };
const AWARD = 'Bằng khen của Chủ tịch UBND thành phố';
const UNIT = 'Trung tâm Xúc tiến thương mại';

const context = (transition: Transition, nominee: Nominee = individual): NotificationContext => ({
  transition,
  nominee,
  awardName: AWARD,
  unitName: UNIT,
});

const submitted = () => submit('n-1', ROUTE, NOW, timing);
const atUnit = (): NominationState => submitted().state;
const returned = () =>
  decide(atUnit(), { level: 'UNIT', decision: 'RETURN', comment: 'Thiếu biên bản họp', requestId: 'ret', reviewer: 'u3.head' }, NOW, timing);

describe('notificationText', () => {
  const cases: [string, () => Transition][] = [
    ['REVIEW_REQUESTED', () => submitted().transition],
    [
      'DECIDED',
      () =>
        decide(atUnit(), { level: 'UNIT', decision: 'REJECT', ground: 'WRONG_SUBJECT', comment: 'c', requestId: 'r', reviewer: 'r' }, NOW, timing).transition,
    ],
    ['RETURNED', () => returned().transition],
    ['REMINDER', () => submitted().transition],
    ['OVERDUE', () => markOverdue(atUnit(), NOW).transition],
    ['WITHDRAWN', () => withdraw(atUnit(), { requestId: 'w', actor: 'u3.clerk', reason: 'Rút hồ sơ' }, NOW).transition],
    ['EXPIRED', () => expire(returned().state, NOW).transition],
  ];

  it.each(cases)('%s names the nominee, the award and the unit in Vietnamese', (kind, transition) => {
    const text = notificationText(kind as Transition['notify'][number]['kind'], context(transition()));

    for (const part of [text.title, text.body]) {
      expect(part).toContain('Nguyễn Thị Lan');
      expect(part).toContain(AWARD);
      expect(part).toContain(UNIT);
      // Vietnamese prose, not codes leaking from the machine.
      expect(part).toMatch(/[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i);
      expect(part).not.toMatch(/\b(IN_REVIEW|APPROVED|REJECTED|RETURNED|UNIT|DEPARTMENT|CITY|WRONG_SUBJECT)\b/);
    }
  });

  it('gives each kind its own title', () => {
    const titles = cases.map(([kind, transition]) => notificationText(kind as Transition['notify'][number]['kind'], context(transition())).title);

    expect(new Set(titles).size).toBe(cases.length);
  });

  it('tells the reviewers which level waits and until when, in Hà Nội time', () => {
    const { body } = notificationText('REVIEW_REQUESTED', context(submitted().transition));

    expect(body).toContain('Đơn vị cơ sở');
    // dueAt is 2026-03-10T17:30Z, which is 11 March 00:30 in Hà Nội.
    expect(body).toMatch(/00:30/);
    expect(body).toMatch(/11\/0?3/);
  });

  it('names the next level after an approval', () => {
    const step = decide(atUnit(), { level: 'UNIT', decision: 'APPROVE', requestId: 'a', reviewer: 'u3.head' }, NOW, timing);

    expect(notificationText('REVIEW_REQUESTED', context(step.transition)).body).toContain('Phòng chuyên môn');
  });

  it('passes on what the unit supplemented when it resubmits', () => {
    const step = resubmit(returned().state, { requestId: 's', actor: 'u3.clerk', comment: 'Đã bổ sung biên bản họp' }, NOW, timing);

    expect(notificationText('REVIEW_REQUESTED', context(step.transition)).body).toContain('Ý kiến: Đã bổ sung biên bản họp');
  });

  it('names the ground of a rejection in Vietnamese, with the comment', () => {
    const step = decide(
      decide(atUnit(), { level: 'UNIT', decision: 'APPROVE', requestId: 'a', reviewer: 'r' }, NOW, timing).state,
      { level: 'DEPARTMENT', decision: 'REJECT', ground: 'CRITERIA_NOT_MET', comment: 'Chưa có sáng kiến được công nhận', requestId: 'r', reviewer: 'r' },
      NOW,
      timing,
    );

    const { body } = notificationText('DECIDED', context(step.transition));

    expect(body).toContain('không được chấp thuận');
    expect(body).toContain('Lý do: không đủ tiêu chuẩn');
    expect(body).toContain('Chưa có sáng kiến được công nhận');
    expect(body).not.toContain('CRITERIA_NOT_MET');
  });

  it('announces an approval without a ground', () => {
    let state = atUnit();
    let last: Transition | undefined;
    for (const level of ROUTE) {
      const step = decide(state, { level, decision: 'APPROVE', requestId: level, reviewer: 'r' }, NOW, timing);
      state = step.state;
      last = step.transition;
    }

    const { body } = notificationText('DECIDED', context(last!));

    expect(body).toContain('đã được phê duyệt');
    expect(body).not.toContain('Lý do');
  });

  it('tells the unit which level returned it, what is missing and the deadline', () => {
    const { title, body } = notificationText('RETURNED', context(returned().transition));

    expect(title).toContain('trả lại');
    expect(body).toContain('Cấp Đơn vị cơ sở');
    expect(body).toContain('Ý kiến: Thiếu biên bản họp');
    // returnDeadline is 2026-03-08T17:30Z, 9 March in Hà Nội.
    expect(body).toMatch(/9\/0?3/);
  });

  it('names a collective by its name', () => {
    const { title } = notificationText('REVIEW_REQUESTED', context(submitted().transition, collective));

    expect(title).toContain('Phòng Kế hoạch - Tài chính');
    expect(nomineeName(collective)).toBe('Phòng Kế hoạch - Tài chính');
    expect(nomineeName(individual)).toBe('Nguyễn Thị Lan');
  });
});

describe('notificationContext', () => {
  const tree = new OrgTree(DEMO_ORGS);
  const nomination = { unitCode: 'U3', awardCode: 'BANG_KHEN_UBND_TP', catalogueVersion: null, nominee: individual, createdAt: NOW };

  it('names the award from the catalogue in force when the nomination was made, and the unit from the chart', () => {
    const transition = submitted().transition;

    expect(notificationContext(transition, nomination, tree)).toEqual({
      transition,
      nominee: individual,
      awardName: 'Bằng khen của Chủ tịch UBND thành phố',
      unitName: 'Trung tâm Xúc tiến thương mại',
    });
  });

  it('falls back to the codes when the catalogue or the chart does not know them', () => {
    const context = notificationContext(submitted().transition, { ...nomination, unitCode: 'U9', awardCode: 'RETIRED_AWARD' }, tree);

    expect(context.awardName).toBe('RETIRED_AWARD');
    expect(context.unitName).toBe('U9');
  });
});
