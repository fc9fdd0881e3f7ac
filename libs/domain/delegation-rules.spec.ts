import { DEMO_USERS } from '../../prisma/demo-organisation';
import type { Actor } from './access-policy';
import { daysInPeriod, delegationProblems } from './delegation-rules';

function user(username: string): Actor {
  const found = DEMO_USERS.find((u) => u.username === username);
  if (!found) throw new Error(`demo user ${username} is missing`);
  return found;
}

const today = '2026-03-02';
const delegator = { ...user('dept-a.reviewer'), orgName: 'Phòng Quản lý Công nghiệp' };
const ok = { deputy: 'dept-a.deputy', from: today, to: '2026-03-06' };
const sut = (request: Partial<typeof ok>, deputy: Actor | null = user(request.deputy ?? ok.deputy), maxDays = 90) =>
  delegationProblems({ ...ok, ...request }, delegator, deputy, today, maxDays);

describe('delegationProblems', () => {
  it('accepts staff of the delegator’s organisation, from today, within the limit', () => {
    expect(sut({})).toEqual([]);
  });

  it('accepts another reviewer of the same organisation as deputy', () => {
    expect(delegationProblems(ok, delegator, { role: 'REVIEWER', orgCode: 'DEPT-A' }, today, 90)).toEqual([]);
  });

  it.each([
    ['the delegator themself', 'dept-a.reviewer'],
    ['a clerk of a unit beneath', 'u1.clerk'],
    ['an admin', 'admin'],
    ['staff of another organisation', 'dept-b.reviewer'],
    ['a council member', 'so.member1'],
  ])('refuses %s as deputy', (_, deputy) => {
    expect(sut({ deputy }).map((p) => p.path)).toEqual(['deputy']);
  });

  it('refuses an unknown deputy', () => {
    expect(sut({ deputy: 'nobody' }, null)).toEqual([{ path: 'deputy', message: 'không có người dùng nobody' }]);
  });

  it('refuses a start before today, and accepts one after it', () => {
    expect(sut({ from: '2026-03-01' }).map((p) => p.path)).toEqual(['from']);
    expect(sut({ from: '2026-03-03' })).toEqual([]);
  });

  it('allows exactly the maximum number of days, both ends counted, and refuses one more', () => {
    expect(sut({ to: '2026-05-30' })).toEqual([]);
    expect(sut({ to: '2026-05-31' }).map((p) => p.path)).toEqual(['to']);
    expect(sut({ to: '2026-03-04' }, undefined, 2).map((p) => p.path)).toEqual(['to']);
  });

  it('counts days across months and leap years', () => {
    expect(daysInPeriod('2026-03-02', '2026-03-02')).toBe(1);
    expect(daysInPeriod('2028-02-28', '2028-03-01')).toBe(3);
  });
});
