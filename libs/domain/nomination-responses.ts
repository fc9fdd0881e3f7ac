import { z } from 'zod';
import { LEVELS } from './levels';
import { DOCUMENT_TYPE_CODES } from './document-types';
import { DECISIONS, NOMINATION_STATUSES, REJECT_GROUNDS } from './nomination-status';
import { declarationsSchema, nomineeSchema } from './schemas';

// Response schemas: what the API answers, for the OpenAPI document (README "Adding a route"). Each
// named one (`meta({ id })`) becomes a component of that name; they describe, they do not validate.

const level = z.enum(LEVELS);
const instant = z.iso.datetime();

export const criterionResponse = z.object({
  code: z.string(),
  message: z.string(),
  status: z.enum(['MET', 'NOT_MET', 'DECLARED']),
  reason: z.string().optional().describe('Of an ON_HOLD criterion: the hold reason, shown only to the route reviewers and admins'),
});

export const eligibilityResponse = z.object({ passed: z.boolean(), criteria: z.array(criterionResponse) }).meta({ id: 'Eligibility' });

export const tallyResponse = z.object({
  for: z.number().int(),
  against: z.number().int(),
  membersTotal: z.number().int(),
  threshold: z.number(),
});

const documentFields = {
  id: z.uuid(),
  type: z.enum(DOCUMENT_TYPE_CODES),
  fileName: z.string().describe('For display only; NFC, no path parts'),
  mediaType: z.string().describe('Decided from the content'),
  size: z.number().int(),
  sha256: z.string(),
  uploadedBy: z.string(),
  uploadedAt: instant,
};

export const documentResponse = z.object(documentFields).meta({ id: 'Document' });

export const dossierDocumentResponse = z
  .object({ ...documentFields, version: z.number().int(), current: z.boolean().describe('False once a newer version of its type was added') })
  .meta({ id: 'DossierDocument' });

export const documentTypesResponse = z.array(z.object({ code: z.enum(DOCUMENT_TYPE_CODES), name: z.string() })).meta({ id: 'DocumentTypes' });

const councilRule = z.looseObject({
  threshold: z.number().describe('The fraction of all members (not of votes cast) that must vote FOR'),
  strict: z.boolean().describe('True: more than the threshold is needed; false: at least the threshold'),
});

/** An award as the catalogue shows it: the Dossiers fields, and the law's rules (open-ended: they grow with the law). */
const awardEntry = z
  .looseObject({
    code: z.string(),
    name: z.string(),
    route: z.array(level),
    nomineeKinds: z.array(z.enum(['INDIVIDUAL', 'COLLECTIVE'])),
    requiredDocuments: z.array(z.enum(DOCUMENT_TYPE_CODES)),
    optionalDocuments: z.array(z.enum(DOCUMENT_TYPE_CODES)),
    forwardTo: z.string().nullable(),
    publicPostingWorkingDays: z.number().int().nullable(),
    extraordinary: z
      .looseObject({ legalBasis: z.string() })
      .nullable()
      .describe('Given for one extraordinary achievement (basis EXTRAORDINARY) under this article; null: never'),
    enterpriseDecides: z
      .looseObject({ legalBasis: z.string() })
      .nullable()
      .describe("An ENTERPRISE's director decides it for the enterprise's own people (route: UNIT alone); null: never"),
    councils: z
      .object(Object.fromEntries(LEVELS.map((l) => [l, councilRule.optional()])))
      .describe('The levels a council vote decides (hội đồng), each with its threshold: the other levels are decided by one reviewer'),
  })
  .meta({ id: 'Award' });

export const awardsResponse = z
  .union([
    z.array(awardEntry).describe("Without `at`: today's awards"),
    z
      .looseObject({
        version: z.string(),
        effectiveFrom: z.string(),
        legalBasis: z.string(),
        localRegulation: z
          .looseObject({ reference: z.string(), from: z.string().optional(), until: z.string().optional() })
          .nullable()
          .describe("The city's regulation in force on the day asked"),
        awards: z.array(awardEntry),
      })
      .describe('With `at`: the catalogue version in force that day')
      .meta({ id: 'AwardCatalogue' }),
  ])
  .meta({ id: 'Awards' });

export const baseSalariesResponse = z.array(z.object({ amount: z.number().int(), effectiveFrom: z.string() })).meta({ id: 'BaseSalaries' });

