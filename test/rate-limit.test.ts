import request from 'supertest';
import { Harness } from './support/harness';

const LIMIT = 20;

describe('rate limit per signed-in user', () => {
  let sut: Harness;
  beforeAll(async () => {
    sut = await Harness.start({ RATE_LIMIT_PER_MINUTE: String(LIMIT) });
  });
  afterAll(() => sut.close());

  it('a burst past the limit gets 429 RATE_LIMITED with Retry-After; another user is not limited; health stays open', async () => {
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

    expect((await sut.get('u2.head', '/api/inbox')).status).toBe(200);
    expect((await sut.get('dept-a.reviewer', '/api/notifications')).status).toBe(200);
    for (let i = 0; i < 3; i++) expect((await request(sut.app.getHttpServer()).get('/api/health')).status).not.toBe(429);
  });

  it('routes without a token are limited per IP address', async () => {
    await sut.token('u3.head');
    const statuses: number[] = [];
    // The sign-ins above (sut.token) have already spent part of this address's budget.
    for (let i = 0; i < LIMIT + 1; i++)
      statuses.push((await request(sut.app.getHttpServer()).post('/api/auth/dev-token').send({ username: 'u3.clerk' })).status);

    expect(statuses).toContain(429);
    const refused = await request(sut.app.getHttpServer()).post('/api/auth/dev-token').send({ username: 'u3.clerk' });
    expect(refused.status).toBe(429);
    expect(refused.headers['retry-after']).toMatch(/^\d+$/);
    // A signed-in user's budget is their own, not the address's.
    expect((await sut.get('u3.head', '/api/inbox')).status).toBe(200);
  });
});
