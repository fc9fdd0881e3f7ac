import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { MetadataScanner, ModulesContainer, Reflector } from '@nestjs/core';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { routeAccess, type RouteAccess } from '../apps/api/auth/auth.guard';
import type { Role } from '../libs/domain/access-policy';
import { Harness } from './support/harness';
import { until } from './support/until';

interface Route {
  method: string;
  path: string;
  handler: string;
  access: RouteAccess | undefined;
}

const join = (...parts: string[]) => `/${parts.join('/')}`.replace(/\/+/g, '/').replace(/(.)\/$/, '$1');

/** Every handler of every controller the running application registered, with its declaration. */
function declaredRoutes(sut: Harness): Route[] {
  const reflector = sut.app.get(Reflector);
  const scanner = new MetadataScanner();
  const routes: Route[] = [];
  for (const module of sut.app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as { new (...args: never[]): object; name: string };
      const prefix = Reflect.getMetadata(PATH_METADATA, controller) as string;
      for (const name of scanner.getAllMethodNames(controller.prototype)) {
        const handler = (controller.prototype as Record<string, object>)[name]!;
        const path = Reflect.getMetadata(PATH_METADATA, handler) as string | undefined;
        if (path === undefined) continue;
        const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod];
        routes.push({ method, path: join('api', prefix, path), handler: `${controller.name}.${name}`, access: routeAccess(reflector, handler) });
      }
    }
  }
  return routes;
}

/** What Express itself will answer, minus the OpenAPI pages that Swagger mounts outside Nest's controllers. */
function routerRoutes(sut: Harness): string[] {
  const express = sut.app.getHttpAdapter().getInstance() as { router: { stack: { route?: { path: string; methods: Record<string, boolean> } }[] } };
  return express.router.stack
    .flatMap((layer) => (layer.route ? Object.keys(layer.route.methods).map((m) => `${m.toUpperCase()} ${layer.route!.path}`) : []))
    .filter((route) => !/ \/api\/docs/.test(route));
}

/**
 * Who may ever call each mutation, written out here rather than read from the declarations, so that a
 * declaration that says too much fails this test. `ANY`: every signed-in user (the service checks the resource).
 */
const MAY_CALL: Record<string, readonly Role[] | 'ANY'> = {
  'POST /api/nominations': ['CLERK'],
  'POST /api/award-decisions': ['ADMIN'],
  'POST /api/award-decisions/:id/issue': ['ADMIN'],
  'POST /api/award-decisions/:id/revoke': ['ADMIN'],
  'POST /api/nominations/:id/decisions': ['REVIEWER', 'STAFF', 'COUNCIL_MEMBER'],
  'POST /api/decisions/batch': ['REVIEWER', 'STAFF', 'COUNCIL_MEMBER'],
  'POST /api/votes/batch': ['REVIEWER', 'COUNCIL_MEMBER'],
  'POST /api/nominations/:id/resubmit': ['CLERK'],
  'POST /api/nominations/:id/withdraw': ['CLERK'],
  'POST /api/documents': ['CLERK'],
  'POST /api/nominations/:id/documents': ['CLERK', 'REVIEWER', 'STAFF', 'COUNCIL_MEMBER'],
  'POST /api/nominations/:id/votes': ['REVIEWER', 'COUNCIL_MEMBER'],
  'POST /api/nominations/:id/votes/close': ['REVIEWER', 'COUNCIL_MEMBER'],
  'POST /api/delegations': ['REVIEWER'],
  'DELETE /api/delegations/:id': ['REVIEWER', 'ADMIN'],
  'POST /api/notifications/:id/read': 'ANY',
  'POST /api/campaigns': ['ADMIN'],
  'POST /api/admin/nominations/deadline': ['ADMIN'],
  'POST /api/admin/nominations/:id/nudge': ['ADMIN'],
  'POST /api/admin/nominations/:id/reassign': ['ADMIN'],
  'POST /api/admin/nominations/:id/deadline': ['ADMIN'],
  'POST /api/admin/nominations/:id/repair': ['ADMIN'],
  'POST /api/admin/holds': ['ADMIN'],
  'DELETE /api/admin/holds/:id': ['ADMIN'],
  'POST /api/nominations/:id/objections': 'ANY',
  'POST /api/nominations/:id/opinions': ['STAFF'],
  'POST /api/nominations/:id/external-decision': ['ADMIN'],
  'POST /api/admin/award-history/import': ['ADMIN'],
  'POST /api/admin/deliveries/:id/retry': ['ADMIN'],
  'POST /api/admin/schedules/:id/pause': ['ADMIN'],
  'POST /api/admin/schedules/:id/resume': ['ADMIN'],
  'POST /api/admin/schedules/:id/trigger': ['ADMIN'],
  'PUT /api/admin/calendar/:year': ['ADMIN'],
  'PUT /api/admin/base-salary': ['ADMIN'],
  'PUT /api/admin/organisation': ['ADMIN'],
  'POST /api/admin/organisation/users.csv': ['ADMIN'],
};