export const decisionResponse = z.object({
  level,
  decision: z.enum(DECISIONS),
  reviewer: z.string(),
  onBehalfOf: z.string().nullable().describe('The delegating reviewer when a deputy decided'),
  comment: z.string().nullable(),
  ground: z.enum(REJECT_GROUNDS).nullable(),
  decidedAt: instant,
  tally: tallyResponse.optional().describe("A council's count"),
  minutes: z.string().nullable().optional().describe("The council's minutes (biên bản)"),
  documents: z.array(z.object({ id: z.uuid(), sha256: z.string() })).describe('The document versions current when the decision was made'),
});

export const objectionResponse = z
  .object({ id: z.uuid(), nominationId: z.uuid().optional(), author: z.string(), text: z.string(), createdAt: instant })
  .meta({ id: 'Objection' });

export const postingsResponse = z
  .object({
    items: z.array(
      z.object({
        nominationId: z.uuid(),
        nominee: nomineeSchema,
        awardCode: z.string(),
        awardName: z.string(),
        unitCode: z.string(),
        unitName: z.string(),
        year: z.number().int(),
        postingEndsAt: instant,
      }),
    ),
  })
  .meta({ id: 'Postings' });

export const nominationResponse = z
  .object({
    id: z.uuid(),
    awardCode: z.string(),
    catalogueVersion: z.string(),
    basis: z
      .enum(['REGULAR', 'THEMED', 'EXTRAORDINARY'])
      .describe('Why the award is proposed: THEMED and EXTRAORDINARY results never count toward awards that require regular ones'),
    year: z.number().int(),
    unitCode: z.string(),
    unitName: z.string().describe('The unit’s name, beside its code'),
    nominee: nomineeSchema,
    achievements: z.string(),
    declarations: declarationsSchema.optional(),
    eligibility: eligibilityResponse.nullable(),
    campaignId: z.string().nullable(),
    status: z.enum(NOMINATION_STATUSES),
    currentLevel: level.nullable(),
    route: z.array(level),
    dueAt: instant.nullable(),
    overdue: z.boolean(),
    returnDeadline: instant.nullable(),
    returnCount: z.number().int(),
    decisions: z.array(decisionResponse),
    posting: z.object({ endsAt: instant, open: z.boolean() }).nullable().optional().describe('The public posting period (công khai), if the award has one'),
    objections: z.array(objectionResponse).optional().describe('Objections to the posted nomination, shown to those who judge it'),
    consultation: z
      .object({
        dueAt: instant,
        open: z.boolean(),
        opinions: z.array(
          z.object({
            agency: z.string(),
            agencyName: z.string(),
            answer: z.enum(['AGREE', 'DISAGREE']).nullable(),
            comment: z.string().nullable(),
            answeredAt: instant.nullable(),
            dueAt: instant.describe('This agency’s own deadline, from when its request was sent'),
            overdue: z.boolean().describe('Its deadline passed before it answered; it can no longer answer'),
          }),
        ),
      })
      .nullable()
      .optional()
      .describe('The consultation of agencies (hiệp y), if the award has one'),
    documents: z.array(dossierDocumentResponse),
    dossier: z.object({ complete: z.boolean(), missing: z.array(z.enum(DOCUMENT_TYPE_CODES)) }),
    suspended: z.boolean().optional().describe('Whether a hold on the nominee suspends the review'),
    externalDecision: z
      .object({ decisionRef: z.string(), decidedOn: z.string().nullable() })
      .nullable()
      .optional()
      .describe("The central level's decision on a forwarded award"),
    awardDecision: z
      .object({ id: z.uuid(), number: z.string(), issuedAt: instant })
      .nullable()
      .optional()
      .describe('The issued award decision (quyết định khen thưởng) that grants it'),
    submittedBy: z.string(),
    workflowId: z.string(),
    temporalUiUrl: z.string(),
    createdAt: instant,
    updatedAt: instant,
  })
  .meta({ id: 'Nomination' });

/** The paging fields every list answer adds to its items. */
export const pageFields = { total: z.number().int(), page: z.number().int(), pageSize: z.number().int() };

export const nominationPageResponse = z.object({ items: z.array(nominationResponse), ...pageFields }).meta({ id: 'NominationPage' });

export const ballotStatusResponse = z
  .object({ level, membersTotal: z.number().int(), votesCast: z.number().int(), closed: z.boolean() })
  .meta({ id: 'BallotStatus' });

export const bulkDeadlineResponse = z
  .object({ updated: z.number().int().describe('Nominations matched; their deadlines are moved asynchronously') })
  .meta({ id: 'BulkDeadlineResult' });
