import request from 'supertest';
import { Harness } from './support/harness';

const LIMIT = 20;
const SIGNED_IN = ['u1.head', 'u2.head', 'u3.head', 'dept-a.reviewer', 'u1.clerk'];
const MALFORMED = '{"awardCode": ';

describe('rate limit per signed-in user, per address for the others, before any body is read', () => {
  let sut: Harness;
  const anonymous = () => request(sut.app.getHttpServer());

  beforeAll(async () => {
    sut = await Harness.start({ RATE_LIMIT_PER_MINUTE: String(LIMIT) });
    // Signed in while this address has budget left: the sign-ins count against it.
    for (const username of SIGNED_IN) await sut.token(username);
  });
  afterAll(() => sut.close());

  it('a burst past the limit gets 429 RATE_LIMITED with Retry-After, before its body is read; another user is not limited; health stays open', async () => {
    const statuses: number[] = [];
    // Over several routes: the budget is the user's, not one per route.
    for (let i = 0; i < LIMIT + 5; i++) statuses.push((await sut.get('u1.head', i % 2 ? '/api/inbox' : '/api/notifications')).status);

    expect(statuses.slice(0, LIMIT).every((s) => s === 200)).toBe(true);
    expect(statuses.slice(LIMIT)).toEqual(Array(5).fill(429));
    const refused = await sut.get('u1.head', '/api/org/units');
    expect(refused.status).toBe(429);
    expect(refused.body.error).toEqual({ code: 'RATE_LIMITED', message: expect.stringContaining(`${LIMIT}`), details: [] });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(60);
    // A malformed body would be a 400 had it been parsed.
    const withBody = await anonymous()
      .post('/api/nominations/00000000-0000-4000-8000-000000000000/decisions')
      .set('authorization', `Bearer ${await sut.token('u1.head')}`)
      .set('content-type', 'application/json')
      .send(MALFORMED);
    expect(withBody.status).toBe(429);

    expect((await sut.get('u2.head', '/api/inbox')).status).toBe(200);
    expect((await sut.get('dept-a.reviewer', '/api/notifications')).status).toBe(200);
    for (let i = 0; i < 3; i++) expect((await anonymous().get('/api/health')).status).not.toBe(429);
  });

  it('reads a body only once the caller is let through: 401 without a token, 403 for a role that may never call the route', async () => {
    const anonymousPost = await anonymous().post('/api/nominations').set('content-type', 'application/json').send(MALFORMED);
    expect([anonymousPost.status, anonymousPost.body.error.code]).toEqual([401, 'UNAUTHENTICATED']);

    const clerkToAdminRoute = await anonymous()
      .post('/api/campaigns')
      .set('authorization', `Bearer ${await sut.token('u1.clerk')}`)
      .set('content-type', 'application/json')
      .send(MALFORMED);
    expect([clerkToAdminRoute.status, clerkToAdminRoute.body.error.code]).toEqual([403, 'FORBIDDEN']);

    // Let through, the same body is read and refused as it always was.
    const clerkToOwnRoute = await anonymous()
      .post('/api/nominations')
      .set('authorization', `Bearer ${await sut.token('u1.clerk')}`)
      .set('content-type', 'application/json')
      .send(MALFORMED);
    expect([clerkToOwnRoute.status, clerkToOwnRoute.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
  });

  it('requests without a token, or with one that fails, are limited per address; a signed-in user from it is not', async () => {
    const statuses: number[] = [];
    // The sign-ins and anonymous calls above have already spent part of this address's budget.
    for (let i = 0; i < LIMIT; i++) {
      const res =
        i % 2
          ? await anonymous().post('/api/auth/dev-token').send({ username: 'u3.clerk' })
          : await anonymous().get('/api/inbox').set('authorization', 'Bearer not-a-token');
      statuses.push(res.status);
    }

    expect(statuses).toContain(401);
    expect(statuses.at(-1)).toBe(429);
    const badToken = await anonymous().get('/api/inbox').set('authorization', 'Bearer not-a-token');
    expect([badToken.status, badToken.body.error?.code]).toEqual([429, 'RATE_LIMITED']);
    expect(badToken.headers['retry-after']).toMatch(/^\d+$/);
    const noToken = await anonymous().post('/api/auth/dev-token').set('content-type', 'application/json').send(MALFORMED);
    expect(noToken.status).toBe(429);
    // A signed-in user's budget is their own, not the address's.
    expect((await sut.get('u3.head', '/api/inbox')).status).toBe(200);
  });
});