/** README "Demo organisation": one user of each kind. */
const USERS: Record<string, Role> = {
  'u1.clerk': 'CLERK',
  'u1.head': 'REVIEWER',
  'dept-a.reviewer': 'REVIEWER',
  'so.council': 'REVIEWER',
  'so.member1': 'COUNCIL_MEMBER',
  admin: 'ADMIN',
  'dept-a.deputy': 'STAFF',
};

describe('who may call what is declared on every route', () => {
  let sut: Harness;
  let nominationId: string;

  beforeAll(async () => {
    sut = await Harness.start();
    nominationId = (await sut.submit()).id;
    // The workflow commits the submission's audit event, with the reviewers' notifications, after the 201.
    await until(async () => (await sut.prisma.auditEvent.count({ where: { nominationId } })) || undefined, 'the submission committed');
  });
  afterAll(() => sut.close());

  /** The number of rows in every table: a refused call must leave all of them as they were. */
  const rowCounts = async () => {
    const tables = await sut.prisma.$queryRaw<{ name: string }[]>`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`;
    const counts: Record<string, number> = {};
    for (const { name } of tables) {
      const [row] = await sut.prisma.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM "${name}"`);
      counts[name] = Number(row!.n);
    }
    return counts;
  };

  const concrete = (path: string) =>
    path
      .replace('/nominations/:id', `/nominations/${nominationId}`)
      .replace(':year', '2026')
      .replace('/schedules/:id', '/schedules/REGULAR')
      .replace(':id', randomUUID());

  const call = async (username: string, method: string, path: string, body: object) => {
    const agent = request(sut.app.getHttpServer());
    return agent[method.toLowerCase() as 'post' | 'put' | 'delete'](concrete(path))
      .set('Authorization', `Bearer ${await sut.token(username)}`)
      .send(body);
  };

  it('every route of the running application declares @Public or @Authenticated', () => {
    const routes = declaredRoutes(sut);

    expect(routes.filter((r) => !r.access).map((r) => `${r.method} ${r.path} (${r.handler})`)).toEqual([]);
    // Discovery saw what Express serves, no more and no less.
    expect(routes.map((r) => `${r.method} ${r.path}`).sort()).toEqual(routerRoutes(sut).sort());
    expect(routes.length).toBeGreaterThan(30);
  });

  it('only health, the sign-in, the dev sign-in and its user picker, and the public lookup of awards are public', () => {
    const open = declaredRoutes(sut).filter((r) => r.access?.public);

    // The codec server is declared public because the dev server's UI sends no token; it lets in admins only (and, in dev mode, this machine).
    expect(open.map((r) => `${r.method} ${r.path}`).sort()).toEqual([
      'GET /api/auth/dev-users',
      'GET /api/auth/sign-in',
      'GET /api/health',
      'GET /api/health/live',
      'GET /api/health/ready',
      'GET /api/public/awards',
      'OPTIONS /api/temporal-codec/:namespace/:operation',
      'POST /api/auth/dev-token',
      'POST /api/temporal-codec/:namespace/decode',
      'POST /api/temporal-codec/:namespace/encode',
    ]);
  });

  it('each mutation declares exactly the roles that may call it', () => {
    const mutations = declaredRoutes(sut).filter((r) => r.method !== 'GET' && !r.access?.public);

    const declared = Object.fromEntries(
      mutations.map((r) => [`${r.method} ${r.path}`, r.access && !r.access.public && r.access.roles ? [...r.access.roles].sort() : 'ANY']),
    );
    const expected = Object.fromEntries(
      Object.keys(declared).map((key) => [key, MAY_CALL[key] === 'ANY' ? 'ANY' : [...(MAY_CALL[key] ?? ['(not in MAY_CALL)'])].sort()]),
    );
    expect(declared).toEqual(expected);
  });

  it('every mutation refuses every wrong role with 403 before it reads the body, and nothing changes', async () => {
    const mutations = declaredRoutes(sut).filter((r) => r.method !== 'GET' && !r.access?.public);
    const before = await rowCounts();
    const refused: string[] = [];

    for (const route of mutations) {
      const allowed = MAY_CALL[`${route.method} ${route.path}`];
      if (!allowed || allowed === 'ANY') continue;
      for (const [username, role] of Object.entries(USERS)) {
        if (allowed.includes(role)) continue;
        // A body no schema accepts: a 400 would show validation ran before the role was checked.
        const res = await call(username, route.method, route.path, { notAField: true });
        if (res.status !== 403 || res.body.error?.code !== 'FORBIDDEN')
          refused.push(`${username} ${route.method} ${route.path}: ${res.status} ${JSON.stringify(res.body)}`);
      }
    }

    expect(refused).toEqual([]);
    expect(await rowCounts()).toEqual(before);
  });

  it('the right role on someone else’s nomination is refused with 403 or 404, and nothing changes', async () => {
    // Another file's delegation would make the deputy a reviewer of that level here.
    await sut.prisma.delegation.deleteMany({ where: { deputy: 'dept-a.deputy' } });
    const before = await rowCounts();
    const attempts = [
      ['u2.clerk', 'POST', '/api/nominations/:id/withdraw', { reason: 'Rút hồ sơ của đơn vị khác' }],
      ['u2.clerk', 'POST', '/api/nominations/:id/resubmit', { comment: 'Bổ sung hồ sơ của đơn vị khác' }],
      ['u2.clerk', 'POST', '/api/nominations/:id/documents', {}],
      ['dept-b.reviewer', 'POST', '/api/nominations/:id/documents', {}],
      ['u2.head', 'POST', '/api/nominations/:id/decisions', { level: 'UNIT', decision: 'APPROVE', requestId: randomUUID() }],
      ['dept-b.reviewer', 'POST', '/api/nominations/:id/decisions', { level: 'DEPARTMENT', decision: 'APPROVE', requestId: randomUUID() }],
      ['dept-a.deputy', 'POST', '/api/nominations/:id/decisions', { level: 'DEPARTMENT', decision: 'APPROVE', requestId: randomUUID() }],
      [
        'u3.clerk',
        'POST',
        '/api/nominations',
        {
          unitCode: 'U1',
          awardCode: 'LAO_DONG_TIEN_TIEN',
          year: 2026,
          nominee: { kind: 'INDIVIDUAL', fullName: 'Người của U1' },
          achievements: 'Hoàn thành tốt nhiệm vụ được giao trong năm 2026.',
        },
      ],
    ] as const;

    const allowed: string[] = [];
    for (const [username, method, path, body] of attempts) {
      const res = await call(username, method, path, body);
      if (res.status !== 403 && res.status !== 404) allowed.push(`${username} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    }
    expect(allowed).toEqual([]);
    expect(await rowCounts()).toEqual(before);
  });

  /** README "Demo organisation": for each role, one user who cannot see a nomination of unit U1 (admins see every one). */
  const BLIND: Partial<Record<Role, string>> = { CLERK: 'u2.clerk', REVIEWER: 'u2.head', STAFF: 'snv.officer' };
  /** A body each route accepts, so that only the nomination's visibility decides the answer. */
  const VALID_BODY: Record<string, object> = {
    'POST /api/nominations/:id/decisions': { level: 'UNIT', decision: 'APPROVE', requestId: randomUUID() },
    'POST /api/nominations/:id/resubmit': { comment: 'Bổ sung hồ sơ của đơn vị khác' },
    'POST /api/nominations/:id/withdraw': { reason: 'Rút hồ sơ của đơn vị khác' },
    'POST /api/nominations/:id/votes': { vote: 'FOR' },
    'POST /api/nominations/:id/votes/close': {},
    'POST /api/nominations/:id/objections': { text: 'Ý kiến về hồ sơ không được công khai' },
    'POST /api/nominations/:id/opinions': { answer: 'AGREE', comment: 'Đồng ý' },
  };

  it('a caller who may not see the nomination gets 404 on every route that names it, never 403 or 409, and nothing changes', async () => {
    // Another file's delegation or reassignment would let one of them see it.
    await sut.prisma.delegation.deleteMany({ where: { deputy: { in: Object.values(BLIND) } } });
    await sut.prisma.levelAssignment.deleteMany({ where: { nominationId } });
    const before = await rowCounts();
    const routes = declaredRoutes(sut).filter((r) => r.path.startsWith('/api/nominations/:id'));
    const walked = new Set<string>();
    const told: string[] = [];

    for (const route of routes) {
      const key = `${route.method} ${route.path}`;
      const roles = route.access && !route.access.public && route.access.roles ? route.access.roles : (Object.keys(BLIND) as Role[]);
      for (const username of roles.flatMap((role) => BLIND[role] ?? [])) {
        const res = await call(username, route.method, route.path, VALID_BODY[key] ?? {});
        walked.add(key);
        if (res.status !== 404 || res.body.error?.code !== 'NOT_FOUND') told.push(`${username} ${key}: ${res.status} ${JSON.stringify(res.body)}`);
      }
    }

    expect(told).toEqual([]);
    const adminOnly = routes.filter((r) => r.access && !r.access.public && r.access.roles?.every((role) => role === 'ADMIN'));
    expect([...walked].sort()).toEqual(
      routes
        .filter((r) => !adminOnly.includes(r))
        .map((r) => `${r.method} ${r.path}`)
        .sort(),
    );
    expect(walked.size).toBeGreaterThanOrEqual(9);
    expect(await rowCounts()).toEqual(before);
  });

  it('a non-admin posting a malformed campaign gets 403; an admin gets the 400 naming the fields', async () => {
    const malformed = { code: 'x', year: 'next' };

    const clerk = await sut.post('u1.clerk', '/api/campaigns', malformed);
    const admin = await sut.post('admin', '/api/campaigns', malformed);

    expect([clerk.status, clerk.body.error.code]).toEqual([403, 'FORBIDDEN']);
    expect([admin.status, admin.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(admin.body.error.details.map((d: { path: string }) => d.path)).toContain('year');
  });

  it('without a token every non-public route answers 401', async () => {
    const unauthenticated: string[] = [];
    for (const route of declaredRoutes(sut).filter((r) => !r.access?.public)) {
      const res = await request(sut.app.getHttpServer())[route.method.toLowerCase() as 'get'](concrete(route.path));
      if (res.status !== 401) unauthenticated.push(`${route.method} ${route.path}: ${res.status}`);
    }
    expect(unauthenticated).toEqual([]);
  });
});
