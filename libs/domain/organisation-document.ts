import { z } from 'zod';
import type { OrgKind, Role } from './access-policy';
import type { ErrorDetail } from './errors';
import { code, text, username } from './text';
import { unknownFieldMessage, vietnameseIssues } from './validation-messages';

/**
 * The organisation and its people as one document (API.md "The organisation and its people"): its
 * shape, and the rules the whole must keep. Pure, so that the API and the command-line import judge
 * a document alike.
 */

export const ORG_KINDS = ['CITY', 'SO', 'DEPARTMENT', 'UNIT', 'ENTERPRISE', 'AGENCY'] as const satisfies readonly OrgKind[];
export const ROLES = ['CLERK', 'REVIEWER', 'COUNCIL_MEMBER', 'STAFF', 'ADMIN'] as const satisfies readonly Role[];
export const COUNCIL_SEATS = ['CHAIR', 'MEMBER'] as const;

export const orgEntrySchema = z.strictObject({
  code: code(),
  name: text(1, 300),
  kind: z.enum(ORG_KINDS),
  parentCode: code().nullable(),
});

export const userEntrySchema = z.strictObject({
  username: username(),
  displayName: text(1, 200),
  // Blank for someone reached in the app only: the outbox mails those who have an address.
  email: z.union([z.literal(''), z.email().max(254)]),
  role: z.enum(ROLES),
  orgCode: code(),
  councilSeat: z.enum(COUNCIL_SEATS).nullable(),
});

export type OrgEntry = z.output<typeof orgEntrySchema>;
export type UserEntry = z.output<typeof userEntrySchema>;

export interface OrganisationDocument {
  orgs: OrgEntry[];
  users: UserEntry[];
}

/** A Sở's chart is some hundreds of organisations and a few thousand people; far past that is a wrong file. */
const MAX_ORGS = 2_000;
const MAX_USERS = 10_000;

/** The whole document as OpenAPI describes it; it is read in two steps (`readOrganisationDocument`) to report every problem. */
export const organisationDocumentSchema = z.strictObject({
  orgs: z.array(orgEntrySchema).min(1).max(MAX_ORGS),
  users: z.array(userEntrySchema).min(1).max(MAX_USERS),
});

const documentShape = z.strictObject({
  orgs: z.array(z.unknown()).min(1).max(MAX_ORGS),
  users: z.array(z.unknown()).min(1).max(MAX_USERS),
});

/** The kind of organisation each kind sits under; the chain of kinds is strict, so no tree can loop. */
const PARENT_KIND: Record<OrgKind, OrgKind | null> = { CITY: null, SO: 'CITY', DEPARTMENT: 'SO', UNIT: 'DEPARTMENT', ENTERPRISE: 'DEPARTMENT', AGENCY: 'CITY' };

/**
 * Where each role may work: clerks submit for a unit; reviewers review the level their organisation's
 * kind names (an agency reviews none); councils sit at the Sở and the city; admins belong to those too.
 */
const ROLE_KINDS: Record<Role, readonly OrgKind[]> = {
  CLERK: ['UNIT', 'ENTERPRISE'],
  REVIEWER: ['UNIT', 'ENTERPRISE', 'DEPARTMENT', 'SO', 'CITY'],
  COUNCIL_MEMBER: ['SO', 'CITY'],
  STAFF: ORG_KINDS,
  ADMIN: ['SO', 'CITY'],
};
const COUNCIL_KINDS: readonly OrgKind[] = ['SO', 'CITY'];
const SEATED_ROLES: readonly Role[] = ['REVIEWER', 'COUNCIL_MEMBER'];

/** `orgs[3].parentCode`: the path a client reads, in the document's own terms. */
export function pathOf(segments: readonly PropertyKey[]): string {
  if (segments.length === 0) return 'body';
  return segments.map((s, i) => (typeof s === 'number' ? `[${s}]` : `${i === 0 ? '' : '.'}${String(s)}`)).join('');
}

function issuesOf(error: z.ZodError, prefix: readonly PropertyKey[]): ErrorDetail[] {
  return error.issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ path: pathOf([...prefix, ...issue.path, key]), message: unknownFieldMessage(key) }))
      : [{ path: pathOf([...prefix, ...issue.path]), message: issue.message }],
  );
}

