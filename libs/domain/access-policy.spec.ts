import { DEMO_ORGS, DEMO_USERS } from '../../prisma/demo-organisation';
import {
  authority,
  canSee,
  deputyLevels,
  isClerkOf,
  OrgTree,
  reassignProblem,
  reviewerLevel,
  reviewsLevel,
  unstaffedLevels,
  visible,
  visibleScopes,
  waitingOn,
  type AccessFacts,
  type Actor,
  type DelegationInForce,
} from './access-policy';
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

    it('is an enterprise itself at UNIT, its director the reviewer, and the department above it next', () => {
      const withEnterprise = new OrgTree([...DEMO_ORGS, { code: 'DN1', name: 'Công ty Điện lực', kind: 'ENTERPRISE', parentCode: 'DEPT-A' }]);
      const director: Actor = { username: 'dn1.director', displayName: 'Giám đốc', role: 'REVIEWER', orgCode: 'DN1' };
      expect(withEnterprise.reviewingOrg('DN1', 'UNIT')?.code).toBe('DN1');
      expect(withEnterprise.reviewingOrg('DN1', 'DEPARTMENT')?.code).toBe('DEPT-A');
      expect(reviewerLevel(director, withEnterprise)).toBe('UNIT');
      expect(reviewsLevel(director, 'UNIT', nomination('DN1', ['UNIT']), withEnterprise)).toBe(true);
      expect(withEnterprise.unitsUnder('DEPT-A')).toEqual(['U1', 'U2', 'DN1']);
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

  it('names an organisation by its name, and one the chart does not know by its code', () => {
    expect(sut.nameOf('U1')).toBe(DEMO_ORGS.find((o) => o.code === 'U1')!.name);
    expect(sut.nameOf('NOWHERE')).toBe('NOWHERE');
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

describe('unstaffedLevels', () => {
  const tree = new OrgTree(DEMO_ORGS);
  const reviewingOrgs = new Set(DEMO_USERS.filter((u) => u.role === 'REVIEWER').map((u) => u.orgCode));

  it('finds none while every reviewing organisation has an active reviewer', () => {
    expect(unstaffedLevels(tree, reviewingOrgs)).toEqual([]);
  });

  it("names the units a department's last reviewer leaves waiting on nobody, at that level only", () => {
    const withoutDeptA = new Set([...reviewingOrgs].filter((o) => o !== 'DEPT-A'));
    expect(unstaffedLevels(tree, withoutDeptA)).toEqual([{ level: 'DEPARTMENT', unitCodes: tree.unitsUnder('DEPT-A') }]);
  });

  it("names every unit at a level the Sở's last reviewer leaves", () => {
    const withoutSo = new Set([...reviewingOrgs].filter((o) => o !== 'SCT'));
    expect(unstaffedLevels(tree, withoutSo)).toEqual([{ level: 'SO', unitCodes: tree.unitsUnder('SCT') }]);
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

describe('visibility and authority, with delegations and reassignments', () => {
  const tree = new OrgTree(DEMO_ORGS);
  const u1 = { id: 'n1', unitCode: 'U1', route: UP_TO_CITY, opinions: [] as { agency: string }[] };
  const none: AccessFacts = { tree, delegations: [], assigned: [] };
  /** dept-a.reviewer hands the DEPARTMENT level of DEPT-A to its staff member for today. */
  const handed = (over: Partial<DelegationInForce> = {}): AccessFacts => ({
    ...none,
    delegations: [{ delegator: 'dept-a.reviewer', level: 'DEPARTMENT', orgCode: 'DEPT-A', delegatorNow: { role: 'REVIEWER', orgCode: 'DEPT-A' }, ...over }],
  });

  it('lets the reviewer of a level decide it, for no one else', () => {
    expect(authority(user('dept-a.reviewer'), 'DEPARTMENT', u1, none)).toEqual({ onBehalfOf: null });
    expect(authority(user('dept-a.reviewer'), 'UNIT', u1, none)).toBeNull();
    expect(authority(user('u2.head'), 'UNIT', u1, none)).toBeNull();
  });

  it('shows nothing to a reviewer of another unit, a clerk of another unit or an agency not consulted', () => {
    for (const username of ['u2.head', 'dept-b.reviewer', 'u2.clerk', 'snv.officer', 'dept-a.deputy']) {
      expect(visible(user(username), u1, none)).toBe(false);
    }
  });

  it('shows the nomination to a consulted agency, which decides no level of it', () => {
    const consulted = { ...u1, opinions: [{ agency: 'SNV' }] };

    expect(visible(user('snv.officer'), consulted, none)).toBe(true);
    expect(authority(user('snv.officer'), 'CITY', consulted, none)).toBeNull();
  });

  it('lets the reviewer an admin reassigned a level to see the nomination and decide that level only', () => {
    const facts = { ...none, assigned: [{ nominationId: 'n1', level: 'DEPARTMENT' as const }] };
    const deputy = user('dept-a.deputy');

    expect(visible(deputy, u1, facts)).toBe(true);
    expect(authority(deputy, 'DEPARTMENT', u1, facts)).toEqual({ onBehalfOf: null });
    expect(authority(deputy, 'UNIT', u1, facts)).toBeNull();
    expect(visible(deputy, { ...u1, id: 'n2' }, facts)).toBe(false);
  });

  it("lets a deputy decide the delegated level on the delegator's behalf, in the delegator's units only", () => {
    const deputy = user('dept-a.deputy');

    expect(visible(deputy, u1, handed())).toBe(true);
    expect(authority(deputy, 'DEPARTMENT', u1, handed())).toEqual({ onBehalfOf: 'dept-a.reviewer' });
    expect(authority(deputy, 'SO', u1, handed())).toBeNull();
    expect(visible(deputy, { ...u1, unitCode: 'U3' }, handed())).toBe(false);
    expect(authority(deputy, 'DEPARTMENT', { ...u1, unitCode: 'U3' }, handed())).toBeNull();
    expect(authority(deputy, 'DEPARTMENT', { ...u1, route: ['UNIT', 'SO'] }, handed())).toBeNull();
  });

  it.each([
    ['the delegator moved to another organisation', { delegatorNow: { role: 'REVIEWER', orgCode: 'DEPT-B' } }],
    ['the delegator no longer reviews', { delegatorNow: { role: 'STAFF', orgCode: 'DEPT-A' } }],
    ['the delegator is gone', { delegatorNow: null }],
    ['the level is not the one the organisation reviews', { level: 'SO' }],
  ] as const)('grants nothing once %s', (_, over) => {
    const deputy = user('dept-a.deputy');

    expect(deputyLevels(deputy, handed(over))).toEqual([]);
    expect(visible(deputy, u1, handed(over))).toBe(false);
    expect(authority(deputy, 'DEPARTMENT', u1, handed(over))).toBeNull();
    expect(waitingOn(deputy, handed(over))).toBeNull();
  });

  it('grants nothing to a deputy who is no longer staff of the organisation', () => {
    const clerk = { ...user('dept-a.deputy'), role: 'CLERK' as const };

    expect(authority(clerk, 'DEPARTMENT', u1, handed())).toBeNull();
    expect(authority({ ...user('dept-a.deputy'), orgCode: 'DEPT-B' }, 'DEPARTMENT', u1, handed())).toBeNull();
  });

  it('names the delegator of the newest delegation that still counts', () => {
    const facts: AccessFacts = {
      ...none,
      delegations: [
        { delegator: 'dept-a.gone', level: 'DEPARTMENT', orgCode: 'DEPT-A', delegatorNow: null },
        { delegator: 'dept-a.reviewer', level: 'DEPARTMENT', orgCode: 'DEPT-A', delegatorNow: { role: 'REVIEWER', orgCode: 'DEPT-A' } },
      ],
    };

    expect(authority(user('dept-a.deputy'), 'DEPARTMENT', u1, facts)).toEqual({ onBehalfOf: 'dept-a.reviewer' });
  });

  describe('what waits on an actor', () => {
    it('is their own level in the units beneath them, for reviewers and council members alike', () => {
      expect(waitingOn(user('dept-a.reviewer'), none)).toMatchObject({ level: 'DEPARTMENT', delegated: [], assigned: [] });
      expect(waitingOn(user('so.member1'), none)).toMatchObject({ level: 'SO' });
      expect([...waitingOn(user('dept-a.reviewer'), none)!.unitCodes].sort()).toEqual(['U1', 'U2']);
    });

    it("adds a deputy's delegated level by the same rule as their decision", () => {
      expect(waitingOn(user('dept-a.deputy'), handed())).toMatchObject({
        level: null,
        assigned: [],
        delegated: [{ level: 'DEPARTMENT', unitCodes: ['U1', 'U2'] }],
      });
    });

    it("adds the levels reassigned to the actor, and what awaits their agency's opinion", () => {
      const assigned = [{ nominationId: 'n1', level: 'SO' as const }];

      expect(waitingOn(user('dept-a.deputy'), { ...none, assigned })).toMatchObject({ level: null, assigned });
      expect(waitingOn(user('snv.officer'), none)).toMatchObject({ level: null, opinionOf: 'SNV' });
    });

    it('is nothing for a clerk or an admin', () => {
      expect(waitingOn(user('u1.clerk'), none)).toBeNull();
      expect(waitingOn(user('admin'), none)).toBeNull();
    });
  });
});
