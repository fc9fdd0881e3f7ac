import { DEMO_ORGS, DEMO_USERS } from '../../prisma/demo-organisation';
import { canSee, isClerkOf, OrgTree, reassignProblem, reviewerLevel, reviewsLevel, visibleScopes, type Actor } from './access-policy';
import type { Level } from './levels';

const UP_TO_CITY: Level[] = ['UNIT', 'DEPARTMENT', 'SO', 'CITY'];
const UP_TO_SO: Level[] = ['UNIT', 'DEPARTMENT', 'SO'];

function user(username: string): Actor {
  const found = DEMO_USERS.find((u) => u.username === username);
  if (!found) throw new Error(`demo user ${username} is missing`);
  return found;
}

const nomination = (unitCode: string, route: Level[] = UP_TO_CITY) => ({ unitCode, route });

describe('access policy on the demo organisation', () => {
  const sut = new OrgTree(DEMO_ORGS);

  describe('reviewingOrg', () => {
    it.each([
      ['U1', 'UNIT', 'U1'],
      ['U1', 'DEPARTMENT', 'DEPT-A'],
      ['U1', 'SO', 'SCT'],
      ['U1', 'CITY', 'HN'],
      ['U3', 'UNIT', 'U3'],
      ['U3', 'DEPARTMENT', 'DEPT-B'],
      ['U3', 'SO', 'SCT'],
      ['U3', 'CITY', 'HN'],
    ] as const)('for %s at %s is %s', (unit, level, org) => {
      expect(sut.reviewingOrg(unit, level)?.code).toBe(org);
    });

    it('is undefined for an unknown unit', () => {
      expect(sut.reviewingOrg('U9', 'UNIT')).toBeUndefined();
    });
  });

  describe('unitsUnder', () => {
    it.each([
      ['DEPT-A', ['U1', 'U2']],
      ['DEPT-B', ['U3']],
      ['SCT', ['U1', 'U2', 'U3']],
      ['HN', ['U1', 'U2', 'U3']],
      ['U2', ['U2']],
      ['NOWHERE', []],
    ])('%s supervises %j', (code, units) => {
      expect([...sut.unitsUnder(code)].sort()).toEqual(units);
    });
  });

  it('stops walking up a tree whose parents loop', () => {
    const looped = new OrgTree([
      { code: 'A', name: 'A', kind: 'UNIT', parentCode: 'B' },
      { code: 'B', name: 'B', kind: 'DEPARTMENT', parentCode: 'A' },
    ]);

    expect(looped.chain('A').map((n) => n.code)).toEqual(['A', 'B']);
  });

  describe('reviewsLevel', () => {
    it('lets a unit head review only the UNIT level of their own unit', () => {
      const head = user('u1.head');

      expect(reviewsLevel(head, 'UNIT', nomination('U1'), sut)).toBe(true);
      expect(reviewsLevel(head, 'DEPARTMENT', nomination('U1'), sut)).toBe(false);
      expect(reviewsLevel(head, 'SO', nomination('U1'), sut)).toBe(false);
      expect(reviewsLevel(head, 'UNIT', nomination('U2'), sut)).toBe(false);
    });

    it('does not let another unit head review U1', () => {
      expect(reviewsLevel(user('u2.head'), 'UNIT', nomination('U1'), sut)).toBe(false);
    });

    it('lets a department reviewer review the units it supervises, and no others', () => {
      const reviewer = user('dept-a.reviewer');

      expect(reviewsLevel(reviewer, 'DEPARTMENT', nomination('U1'), sut)).toBe(true);
      expect(reviewsLevel(reviewer, 'DEPARTMENT', nomination('U3'), sut)).toBe(false);
      expect(reviewsLevel(reviewer, 'UNIT', nomination('U1'), sut)).toBe(false);
    });

    it('lets the Sở council review the SO level of every unit', () => {
      for (const unit of ['U1', 'U2', 'U3']) {
        expect(reviewsLevel(user('so.council'), 'SO', nomination(unit, UP_TO_SO), sut)).toBe(true);
      }
      expect(reviewsLevel(user('so.council'), 'CITY', nomination('U1'), sut)).toBe(false);
    });

    it('lets the city board review CITY only on a route that reaches the city', () => {
      expect(reviewsLevel(user('city.board'), 'CITY', nomination('U3', UP_TO_CITY), sut)).toBe(true);
      expect(reviewsLevel(user('city.board'), 'CITY', nomination('U3', UP_TO_SO), sut)).toBe(false);
    });

    it('never lets a clerk or the admin review, even at their own organisation', () => {
      expect(reviewsLevel(user('u1.clerk'), 'UNIT', nomination('U1'), sut)).toBe(false);
      expect(reviewsLevel(user('admin'), 'SO', nomination('U1'), sut)).toBe(false);
    });
  });

  describe('canSee', () => {
    it('shows a clerk the nominations of their own unit only', () => {
      expect(canSee(user('u1.clerk'), nomination('U1'), sut)).toBe(true);
      expect(canSee(user('u1.clerk'), nomination('U2'), sut)).toBe(false);
      expect(canSee(user('u3.clerk'), nomination('U1'), sut)).toBe(false);
    });

    it('shows the admin everything', () => {
      for (const unit of ['U1', 'U2', 'U3']) expect(canSee(user('admin'), nomination(unit, UP_TO_SO), sut)).toBe(true);
    });

    it('shows a reviewer the nominations whose route passes through them', () => {
      expect(canSee(user('dept-a.reviewer'), nomination('U2'), sut)).toBe(true);
      expect(canSee(user('dept-a.reviewer'), nomination('U3'), sut)).toBe(false);
      expect(canSee(user('city.board'), nomination('U1', UP_TO_CITY), sut)).toBe(true);
      expect(canSee(user('city.board'), nomination('U1', UP_TO_SO), sut)).toBe(false);
      expect(canSee(user('u2.head'), nomination('U1'), sut)).toBe(false);
    });
  });

  describe('visibleScopes', () => {
    it('is unrestricted for the admin', () => {
      expect(visibleScopes(user('admin'), sut)).toBeNull();
    });

    it('limits a clerk to their own unit', () => {
      expect(visibleScopes(user('u1.clerk'), sut)).toEqual([{ unitCodes: ['U1'] }]);
    });

    it('adds the supervised units, on routes through the level, for a reviewer', () => {
      const scopes = visibleScopes(user('dept-a.reviewer'), sut);

      expect(scopes).toHaveLength(2);
      expect(scopes?.[0]).toEqual({ unitCodes: ['DEPT-A'] });
      expect(scopes?.[1]?.routeHas).toBe('DEPARTMENT');
      expect([...(scopes?.[1]?.unitCodes ?? [])].sort()).toEqual(['U1', 'U2']);
    });

    it('covers every unit for the city board, only on routes that reach the city', () => {
      const scopes = visibleScopes(user('city.board'), sut);

      expect(scopes?.[1]?.routeHas).toBe('CITY');
      expect([...(scopes?.[1]?.unitCodes ?? [])].sort()).toEqual(['U1', 'U2', 'U3']);
    });

    it('gives a unit head their unit at UNIT level', () => {
      expect(visibleScopes(user('u3.head'), sut)).toEqual([{ unitCodes: ['U3'] }, { unitCodes: ['U3'], routeHas: 'UNIT' }]);
    });
  });

  it('names the level each reviewer decides, and none for others', () => {
    expect(reviewerLevel(user('u1.head'), sut)).toBe('UNIT');
    expect(reviewerLevel(user('dept-b.reviewer'), sut)).toBe('DEPARTMENT');
    expect(reviewerLevel(user('so.council'), sut)).toBe('SO');
    expect(reviewerLevel(user('city.board'), sut)).toBe('CITY');
    expect(reviewerLevel(user('u1.clerk'), sut)).toBeNull();
    expect(reviewerLevel(user('admin'), sut)).toBeNull();
  });

  it('treats only a clerk of the unit as its clerk', () => {
    expect(isClerkOf(user('u1.clerk'), 'U1')).toBe(true);
    expect(isClerkOf(user('u1.clerk'), 'U2')).toBe(false);
    expect(isClerkOf(user('u1.head'), 'U1')).toBe(false);
  });
});