/** A user with where it came from: `users[12]` in a document, `line:7` in a CSV file. */
export interface PlacedUser {
  at: string;
  user: UserEntry;
}

/** A CSV line's user: the parser has checked its shape, the import checks it against the organisation. */
export interface UserLine {
  line: number;
  user: UserEntry;
}

/**
 * Reads a document whole: every problem of shape and of rule, each with its path, so that an admin
 * fixes the file once. The document comes back only when there is none.
 */
export function readOrganisationDocument(input: unknown): { document?: OrganisationDocument; problems: ErrorDetail[] } {
  const shape = documentShape.safeParse(input, { error: vietnameseIssues });
  if (!shape.success) return { problems: issuesOf(shape.error, []) };
  const problems: ErrorDetail[] = [];
  const orgs = parseEach(shape.data.orgs, 'orgs', orgEntrySchema, problems);
  const users = parseEach(shape.data.users, 'users', userEntrySchema, problems);
  // An entry refused for its shape is not reported again as missing, nor a reference to it as one to nothing.
  const rawOrgs = shape.data.orgs.map((raw) => (raw ?? {}) as { code?: unknown; kind?: unknown });
  const mentioned = new Set(rawOrgs.map((raw) => raw.code).filter((c) => typeof c === 'string'));
  const byCode = orgProblems(orgs, mentioned, problems);
  if (!rawOrgs.some((raw) => raw.kind === 'CITY')) problems.push({ path: 'orgs', message: 'Cần đúng một tổ chức loại CITY (thành phố).' });
  problems.push(
    ...userProblems(
      users.map(({ index, entry }) => ({ at: `users[${index}]`, user: entry })),
      byCode,
      mentioned,
    ),
  );
  if (!shape.data.users.some((raw) => (raw as { role?: unknown } | null)?.role === 'ADMIN')) {
    problems.push({ path: 'users', message: 'Cần ít nhất một người dùng ADMIN: không có ai thì không ai nhập lại được tổ chức.' });
  }
  if (problems.length > 0) return { problems: sortByPath(problems) };
  return { document: { orgs: orgs.map((o) => o.entry), users: users.map((u) => u.entry) }, problems };
}

function parseEach<T>(raw: unknown[], list: string, schema: z.ZodType<T>, problems: ErrorDetail[]): { index: number; entry: T }[] {
  const parsed: { index: number; entry: T }[] = [];
  raw.forEach((item, index) => {
    const result = schema.safeParse(item, { error: vietnameseIssues });
    if (result.success) parsed.push({ index, entry: result.data });
    else problems.push(...issuesOf(result.error, [list, index]));
  });
  return parsed;
}

function orgProblems(orgs: { index: number; entry: OrgEntry }[], mentioned: Set<unknown>, problems: ErrorDetail[]): Map<string, OrgEntry> {
  const byCode = new Map<string, OrgEntry>();
  const firstIndex = new Map<string, number>();
  for (const { index, entry } of orgs) {
    const first = firstIndex.get(entry.code);
    if (first !== undefined) problems.push({ path: `orgs[${index}].code`, message: `Mã ${entry.code} trùng với orgs[${first}].` });
    else {
      firstIndex.set(entry.code, index);
      byCode.set(entry.code, entry);
    }
  }
  const cities = orgs.filter(({ entry }) => entry.kind === 'CITY');
  for (const { index } of cities.slice(1)) {
    problems.push({ path: `orgs[${index}].kind`, message: `Chỉ được có một tổ chức loại CITY; đã có orgs[${cities[0]!.index}].` });
  }
  for (const { index, entry } of orgs) {
    const expected = PARENT_KIND[entry.kind];
    const path = `orgs[${index}].parentCode`;
    if (expected === null) {
      if (entry.parentCode !== null) problems.push({ path, message: 'Tổ chức loại CITY không có tổ chức cấp trên (parentCode phải là null).' });
      continue;
    }
    if (entry.parentCode === null) {
      problems.push({ path, message: `Tổ chức loại ${entry.kind} phải thuộc một tổ chức loại ${expected}.` });
      continue;
    }
    const parent = byCode.get(entry.parentCode);
    if (!parent) {
      if (!mentioned.has(entry.parentCode)) problems.push({ path, message: `Không có tổ chức mã ${entry.parentCode} trong tệp.` });
    } else if (parent.kind !== expected) {
      problems.push({ path, message: `Tổ chức loại ${entry.kind} phải thuộc một tổ chức loại ${expected}; ${parent.code} là ${parent.kind}.` });
    }
  }
  return byCode;
}

