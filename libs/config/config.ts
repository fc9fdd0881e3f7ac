import { z } from 'zod';
import type { Timing } from '../domain/nomination-machine';
import { durationSchema } from './duration';

const envSchema = z
  .object({
    NODE_ENV: z.string().default('development'),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgresql:// URL'),
    TEMPORAL_ADDRESS: z.string().min(1).default('127.0.0.1:7233'),
    TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
    TEMPORAL_TASK_QUEUE: z.string().min(1).default('nominations'),
    TEMPORAL_UI_URL: z.url().default('http://localhost:8233'),
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
    DEADLINE_UNIT: durationSchema.prefault('5d'),
    DEADLINE_DEPARTMENT: durationSchema.prefault('7d'),
    DEADLINE_SO: durationSchema.prefault('10d'),
    DEADLINE_CITY: durationSchema.prefault('20d'),
    RETURN_WINDOW: durationSchema.prefault('5d'),
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

export function timingFrom(config: AppConfig): Timing {
  return {
    levelLimitMs: {
      UNIT: config.DEADLINE_UNIT,
      DEPARTMENT: config.DEADLINE_DEPARTMENT,
      SO: config.DEADLINE_SO,
      CITY: config.DEADLINE_CITY,
    },
    returnWindowMs: config.RETURN_WINDOW,
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
