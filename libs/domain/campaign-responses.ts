import { z } from 'zod';
import { LEVELS } from './levels';
import { nomineeSchema } from './schemas';

// Response schemas of the campaigns (see nomination-responses.ts).

const instant = z.iso.datetime();
const counts = z.record(z.string(), z.number().int());

export const campaignResponse = z
  .object({
    id: z.uuid(),
    code: z.string(),
    name: z.string(),
    year: z.number().int(),
    kind: z.enum(['REGULAR', 'THEMED']),
    awardCodes: z.array(z.string()),
    opensAt: instant,
    closesAt: instant,
    decisionDeadline: instant,
    levelDeadlines: z.partialRecord(z.enum(LEVELS), z.string()),
    status: z.enum(['SCHEDULED', 'OPEN', 'CLOSED', 'FINISHED']),
    closedAt: instant.nullable(),
    workflowId: z.string(),
    temporalUiUrl: z.string(),
    counts: z.object({ byStatus: counts, byLevel: counts }).describe('Over the nominations the caller may see'),
    createdAt: instant,
  })
  .meta({ id: 'Campaign' });

export const campaignListResponse = z.object({ items: z.array(campaignResponse) }).meta({ id: 'CampaignList' });

const authority = z.enum(['GIAM_DOC_SO', 'CHU_TICH_UBND_TP']);
const campaignNomination = {
  nominationId: z.uuid(),
  nominee: nomineeSchema,
  unitCode: z.string(),
  unitName: z.string(),
  awardCode: z.string(),
  awardName: z.string(),
  catalogueVersion: z.string().optional().describe('The catalogue version the nomination was judged by'),
  decidedOn: z.string().optional().describe('Day (Hà Nội) of the final approval'),
};

export const campaignResultResponse = z
  .object({
    baseSalary: z.number().int().describe('Mức lương cơ sở, VND'),
    decisions: z.array(
      z.object({
        authority,
        authorityName: z.string(),
        items: z.array(
          z.object({
            ...campaignNomination,
            cashMultiple: z.number().describe("The multiple for the nominee's kind (individual or collective)"),
            baseSalary: z.number().int().describe('The base salary in force on the decision date, VND'),
            amount: z.number().int().describe('VND, rounded as the catalogue version says (up, to 10,000)'),
          }),
        ),
        total: z.number().int(),
      }),
    ),
    awardDecisions: z
      .array(
        z.object({
          id: z.uuid(),
          number: z.string().nullable(),
          status: z.enum(['ISSUED', 'REVOKED']),
          awardCode: z.string(),
          issuedAt: z.iso.datetime().nullable(),
          awardees: z.number().int().describe('How many of this campaign’s awardees it lists'),
        }),
      )
      .describe('The award decisions issued from this result (quyết định khen thưởng), revoked ones marked'),
    proposals: z
      .array(
        z.object({
          ...campaignNomination,
          forwardTo: z.enum(['THU_TUONG', 'CHU_TICH_NUOC']),
          outcome: z.enum(['PROPOSED', 'GRANTED', 'NOT_GRANTED']).describe('PROPOSED until an admin records the central decision'),
          externalDecision: z
            .object({ decisionRef: z.string(), decidedOn: z.string(), outcome: z.enum(['APPROVED', 'REJECTED']) })
            .optional()
            .describe('The central decision, once recorded'),
          cashMultiple: z.number().nullable(),
          baseSalary: z.number().int().nullable().describe('In force on the central decision’s day, VND; null unless granted'),
          amount: z.number().int().nullable().describe('VND; null unless granted'),
        }),
      )
      .optional()
      .describe('Awards the city proposes to the central level (forwarded): not in the city’s decision, with cash only once granted'),
    pending: z.array(z.object({ ...campaignNomination, authority }).describe('Not final by the decision deadline: listed, not awarded')),
  })
  .meta({ id: 'CampaignResult' });