/**
 * The rules over people: unique usernames, an organisation for each whose kind fits their role, seats
 * only on the councils of the Sở and the city, and one chair per council. `mentioned` holds codes
 * that exist but were refused for their own shape, so no reference to them is reported twice.
 */
export function userProblems(
  users: readonly PlacedUser[],
  orgs: ReadonlyMap<string, Pick<OrgEntry, 'code' | 'kind'>>,
  mentioned: ReadonlySet<unknown> = new Set(),
): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  const firstAt = new Map<string, string>();
  for (const { at, user } of users) {
    const first = firstAt.get(user.username);
    if (first !== undefined) problems.push({ path: `${at}.username`, message: `Tên đăng nhập ${user.username} trùng với ${first}.` });
    else firstAt.set(user.username, at);

    const org = orgs.get(user.orgCode);
    if (!org) {
      if (!mentioned.has(user.orgCode)) problems.push({ path: `${at}.orgCode`, message: `Không có tổ chức mã ${user.orgCode}.` });
      continue;
    }
    if (!ROLE_KINDS[user.role].includes(org.kind)) {
      problems.push({
        path: `${at}.role`,
        message: `Vai trò ${user.role} không làm việc ở tổ chức loại ${org.kind} (${org.code}); được ở: ${ROLE_KINDS[user.role].join(', ')}.`,
      });
    }
    if (user.councilSeat && !COUNCIL_KINDS.includes(org.kind)) {
      problems.push({ path: `${at}.councilSeat`, message: `Chỉ Sở và thành phố có hội đồng thi đua - khen thưởng; ${org.code} là ${org.kind}.` });
    } else if (user.councilSeat && !SEATED_ROLES.includes(user.role)) {
      problems.push({ path: `${at}.councilSeat`, message: `Vai trò ${user.role} không có ghế trong hội đồng (chỉ REVIEWER hoặc COUNCIL_MEMBER).` });
    } else if (!user.councilSeat && user.role === 'COUNCIL_MEMBER') {
      problems.push({ path: `${at}.councilSeat`, message: 'Thành viên hội đồng (COUNCIL_MEMBER) phải có ghế CHAIR hoặc MEMBER.' });
    }
  }
  problems.push(...chairProblems(users, orgs));
  return problems;
}

function chairProblems(users: readonly PlacedUser[], orgs: ReadonlyMap<string, Pick<OrgEntry, 'code' | 'kind'>>): ErrorDetail[] {
  const councils = new Map<string, PlacedUser[]>();
  for (const placed of users) {
    const kind = orgs.get(placed.user.orgCode)?.kind;
    if (placed.user.councilSeat && kind && COUNCIL_KINDS.includes(kind))
      councils.set(placed.user.orgCode, [...(councils.get(placed.user.orgCode) ?? []), placed]);
  }
  const problems: ErrorDetail[] = [];
  for (const [orgCode, seats] of councils) {
    const chairs = seats.filter((s) => s.user.councilSeat === 'CHAIR');
    if (chairs.length === 0) problems.push({ path: `${seats[0]!.at}.councilSeat`, message: `Hội đồng của ${orgCode} chưa có chủ tịch (CHAIR).` });
    for (const extra of chairs.slice(1)) {
      problems.push({ path: `${extra.at}.councilSeat`, message: `Hội đồng của ${orgCode} chỉ có một chủ tịch; đã có ${chairs[0]!.user.username}.` });
    }
  }
  return problems;
}

/** Problems in the order of the document: orgs before users, then by index, then by field. */
function sortByPath(problems: ErrorDetail[]): ErrorDetail[] {
  const key = (path: string) => path.replace(/\d+/g, (n) => n.padStart(8, '0'));
  return [...problems].sort((a, b) => (key(a.path) < key(b.path) ? -1 : key(a.path) > key(b.path) ? 1 : 0));
}
