import { z } from 'zod';
import { AWARD_DECISION_STATUSES } from './award-decision-schemas';
import { nomineeSchema } from './schemas';

// Response schemas of the award decisions and the public lookup (see nomination-responses.ts).

const instant = z.iso.datetime();

export const awardDecisionResponse = z
  .object({
    id: z.uuid(),
    status: z.enum(AWARD_DECISION_STATUSES),
    authority: z.enum(['GIAM_DOC_SO', 'CHU_TICH_UBND_TP']),
    awardCode: z.string(),
    awardName: z.string(),
    year: z.number().int(),
    items: z.array(
      z.object({
        nominationId: z.uuid(),
        nominee: nomineeSchema,
        unitCode: z.string(),
        unitName: z.string(),
        cashMultiple: z.number(),
        baseSalary: z.number().int(),
        amount: z.number().int().describe('VND'),
      }),
    ),
    total: z.number().int().describe('VND, the sum of the items shown'),
    number: z.string().nullable().describe('12/QĐ-SCT, once issued'),
    signer: z.string().nullable(),
    issuedAt: instant.nullable(),
    sha256: z.string().nullable().describe('Of the signed document, once issued'),
    revokedAt: instant.nullable(),
    revokeReason: z.string().nullable(),
    createdAt: instant,
  })
  .meta({ id: 'AwardDecision' });

export const awardDecisionListResponse = z.object({ items: z.array(awardDecisionResponse) }).meta({ id: 'AwardDecisionList' });

export const publicAwardsResponse = z
  .object({
    items: z.array(
      z.object({
        fullName: z.string().optional(),
        name: z.string().optional(),
        unitName: z.string(),
        awardName: z.string(),
        decisionNumber: z.string(),
        issuedAt: instant,
      }),
    ),
  })
  .meta({ id: 'PublicAwards' });
