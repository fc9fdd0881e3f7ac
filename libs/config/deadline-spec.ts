import { z } from 'zod';
import { durationSchema } from './duration';

/**
 * A time limit as the rules state it (`5wd`: five working days) or as a plain duration (`30s`),
 * which lets tests and demos run the same workflow in seconds.
 */
export type DeadlineSpec = { workingDays: number } | { ms: number };

export const deadlineSpecSchema: z.ZodType<DeadlineSpec, string> = z.union([
  z
    .string()
    .trim()
    .regex(/^\d+wd$/)
    .transform((raw) => ({ workingDays: Number.parseInt(raw, 10) })),
  durationSchema.transform((ms) => ({ ms })),
]);

export function describeSpec(spec: DeadlineSpec): string {
  return 'workingDays' in spec ? `${spec.workingDays} working days` : `${spec.ms} ms`;
}
