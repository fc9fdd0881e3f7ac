import { z } from 'zod';
import { deadlineSpecSchema } from '../config/deadline-spec';
import { AWARD_CODES } from './award-catalogue';
import { LEVELS } from './levels';
import { text } from './text';
import { RULE_MESSAGES } from './validation-messages';

const instant = z.iso.datetime({ offset: true }).transform((s) => new Date(s));

export const createCampaignSchema = z
  .strictObject({
    code: z
      .string()
      .max(50)
      .regex(/^[A-Z0-9][A-Z0-9-]{1,49}$/, 'upper-case letters, digits and dashes, e.g. REGULAR-2026'),
    name: text(3, 300),
    year: z.number().int().min(2000).max(2100),
    kind: z.enum(['REGULAR', 'THEMED']),
    awardCodes: z
      .array(z.enum(AWARD_CODES as [string, ...string[]]))
      .min(1)
      .refine((a) => new Set(a).size === a.length, 'no award twice'),
    opensAt: instant,
    closesAt: instant,
    /** Defaults to 60 days after closing. */
    decisionDeadline: instant.optional(),
    levelDeadlines: z
      .partialRecord(
        z.enum(LEVELS),
        z
          .string()
          .max(20)
          .regex(/^[0-9a-z.]+$/, RULE_MESSAGES.levelDeadline),
      )
      .optional(),
  })
  .superRefine((c, ctx) => {
    if (c.closesAt <= c.opensAt) ctx.addIssue({ code: 'custom', path: ['closesAt'], message: RULE_MESSAGES.closesAfterOpens });
    if (c.decisionDeadline && c.decisionDeadline < c.closesAt)
      ctx.addIssue({ code: 'custom', path: ['decisionDeadline'], message: RULE_MESSAGES.decisionNotBeforeClose });
    for (const [level, spec] of Object.entries(c.levelDeadlines ?? {})) {
      if (!deadlineSpecSchema.safeParse(spec).success) ctx.addIssue({ code: 'custom', path: ['levelDeadlines', level], message: RULE_MESSAGES.levelDeadline });
    }
  });
export type CreateCampaignInput = z.infer<typeof createCampaignSchema>;
