import { loadConfig } from '../config/config';
import { nextAttemptAt, retryPolicyFrom } from './retry-policy';

const minimal = {
  DATABASE_URL: 'postgresql://tdkt:tdkt@localhost:5432/tdkt',
  AUTH_JWT_SECRET: 'a-secret-of-at-least-16-chars',
  AUTH_JWT_ISSUER: 'https://sso.example.vn',
  AUTH_JWT_AUDIENCE: 'tdkt',
};
const HOUR = 3_600_000;

describe('the outbox retry schedule', () => {
  const at = new Date('2026-12-01T08:00:00Z');

  it('doubles the wait after each failure, from DELIVERY_RETRY_BASE', () => {
    const policy = { maxAttempts: 5, baseMs: 1000 };
    const waits = [1, 2, 3, 4].map((failed) => nextAttemptAt(failed, at, policy)!.getTime() - at.getTime());

    expect(waits).toEqual([1000, 2000, 4000, 8000]);
  });

  it('gives up once DELIVERY_MAX_ATTEMPTS have failed', () => {
    const policy = { maxAttempts: 3, baseMs: 1000 };

    expect(nextAttemptAt(2, at, policy)).not.toBeNull();
    expect(nextAttemptAt(3, at, policy)).toBeNull();
    expect(nextAttemptAt(4, at, policy)).toBeNull();
  });

  it('by default spreads 10 attempts over about a day', () => {
    const policy = retryPolicyFrom(loadConfig(minimal));
    expect(policy.maxAttempts).toBe(10);

    let time = at;
    const attempts = [time];
    for (let failed = 1; ; failed += 1) {
      const next = nextAttemptAt(failed, time, policy);
      if (!next) break;
      attempts.push((time = next));
    }

    expect(attempts).toHaveLength(10);
    const span = attempts.at(-1)!.getTime() - at.getTime();
    expect(span).toBeGreaterThan(23 * HOUR);
    expect(span).toBeLessThan(25 * HOUR);
    // The first retries come soon: a mail server that blinked costs minutes, not hours.
    expect(attempts[1]!.getTime() - at.getTime()).toBeLessThan(5 * 60_000);
  });

  it('reads its settings from the environment', () => {
    const config = loadConfig({ ...minimal, DELIVERY_MAX_ATTEMPTS: '4', DELIVERY_RETRY_BASE: '250ms', DELIVERY_POLL_INTERVAL: '50ms', DELIVERY_LEASE: '10s' });

    expect(retryPolicyFrom(config)).toEqual({ maxAttempts: 4, baseMs: 250 });
    expect(config).toMatchObject({ DELIVERY_POLL_INTERVAL: 50, DELIVERY_LEASE: 10_000 });
    expect(() => loadConfig({ ...minimal, DELIVERY_MAX_ATTEMPTS: '0' })).toThrow(/DELIVERY_MAX_ATTEMPTS/);
  });
});
