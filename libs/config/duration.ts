import { z } from 'zod';

const UNIT_MS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/** A duration such as `500ms`, `30s`, `15m`, `2h` or `5d`; plain numbers are milliseconds. */
export const durationSchema = z
  .string()
  .trim()
  .regex(/^\d+(\.\d+)?(ms|s|m|h|d)?$/, 'expected a duration such as 30s, 15m, 2h or 5d')
  .transform((raw) => {
    const [, value, unit] = /^(\d+(?:\.\d+)?)(ms|s|m|h|d)?$/.exec(raw)!;
    return Math.round(Number(value) * UNIT_MS[(unit ?? 'ms') as keyof typeof UNIT_MS]);
  })
  .refine((ms) => ms > 0, 'must be longer than zero');
