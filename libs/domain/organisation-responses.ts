import { z } from 'zod';
import { COUNCIL_SEATS, ORG_KINDS, ROLES } from './organisation-document';

// Response schemas of the organisation routes (see nomination-responses.ts).

export const organisationResponse = z
  .object({
    orgs: z.array(
      z.object({
        code: z.string(),
        name: z.string(),
        kind: z.enum(ORG_KINDS),
        parentCode: z.string().nullable(),
        active: z.boolean().describe('False once an import left it out: kept for history, offered for no new work'),
      }),
    ),
    users: z.array(
      z.object({
        username: z.string(),
        displayName: z.string(),
        email: z.string(),
        role: z.enum(ROLES),
        orgCode: z.string(),
        councilSeat: z.enum(COUNCIL_SEATS).nullable(),
        active: z.boolean().describe('False once an import left them out: their tokens are refused'),
      }),
    ),
  })
  .meta({ id: 'Organisation', description: 'The organisation and its people, deactivated ones included' });

export const organisationImportResponse = z
  .object({
    orgs: z.number().int(),
    users: z.number().int(),
    deactivated: z
      .object({ orgs: z.array(z.string()), users: z.array(z.string()) })
      .describe('What this import deactivated: those active before and left out of the document'),
  })
  .meta({ id: 'OrganisationImport' });

export const usersImportResponse = z.object({ imported: z.number().int() }).meta({ id: 'UsersImport' });
