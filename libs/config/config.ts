import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { payloadKeysSchema } from '../codec/payload-keys';
import type { Level } from '../domain/levels';
import type { NotificationSettings } from '../domain/notification-policy';
import { bindHostSchema, isLoopback } from './bind-address';
import { cronSchema } from './cron';
import { deadlineSpecSchema, type DeadlineSpec } from './deadline-spec';
import { durationSchema } from './duration';

const envSchema = z
  .object({
    NODE_ENV: z.string().default('development'),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    /**
     * The address the API and the worker's metrics listen on: this machine only unless set wider
     * (`0.0.0.0` in the container image, where the container's own network is the boundary).
     */
    HOST: bindHostSchema.default('127.0.0.1'),
    DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgresql:// URL'),
    /** How long opening a database connection, or waiting for a free one in a full pool, may take. */
    DATABASE_CONNECT_TIMEOUT: durationSchema.prefault('5s'),
    /** How long one SQL statement may run before it is cancelled. */
    DATABASE_STATEMENT_TIMEOUT: durationSchema.prefault('10s'),
    /** Connections in each process's pool (API and worker have one each). */
    DATABASE_POOL_MAX: z.coerce.number().int().min(1).default(10),
    TEMPORAL_ADDRESS: z.string().min(1).default('127.0.0.1:7233'),
    TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
    TEMPORAL_TASK_QUEUE: z.string().min(1).default('nominations'),
    /**
     * TLS to a Temporal cluster (a self-hosted one behind TLS, or Temporal Cloud): files in PEM. A client
     * certificate and its key go together (mTLS); the CA only when the server's certificate is not signed by a
     * public one. Any of them, or TEMPORAL_TLS=true alone, turns TLS on.
     */
    TEMPORAL_TLS: z.stringbool().optional(),
    TEMPORAL_TLS_CERT: z.string().min(1).optional(),
    TEMPORAL_TLS_KEY: z.string().min(1).optional(),
    TEMPORAL_TLS_CA: z.string().min(1).optional(),
    /** The name the server's certificate is checked against, when it differs from TEMPORAL_ADDRESS's host. */
    TEMPORAL_TLS_SERVER_NAME: z.string().min(1).optional(),
    /** Temporal Cloud's API key (sent as a bearer on every call; TLS is on with it). */
    TEMPORAL_API_KEY: z.string().min(1).optional(),
    TEMPORAL_UI_URL: z.url().default('http://localhost:8233'),
    /** How long the API waits on Temporal for a command's result (or any other call) before answering 503 UNAVAILABLE. */
    COMMAND_TIMEOUT: durationSchema.prefault('10s'),
    /**
     * A worker that has not polled the task queue for this long counts as down in /api/health.
     * An idle worker's poll waits up to the server's long-poll interval (1 min by default) before it is renewed.
     */
    WORKER_POLL_STALE_AFTER: durationSchema.prefault('90s'),
    AUTH_MODE: z.enum(['dev', 'jwt']).default('jwt'),
    /**
     * Signs the dev tokens; only used when AUTH_MODE=dev. Unset, each start draws a new one, so a dev
     * token never outlives the process that issued it and no secret sits in the code.
     */
    DEV_JWT_SECRET: z
      .string()
      .min(16)
      .default(() => randomBytes(32).toString('base64url')),
    /** Shared HS256/384/512 secret of the identity provider; or AUTH_JWKS_URL for its public keys (RS, PS, ES). */
    AUTH_JWT_SECRET: z.string().min(16).optional(),
    AUTH_JWKS_URL: z.url().optional(),
    /** The `iss` and `aud` every token must carry in AUTH_MODE=jwt (required there). */
    AUTH_JWT_ISSUER: z.string().min(1).optional(),
    AUTH_JWT_AUDIENCE: z.string().min(1).optional(),
    /** A token issued (`iat`) longer ago than this is refused, whatever its `exp` says. */
    AUTH_JWT_MAX_AGE: durationSchema.prefault('12h'),
    AUTH_USERNAME_CLAIM: z.string().min(1).default('sub'),
    /**
     * The web app's client id at the identity provider (AUTH_JWT_ISSUER, found by OpenID Connect
     * discovery): a public client signing in with the authorization code and PKCE. Unset, the app
     * offers no sign-in in jwt mode (an API-only deployment).
     */
    AUTH_OIDC_CLIENT_ID: z.string().min(1).optional(),
    /** What the web app asks the provider for: `openid` and whatever scope its access tokens for this API need. */
    AUTH_OIDC_SCOPE: z.string().min(1).default('openid profile'),
    /** Keys of the Temporal payload encryption, `id:base64key,…`: the first encrypts, all decrypt (libs/codec). */
    PAYLOAD_KEYS: payloadKeysSchema.optional(),
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL')
      .optional(),
    MAIL_FROM: z.string().min(3).default('Thi đua - Khen thưởng Sở Công Thương <tdkt@congthuong.hanoi.gov.vn>'),
    /** Attempts at delivering one email before it stays failed (an admin can still retry it). */
    DELIVERY_MAX_ATTEMPTS: z.coerce.number().int().min(1).default(10),
    /** The first retry's delay, doubled after each failure: 170s makes the 9 gaps of 10 attempts about a day. */
    DELIVERY_RETRY_BASE: durationSchema.prefault('170s'),
    /** How often the outbox dispatcher looks for due deliveries. */
    DELIVERY_POLL_INTERVAL: durationSchema.prefault('2s'),
    /** How long a dispatcher owns the deliveries it claimed; a send still running at half of it is abandoned. */
    DELIVERY_LEASE: durationSchema.prefault('1m'),
    /** Each level's time limit; unset, the award catalogue's working days apply. */
    DEADLINE_UNIT: deadlineSpecSchema.optional(),
    DEADLINE_DEPARTMENT: deadlineSpecSchema.optional(),
    DEADLINE_SO: deadlineSpecSchema.optional(),
    DEADLINE_CITY: deadlineSpecSchema.optional(),
    RETURN_WINDOW: deadlineSpecSchema.prefault('5wd'),
    /** The public posting (công khai) and the consultation (hiệp y) periods; unset, the catalogue's working days. */
    PUBLIC_POSTING_PERIOD: deadlineSpecSchema.optional(),
    CONSULTATION_PERIOD: deadlineSpecSchema.optional(),
    /** How long before a level's deadline its reviewers are reminded. */
    REMINDER_BEFORE: deadlineSpecSchema.prefault('1wd'),
    /** How long after the deadline an overdue level is escalated a second time, one level up. */
    ESCALATE_AFTER: deadlineSpecSchema.prefault('3wd'),
    /** The longest a reviewer may hand their level to a deputy in one delegation, in days (both ends counted). */
    DELEGATION_MAX_DAYS: z.coerce.number().int().min(1).default(90),
    /** How long before a campaign closes the units that have not submitted are reminded. */
    CAMPAIGN_REMINDER_BEFORE_CLOSE: durationSchema.prefault('3d'),
    /** How often a closed campaign checks whether its nominations are all final. */
    CAMPAIGN_POLL_INTERVAL: durationSchema.prefault('1h'),
    /** Whether the worker creates or updates the campaigns' Temporal schedules when it starts. */
    SCHEDULES_ENABLED: z.stringbool().default(true),
    /** When the regular yearly campaign is launched (phát động), as cron in Hà Nội time: 08:00 on 2 January. */
    SCHEDULE_REGULAR: cronSchema.default('0 8 2 1 *'),
    /** When the themed campaign ending on 11 June is launched: 08:00 on 1 March. */
    SCHEDULE_THEMED: cronSchema.default('0 8 1 3 *'),
    /** An activity failing this many attempts in a row is listed in the admins' stuck work. */
    ACTIVITY_RETRY_ALERT_ATTEMPTS: z.coerce.number().int().min(1).default(3),
    /** A nomination workflow continues as a new run once its history holds this many events. */
    NOMINATION_HISTORY_LIMIT: z.coerce.number().int().min(20).default(1000),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    /** Where the worker serves its Temporal SDK metrics (Prometheus text at /metrics). */
    WORKER_METRICS_PORT: z.coerce.number().int().min(1).max(65535).default(9464),
    /**
     * How many workflows the worker keeps in memory between their tasks. A nomination waits days between
     * decisions, so evicting it and replaying its short history on the next task is cheap, while every
     * cached workflow holds about 0.9 MB.
     */
    WORKER_MAX_CACHED_WORKFLOWS: z.coerce.number().int().min(0).default(100),
    /**
     * How long a stopping worker lets its running activities finish before cancelling them. Keep it below the
     * container's stop timeout (docker-compose.yml's `stop_grace_period`, 30 s) so the worker ends on its own.
     */
    WORKER_SHUTDOWN_GRACE_TIME: durationSchema.prefault('20s'),
    /** Where the worker sends its OpenTelemetry traces (OTLP over HTTP, e.g. http://collector:4318); unset, none. */
    OTEL_EXPORTER_OTLP_ENDPOINT: z.url().optional(),
    OTEL_SERVICE_NAME: z.string().min(1).default('tdkt-worker'),
    /** Requests one signed-in user (or, on routes without a token, one IP address) may make per minute. */
    RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(600),
    /** A bearer that may read /api/metrics without being a user (Prometheus's `authorization` credentials). */
    METRICS_TOKEN: z.string().min(32, 'must be at least 32 characters').optional(),
    /** Where dossier files live: a directory (the embedded default) or `s3://bucket` (S3_* below). */
    DOCUMENT_STORE: z.string().min(1).default('.data/documents'),
    /** The largest file one upload may carry, in bytes (20 MB). */
    DOCUMENT_MAX_BYTES: z.coerce
      .number()
      .int()
      .min(1)
      .default(20 * 1024 * 1024),
    /** The most documents one nomination may hold, all versions counted. */
    DOCUMENT_MAX_PER_NOMINATION: z.coerce.number().int().min(1).default(30),
    /** The most objections one user may post on one nomination while it is posted publicly. */
    OBJECTIONS_PER_USER: z.coerce.number().int().min(1).default(3),
    /** The most uploads one user may have waiting, not yet attached to any nomination. */
    DOCUMENT_MAX_WAITING: z.coerce.number().int().min(1).default(200),
    /** An upload never attached to a nomination within this time is deleted. */
    DOCUMENT_ORPHAN_TTL: durationSchema.prefault('24h'),
    /** How often the worker looks for such orphans. */
    DOCUMENT_SWEEP_INTERVAL: durationSchema.prefault('1h'),
    /** The S3-compatible endpoint (SeaweedFS in docker-compose.yml: http://seaweedfs:8333); unset, AWS's own for S3_REGION. */
    S3_ENDPOINT: z.url().optional(),
    S3_REGION: z.string().min(1).default('us-east-1'),
    S3_ACCESS_KEY_ID: z.string().min(1).optional(),
    S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
    /**
     * The authority's key that signs issued award decisions: a PKCS#12 file and its password. Unset,
     * a self-signed test certificate is made once under .data/signing/ (a deployment sets its own).
     */
    SIGNING_P12: z.string().min(1).optional(),
    SIGNING_P12_PASSWORD: z.string().optional(),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === 'production' && !env.PAYLOAD_KEYS) {
      ctx.addIssue({ code: 'custom', path: ['PAYLOAD_KEYS'], message: 'production needs PAYLOAD_KEYS: Temporal payloads hold personal data' });
    }
    if (!env.TEMPORAL_TLS_CERT !== !env.TEMPORAL_TLS_KEY) {
      ctx.addIssue({
        code: 'custom',
        path: [env.TEMPORAL_TLS_CERT ? 'TEMPORAL_TLS_KEY' : 'TEMPORAL_TLS_CERT'],
        message: 'TEMPORAL_TLS_CERT and TEMPORAL_TLS_KEY go together',
      });
    }
    if (env.TEMPORAL_TLS === false && (env.TEMPORAL_TLS_CERT || env.TEMPORAL_TLS_CA || env.TEMPORAL_API_KEY)) {
      ctx.addIssue({ code: 'custom', path: ['TEMPORAL_TLS'], message: 'TEMPORAL_TLS=false contradicts the TLS files or the API key that are set' });
    }
    if (env.AUTH_MODE === 'jwt' && !env.AUTH_JWT_SECRET && !env.AUTH_JWKS_URL) {
      ctx.addIssue({ code: 'custom', path: ['AUTH_JWT_SECRET'], message: 'AUTH_MODE=jwt needs AUTH_JWT_SECRET or AUTH_JWKS_URL' });
    }
    if (env.AUTH_MODE === 'jwt') {
      for (const name of ['AUTH_JWT_ISSUER', 'AUTH_JWT_AUDIENCE'] as const) {
        if (!env[name]) ctx.addIssue({ code: 'custom', path: [name], message: `AUTH_MODE=jwt needs ${name} (every token is checked against it)` });
      }
    }
    if (env.DOCUMENT_STORE.startsWith('s3://') && !/^s3:\/\/[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]\/?$/.test(env.DOCUMENT_STORE)) {
      ctx.addIssue({ code: 'custom', path: ['DOCUMENT_STORE'], message: 'expected s3://bucket (a valid bucket name) or a directory' });
    }
    if (!env.S3_ACCESS_KEY_ID !== !env.S3_SECRET_ACCESS_KEY) {
      ctx.addIssue({ code: 'custom', path: ['S3_SECRET_ACCESS_KEY'], message: 'S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY go together' });
    }
    if (env.AUTH_MODE === 'dev' && !isLoopback(env.HOST)) {
      ctx.addIssue({
        code: 'custom',
        path: ['HOST'],
        message: `HOST=${env.HOST} opens the API beyond this machine, where AUTH_MODE=dev would let anyone sign in as anyone: set AUTH_MODE=jwt, or leave HOST unset (127.0.0.1)`,
      });
    }
    if (env.SIGNING_P12_PASSWORD !== undefined && !env.SIGNING_P12) {
      ctx.addIssue({ code: 'custom', path: ['SIGNING_P12'], message: 'SIGNING_P12_PASSWORD is set without SIGNING_P12' });
    }
    if (env.AUTH_MODE === 'dev' && env.NODE_ENV === 'production') {
      ctx.addIssue({ code: 'custom', path: ['AUTH_MODE'], message: 'AUTH_MODE=dev lets anyone sign in as anyone: not allowed with NODE_ENV=production' });
    }
  });