describe('reassignProblem', () => {
  const tree = new OrgTree(DEMO_ORGS);
  const u1 = nomination('U1', UP_TO_SO);
  const sut = (username: string | null, level: Level) => reassignProblem(username ? user(username) : null, { level, reviewer: username ?? 'nobody' }, u1, tree);

  it.each([
    ['dept-a.deputy', 'DEPARTMENT'],
    ['dept-a.reviewer', 'DEPARTMENT'],
    ['u1.head', 'UNIT'],
    ['so.council', 'SO'],
  ] as const)('lets %s take over %s', (username, level) => {
    expect(sut(username, level)).toBeNull();
  });

  it.each([
    ['a clerk, even of the unit itself', 'u1.clerk', 'UNIT'],
    ['an admin', 'admin', 'SO'],
    ['staff of another department', 'dept-b.reviewer', 'DEPARTMENT'],
    ['staff of the level below', 'u1.head', 'DEPARTMENT'],
    ['staff of the department, for the unit level', 'dept-a.deputy', 'UNIT'],
    ['a council member', 'so.member1', 'SO'],
    ['anyone, for a level not on the route', 'city.board', 'CITY'],
  ] as const)('refuses %s', (_, username, level) => {
    expect(sut(username, level)).toEqual(expect.any(String));
  });

  it('refuses an unknown user', () => {
    expect(sut(null, 'UNIT')).toBe('không có người dùng nobody');
  });
});
