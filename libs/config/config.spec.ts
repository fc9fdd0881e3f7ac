import { ConfigError, deadlineRulesFrom, loadConfig } from './config';
import { durationSchema } from './duration';

const SECOND = 1000;
const DAY = 86_400_000;

// The least an environment must say; everything else has a default.
const minimal = { DATABASE_URL: 'postgresql://tdkt:tdkt@localhost:5432/tdkt', AUTH_JWT_SECRET: 'a-secret-of-at-least-16-chars' };

function configError(env: NodeJS.ProcessEnv): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('loadConfig accepted the environment');
}

describe('loadConfig', () => {
  it('fills in the defaults', () => {
    const config = loadConfig(minimal);

    expect(config).toMatchObject({
      PORT: 3000,
      AUTH_MODE: 'jwt',
      TEMPORAL_ADDRESS: '127.0.0.1:7233',
      TEMPORAL_NAMESPACE: 'default',
      TEMPORAL_TASK_QUEUE: 'nominations',
      AUTH_USERNAME_CLAIM: 'sub',
      RETURN_WINDOW: { workingDays: 5 },
      REMINDER_BEFORE: { workingDays: 1 },
      ESCALATE_AFTER: { workingDays: 3 },
      COMMAND_TIMEOUT: 10 * SECOND,
      WORKER_POLL_STALE_AFTER: 90 * SECOND,
      DATABASE_CONNECT_TIMEOUT: 5 * SECOND,
      DATABASE_STATEMENT_TIMEOUT: 10 * SECOND,
      DATABASE_POOL_MAX: 10,
    });
    // Unset level limits fall back to the award catalogue's working days.
    expect(config.DEADLINE_UNIT).toBeUndefined();
  });

  it('hands the deadlines on as rules: working days or plain durations', () => {
    const config = loadConfig({ ...minimal, DEADLINE_CITY: '30wd', DEADLINE_UNIT: '2s', RETURN_WINDOW: '2d' });

    expect(deadlineRulesFrom(config)).toEqual({
      level: { UNIT: { ms: 2 * SECOND }, DEPARTMENT: undefined, SO: undefined, CITY: { workingDays: 30 } },
      returnWindow: { ms: 2 * DAY },
      reminderBefore: { workingDays: 1 },
      escalateAfter: { workingDays: 3 },
    });
  });

  it('takes a blank variable as unset', () => {
    const config = loadConfig({ ...minimal, PORT: '', DEADLINE_SO: '' });
    expect(config.PORT).toBe(3000);
    expect(config.DEADLINE_SO).toBeUndefined();
  });

  it('reads the port as a number', () => {
    expect(loadConfig({ ...minimal, PORT: '8080' }).PORT).toBe(8080);
  });

  it.each([
    ['30s', 30 * SECOND],
    ['5d', 5 * DAY],
    ['1500', 1500],
    ['250ms', 250],
    ['15m', 15 * 60 * SECOND],
    ['2h', 2 * 3600 * SECOND],
    ['1.5h', 5400 * SECOND],
    [' 10s ', 10 * SECOND],
  ])('reads the duration %j as %d ms', (raw, ms) => {
    expect(loadConfig({ ...minimal, DEADLINE_UNIT: raw }).DEADLINE_UNIT).toEqual({ ms });
  });

  it.each(['0', '0s', '-5d', '5 days', '5w', 'd'])('refuses the duration %j', (raw) => {
    expect(durationSchema.safeParse(raw).success).toBe(false);
    expect(configError({ ...minimal, RETURN_WINDOW: raw }).message).toContain('RETURN_WINDOW');
  });

  it('names every bad variable in one error', () => {
    const error = configError({ ...minimal, DATABASE_URL: 'mysql://localhost/tdkt', DEADLINE_SO: 'ten days' });

    expect(error).toBeInstanceOf(ConfigError);
    expect(error.message).toMatch(/DATABASE_URL: .*postgresql/);
    expect(error.message).toMatch(/DEADLINE_SO: /);
    expect(error.message).not.toMatch(/DEADLINE_UNIT|AUTH_JWT_SECRET/);
  });

  it('requires a DATABASE_URL', () => {
    expect(configError({ AUTH_MODE: 'dev' }).message).toContain('DATABASE_URL');
  });

  describe('AUTH_MODE=jwt', () => {
    it('fails without a secret or a JWKS URL, naming AUTH_JWT_SECRET', () => {
      const error = configError({ DATABASE_URL: minimal.DATABASE_URL, AUTH_MODE: 'jwt' });

      expect(error.message).toContain('AUTH_JWT_SECRET');
      expect(error.message).toContain('AUTH_JWKS_URL');
    });

    it('is the default, so an environment silent about auth needs a secret too', () => {
      expect(configError({ DATABASE_URL: minimal.DATABASE_URL }).message).toContain('AUTH_JWT_SECRET');
    });

    it('is satisfied by a JWKS URL alone', () => {
      const config = loadConfig({ DATABASE_URL: minimal.DATABASE_URL, AUTH_MODE: 'jwt', AUTH_JWKS_URL: 'https://id.example.vn/.well-known/jwks.json' });

      expect(config.AUTH_JWKS_URL).toBe('https://id.example.vn/.well-known/jwks.json');
    });

    it('refuses a secret too short to sign with', () => {
      expect(configError({ DATABASE_URL: minimal.DATABASE_URL, AUTH_JWT_SECRET: 'short' }).message).toContain('AUTH_JWT_SECRET');
    });
  });

  it('needs no JWT secret in dev mode', () => {
    expect(loadConfig({ DATABASE_URL: minimal.DATABASE_URL, AUTH_MODE: 'dev' }).AUTH_MODE).toBe('dev');
  });
});
