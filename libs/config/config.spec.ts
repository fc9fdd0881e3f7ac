import { ConfigError, deadlineRulesFrom, loadConfig, notificationSettingsFrom } from './config';
import { durationSchema } from './duration';

const SECOND = 1000;
const DAY = 86_400_000;

// The least an environment must say; everything else has a default.
const minimal = {
  DATABASE_URL: 'postgresql://tdkt:tdkt@localhost:5432/tdkt',
  AUTH_JWT_SECRET: 'a-secret-of-at-least-16-chars',
  AUTH_JWT_ISSUER: 'https://sso.hanoi.gov.vn',
  AUTH_JWT_AUDIENCE: 'tdkt',
};
const idp = { AUTH_JWT_ISSUER: minimal.AUTH_JWT_ISSUER, AUTH_JWT_AUDIENCE: minimal.AUTH_JWT_AUDIENCE };

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
      AUTH_OIDC_SCOPE: 'openid profile',
      RETURN_WINDOW: { workingDays: 5 },
      REMINDER_BEFORE: { workingDays: 1 },
      ESCALATE_AFTER: { workingDays: 3 },
      COMMAND_TIMEOUT: 10 * SECOND,
      WORKER_POLL_STALE_AFTER: 90 * SECOND,
      DATABASE_CONNECT_TIMEOUT: 5 * SECOND,
      DATABASE_STATEMENT_TIMEOUT: 10 * SECOND,
      DATABASE_POOL_MAX: 10,
      AUTH_JWT_MAX_AGE: 12 * 3600 * SECOND,
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

  it('sends notifications by email only where a mail server is set, a blank one included', () => {
    expect(notificationSettingsFrom(loadConfig(minimal))).toEqual({ email: false });
    expect(notificationSettingsFrom(loadConfig({ ...minimal, SMTP_URL: '' }))).toEqual({ email: false });
    expect(notificationSettingsFrom(loadConfig({ ...minimal, SMTP_URL: 'smtp://mail.hanoi.gov.vn:587' }))).toEqual({ email: true });
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
      const config = loadConfig({ DATABASE_URL: minimal.DATABASE_URL, ...idp, AUTH_MODE: 'jwt', AUTH_JWKS_URL: 'https://id.example.vn/.well-known/jwks.json' });

      expect(config.AUTH_JWKS_URL).toBe('https://id.example.vn/.well-known/jwks.json');
    });

    it('refuses a secret too short to sign with', () => {
      expect(configError({ DATABASE_URL: minimal.DATABASE_URL, ...idp, AUTH_JWT_SECRET: 'short' }).message).toContain('AUTH_JWT_SECRET');
    });

    it.each(['AUTH_JWT_ISSUER', 'AUTH_JWT_AUDIENCE'])('fails without %s, naming it', (name) => {
      const error = configError({ ...minimal, [name]: undefined });

      expect(error.message).toMatch(new RegExp(`^  ${name}: `, 'm'));
    });

    it('reads the maximum token age as a duration', () => {
      expect(loadConfig({ ...minimal, AUTH_JWT_MAX_AGE: '1h' }).AUTH_JWT_MAX_AGE).toBe(3600 * SECOND);
      expect(configError({ ...minimal, AUTH_JWT_MAX_AGE: 'forever' }).message).toContain('AUTH_JWT_MAX_AGE');
    });
  });

  describe('AUTH_MODE=dev', () => {
    const dev = { DATABASE_URL: minimal.DATABASE_URL, AUTH_MODE: 'dev' };

    it('needs no JWT secret, issuer or audience', () => {
      expect(loadConfig(dev).AUTH_MODE).toBe('dev');
    });

    it('refuses to start with NODE_ENV=production, naming AUTH_MODE', () => {
      expect(configError({ ...dev, NODE_ENV: 'production' }).message).toMatch(/^ {2}AUTH_MODE: .*production/m);
    });

    it('listens on this machine only unless HOST opens it', () => {
      expect(loadConfig(dev).HOST).toBe('127.0.0.1');
      for (const HOST of ['localhost', '127.0.0.1', '::1']) expect(loadConfig({ ...dev, HOST }).HOST).toBe(HOST);
    });

    it('refuses a HOST beyond this machine, naming HOST and AUTH_MODE; jwt mode may listen anywhere', () => {
      for (const HOST of ['0.0.0.0', '::', '192.168.1.20']) {
        expect(configError({ ...dev, HOST }).message).toMatch(new RegExp(`^ {2}HOST: HOST=${HOST} .*AUTH_MODE=jwt`, 'm'));
      }
      expect(loadConfig({ ...minimal, HOST: '0.0.0.0' }).HOST).toBe('0.0.0.0');
      expect(configError({ ...minimal, HOST: 'tdkt.local' }).message).toMatch(/^ {2}HOST: must be an IP address or localhost/m);
    });

    it('draws a fresh signing secret on each start unless one is configured', () => {
      const first = loadConfig(dev).DEV_JWT_SECRET;

      expect(first.length).toBeGreaterThanOrEqual(32);
      expect(loadConfig(dev).DEV_JWT_SECRET).not.toBe(first);
      expect(loadConfig({ ...dev, DEV_JWT_SECRET: 'a-configured-dev-secret' }).DEV_JWT_SECRET).toBe('a-configured-dev-secret');
    });
  });
});
