import { z } from 'zod';
import { ERROR_STATUS, type ErrorCode } from './errors';
import { LEVELS } from './levels';

// Response schemas of the remaining routes, and the one error shape (see nomination-responses.ts).

const instant = z.iso.datetime();

export const errorResponse = z
  .object({
    error: z.object({
      code: z.enum(Object.keys(ERROR_STATUS) as [ErrorCode, ...ErrorCode[]]),
      message: z.string(),
      details: z.array(z.object({ path: z.string().describe('The field, dot-separated; empty for the whole body'), message: z.string() })),
    }),
  })
  .meta({ id: 'Error', description: 'Every error the API answers, whatever its status' });

const part = z.enum(['up', 'down']);
export const healthResponse = z.object({ status: z.enum(['ok', 'degraded']), database: part, temporal: part, worker: part }).meta({ id: 'Health' });
export const livenessResponse = z.object({ status: z.literal('ok') }).meta({ id: 'Liveness', description: 'The process is up and serving' });

export const devTokenResponse = z.object({ token: z.string() }).meta({ id: 'DevToken' });

export const signInResponse = z
  .object({
    mode: z.enum(['dev', 'jwt']),
    oidc: z
      .object({ issuer: z.string(), clientId: z.string(), scope: z.string() })
      .nullable()
      .describe('jwt mode: where the web app signs in (authorization code with PKCE); null when no client id is configured'),
  })
  .meta({ id: 'SignIn', description: 'How the web app signs a user in' });

interface OrgUnit {
  code: string;
  name: string;
  kind: 'CITY' | 'SO' | 'DEPARTMENT' | 'UNIT' | 'ENTERPRISE' | 'AGENCY';
  parentCode: string | null;
  children: OrgUnit[];
}
export const orgUnitResponse: z.ZodType<OrgUnit> = z
  .object({
    code: z.string(),
    name: z.string(),
    kind: z
      .enum(['CITY', 'SO', 'DEPARTMENT', 'UNIT', 'ENTERPRISE', 'AGENCY'])
      .describe(
        'AGENCY: an agency consulted on state-level awards (hiệp y); ENTERPRISE: a state enterprise, a unit whose director decides LĐTT, CSTĐ cơ sở, TTLĐTT and Giấy khen',
      ),
    parentCode: z.string().nullable(),
    get children() {
      return z.array(orgUnitResponse);
    },
  })
  .meta({ id: 'OrgUnit' });

export const orgUnitsResponse = z.object({ items: z.array(orgUnitResponse) }).meta({ id: 'OrgUnits' });

export const notificationListResponse = z
  .object({
    items: z.array(
      z.object({
        id: z.uuid(),
        kind: z.string(),
        nominationId: z.uuid().nullable(),
        title: z.string(),
        body: z.string(),
        createdAt: instant,
        readAt: instant.nullable(),
      }),
    ),
  })
  .meta({ id: 'NotificationList' });

export const delegationResponse = z
  .object({
    id: z.uuid(),
    delegator: z.string(),
    deputy: z.string(),
    level: z.enum(LEVELS),
    orgCode: z.string(),
    orgName: z.string(),
    from: z.iso.date(),
    to: z.iso.date(),
    createdAt: instant,
  })
  .meta({ id: 'Delegation' });

export const delegationListResponse = z.object({ given: z.array(delegationResponse), received: z.array(delegationResponse) }).meta({ id: 'DelegationList' });

const role = z.enum(['CLERK', 'REVIEWER', 'COUNCIL_MEMBER', 'STAFF', 'ADMIN']);

export const devUsersResponse = z.array(z.object({ username: z.string(), displayName: z.string(), role })).meta({ id: 'DevUsers' });

export const meResponse = z
  .object({
    username: z.string(),
    displayName: z.string(),
    role,
    orgCode: z.string(),
    orgName: z.string(),
    councilSeat: z.enum(['CHAIR', 'MEMBER']).nullable(),
    reviewsLevel: z.enum(['UNIT', 'DEPARTMENT', 'SO', 'CITY']).nullable().describe('The level the user reviews or votes on, if any'),
  })
  .meta({ id: 'Me' });
