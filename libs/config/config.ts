import { z } from 'zod';
import type { Level } from '../domain/levels';
import { cronSchema } from './cron';
import { deadlineSpecSchema, type DeadlineSpec } from './deadline-spec';
import { durationSchema } from './duration';

const envSchema = z
  .object({
    NODE_ENV: z.string().default('development'),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
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
    TEMPORAL_UI_URL: z.url().default('http://localhost:8233'),
    /** How long the API waits on Temporal for a command's result (or any other call) before answering 503 UNAVAILABLE. */
    COMMAND_TIMEOUT: durationSchema.prefault('10s'),
    /**
     * A worker that has not polled the task queue for this long counts as down in /api/health.
     * An idle worker's poll waits up to the server's long-poll interval (1 min by default) before it is renewed.
     */
    WORKER_POLL_STALE_AFTER: durationSchema.prefault('90s'),
    AUTH_MODE: z.enum(['dev', 'jwt']).default('jwt'),
    /** Signs the dev tokens; only used when AUTH_MODE=dev. */
    DEV_JWT_SECRET: z.string().min(16).default('development-only-secret-not-for-production'),
    AUTH_JWT_SECRET: z.string().min(16).optional(),
    AUTH_JWKS_URL: z.url().optional(),
    AUTH_JWT_ISSUER: z.string().min(1).optional(),
    AUTH_JWT_AUDIENCE: z.string().min(1).optional(),
    AUTH_USERNAME_CLAIM: z.string().min(1).default('sub'),
    SMTP_URL: z.string().regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL').optional(),
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
    /** How long before a level's deadline its reviewers are reminded. */
    REMINDER_BEFORE: deadlineSpecSchema.prefault('1wd'),
    /** How long after the deadline an overdue level is escalated a second time, one level up. */
    ESCALATE_AFTER: deadlineSpecSchema.prefault('3wd'),
    /** The longest a reviewer may hand their level to a deputy in one delegation, in days (both ends counted). */
    DELEGATION_MAX_DAYS: z.coerce.number().int().min(1).default(90),
    /** Mức lương cơ sở (VND): cash rewards are multiples of it. */
    BASE_SALARY_VND: z.coerce.number().int().min(1).default(2_340_000),
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
  })
  .superRefine((env, ctx) => {
    if (env.AUTH_MODE === 'jwt' && !env.AUTH_JWT_SECRET && !env.AUTH_JWKS_URL) {
      ctx.addIssue({ code: 'custom', path: ['AUTH_JWT_SECRET'], message: 'AUTH_MODE=jwt needs AUTH_JWT_SECRET or AUTH_JWKS_URL' });
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
}

export function deadlineRulesFrom(config: AppConfig): DeadlineRules {
  return {
    level: { UNIT: config.DEADLINE_UNIT, DEPARTMENT: config.DEADLINE_DEPARTMENT, SO: config.DEADLINE_SO, CITY: config.DEADLINE_CITY },
    returnWindow: config.RETURN_WINDOW,
    reminderBefore: config.REMINDER_BEFORE,
    escalateAfter: config.ESCALATE_AFTER,
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