export type AppConfig = z.infer<typeof envSchema>;

export class ConfigError extends Error {}

/** Parses the environment once at start-up, naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const blanksRemoved = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ''));
  const result = envSchema.safeParse(blanksRemoved);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.') || '(environment)'}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return result.data;
}

export interface DeadlineRules {
  level: Partial<Record<Level, DeadlineSpec>>;
  returnWindow: DeadlineSpec;
  reminderBefore: DeadlineSpec;
  escalateAfter: DeadlineSpec;
  posting?: DeadlineSpec;
  consultation?: DeadlineSpec;
}

export function deadlineRulesFrom(config: AppConfig): DeadlineRules {
  return {
    level: { UNIT: config.DEADLINE_UNIT, DEPARTMENT: config.DEADLINE_DEPARTMENT, SO: config.DEADLINE_SO, CITY: config.DEADLINE_CITY },
    returnWindow: config.RETURN_WINDOW,
    reminderBefore: config.REMINDER_BEFORE,
    escalateAfter: config.ESCALATE_AFTER,
    posting: config.PUBLIC_POSTING_PERIOD,
    consultation: config.CONSULTATION_PERIOD,
  };
}

/** Emails go out only where a mail server is configured: queued with the transition, sent by the outbox. */
export function notificationSettingsFrom(config: Pick<AppConfig, 'SMTP_URL'>): NotificationSettings {
  return { email: !!config.SMTP_URL };
}

export const APP_CONFIG = Symbol('APP_CONFIG');

/** Every variable the configuration reads: anything else a deployment sets is a typo or a leftover. */
export const CONFIG_VARIABLES: readonly string[] = Object.keys(envSchema.shape);
