import { DEMO_ORGS, DEMO_USERS } from '../../prisma/demo-organisation';
import { OrgTree } from './access-policy';
import type { Level } from './levels';
import { decide, submit, timingPlanner, type NotifyIntent, type Transition } from './nomination-machine';
import { emailDeliveries, inAppNotifications, recipientsOf, type Recipients } from './notification-policy';

// A unit straight under the Sở: its route has no department, so that level has no reviewing organisation.
const tree = new OrgTree([...DEMO_ORGS, { code: 'U4', name: 'Trung tâm trực thuộc Sở', kind: 'UNIT', parentCode: 'SCT' }]);

/** What the repository's query finds for these recipients among the demo users, in its order. */
function found({ usernames, role, assigneeOf }: Recipients, assignee?: { level: Level; reviewer: string }): string[] {
  const holders = role ? DEMO_USERS.filter((u) => u.role === role.role && (!role.orgCode || u.orgCode === role.orgCode)).map((u) => u.username) : [];
  const assigned = assignee && assigneeOf === assignee.level ? [assignee.reviewer] : [];
  return [...new Set([...usernames, ...holders.sort(), ...assigned])];
}

const intent = (audience: NotifyIntent['audience'], level?: Level): NotifyIntent => ({ kind: 'REVIEW_REQUESTED', audience, level });

describe('recipientsOf', () => {
  it.each([
    ['U1', 'UNIT', ['u1.head']],
    ['U1', 'DEPARTMENT', ['dept-a.reviewer']],
    ['U3', 'DEPARTMENT', ['dept-b.reviewer']],
    ['U3', 'SO', ['so.council']],
    ['U3', 'CITY', ['city.board']],
  ] as const)('tells the reviewers of %s at %s: %j', (unit, level, usernames) => {
    expect(found(recipientsOf(intent('LEVEL_REVIEWERS', level), unit, tree))).toEqual(usernames);
  });

  it('tells a reviewer an admin assigned the level as well as its own reviewers, once', () => {
    const recipients = recipientsOf(intent('LEVEL_REVIEWERS', 'DEPARTMENT'), 'U1', tree);

    expect(recipients.assigneeOf).toBe('DEPARTMENT');
    expect(found(recipients, { level: 'DEPARTMENT', reviewer: 'dept-a.deputy' })).toEqual(['dept-a.reviewer', 'dept-a.deputy']);
    expect(found(recipients, { level: 'DEPARTMENT', reviewer: 'dept-a.reviewer' })).toEqual(['dept-a.reviewer']);
    expect(found(recipients, { level: 'UNIT', reviewer: 'dept-a.deputy' })).toEqual(['dept-a.reviewer']);
  });

  it('has no reviewers for a level no organisation reviews for the unit, only its assignee', () => {
    const recipients = recipientsOf(intent('LEVEL_REVIEWERS', 'DEPARTMENT'), 'U4', tree);

    expect(recipients.role).toBeUndefined();
    expect(found(recipients, { level: 'DEPARTMENT', reviewer: 'so.council' })).toEqual(['so.council']);
  });

  it.each([
    ['U1', 'UNIT', ['dept-a.reviewer']],
    ['U1', 'DEPARTMENT', ['so.council']],
    ['U3', 'SO', ['city.board']],
    // Nothing is above the city: its own reviewers are stirred.
    ['U3', 'CITY', ['city.board']],
  ] as const)('escalates %s at %s to the supervisors %j, never to an assignee', (unit, level, usernames) => {
    const recipients = recipientsOf(intent('SUPERVISORS', level), unit, tree);

    expect(recipients.assigneeOf).toBeUndefined();
    expect(found(recipients)).toEqual(usernames);
  });

  it('has no supervisors above a level no organisation reviews', () => {
    expect(found(recipientsOf(intent('SUPERVISORS', 'DEPARTMENT'), 'U4', tree))).toEqual([]);
    expect(found(recipientsOf(intent('SUPERVISORS'), 'U1', tree))).toEqual([]);
  });

  it("tells the unit's clerks, every admin, or the one user named", () => {
    expect(found(recipientsOf(intent('CLERKS'), 'U3', tree))).toEqual(['u3.clerk']);
    expect(found(recipientsOf(intent('ADMINS'), 'U3', tree))).toEqual(['admin']);
    expect(recipientsOf({ kind: 'REVIEW_REQUESTED', audience: 'USER', username: 'dept-a.deputy' }, 'U1', tree)).toEqual({ usernames: ['dept-a.deputy'] });
  });

  it('asks for no assignee without a level', () => {
    expect(recipientsOf(intent('LEVEL_REVIEWERS'), 'U1', tree)).toEqual({ usernames: [] });
  });
});

describe('the rows of one notification', () => {
  const timing = timingPlanner({ levelLimitMs: { UNIT: 1, DEPARTMENT: 1, SO: 1, CITY: 1 }, returnWindowMs: 1 });
  const now = new Date('2026-03-05T03:00:00.000Z');
  const submitted = submit('n-1', ['UNIT', 'DEPARTMENT'], now, timing);
  const t: Transition = decide(submitted.state, { level: 'UNIT', decision: 'APPROVE', requestId: 'a', reviewer: 'u1.head' }, now, timing).transition;
  const text = { title: 'Hồ sơ chờ xét duyệt', body: 'Nội dung' };

  it('gives each recipient the same text, keyed by the transition', () => {
    expect(inAppNotifications(t, 'REVIEW_REQUESTED', ['dept-a.reviewer', 'dept-a.deputy'], text)).toEqual([
      { username: 'dept-a.reviewer', nominationId: 'n-1', seq: t.seq, kind: 'REVIEW_REQUESTED', title: text.title, body: text.body },
      { username: 'dept-a.deputy', nominationId: 'n-1', seq: t.seq, kind: 'REVIEW_REQUESTED', title: text.title, body: text.body },
    ]);
  });

  it('emails each recipient with an address, by name, with the title as subject', () => {
    const rows = emailDeliveries(
      t,
      'REVIEW_REQUESTED',
      [
        { username: 'dept-a.reviewer', email: 'anh@congthuong.hanoi.gov.vn', displayName: 'Đỗ Thị Ngọc Ánh' },
        { username: 'dept-a.deputy', email: '', displayName: 'Lương Văn Tiến' },
      ],
      text,
    );

    expect(rows).toEqual([
      {
        channel: 'EMAIL',
        nominationId: 'n-1',
        seq: t.seq,
        kind: 'REVIEW_REQUESTED',
        recipient: 'dept-a.reviewer',
        address: 'anh@congthuong.hanoi.gov.vn',
        subject: text.title,
        body: 'Kính gửi Đỗ Thị Ngọc Ánh,\n\nNội dung\n\nHệ thống Thi đua - Khen thưởng, Sở Công Thương Hà Nội',
      },
    ]);
  });
});
