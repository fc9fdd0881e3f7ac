import type { ErrorDetail } from '../domain/errors';
import { readOrganisationDocument, userProblems, type OrgEntry, type PlacedUser, type UserEntry, type UserLine } from '../domain/organisation-document';
import { recordAudit } from './audit.repository';
import type { Prisma, PrismaClient } from './generated/client';

/**
 * Loads the organisation and its people, for the API (`PUT /api/admin/organisation`, the users' CSV)
 * and the command line (`npm run org:import`) alike: validated whole, applied in one transaction or
 * not at all. Whoever is left out is deactivated, never deleted, so that history keeps its names.
 */

export interface OrganisationImported {
  orgs: number;
  users: number;
  deactivated: { orgs: string[]; users: string[] };
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; problems: ErrorDetail[] };

/** Nominations whose workflow still waits on someone of their unit: the unit cannot be dropped under them. */
const OPEN_STATUSES = ['IN_REVIEW', 'RETURNED'] as const;

/** Parents before children (the parent's row must exist), whatever order the document lists them in. */
const KIND_ORDER: Record<OrgEntry['kind'], number> = { CITY: 0, SO: 1, AGENCY: 1, DEPARTMENT: 2, UNIT: 3, ENTERPRISE: 3 };

/** A document can hold thousands of people; one statement each is more than the default 5 s allow. */
const TRANSACTION_OPTIONS = { timeout: 120_000, maxWait: 10_000 };

/** Two imports at once would each deactivate what the other just wrote: one waits for the other. */
const lockImports = (tx: Prisma.TransactionClient) => tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('organisation-import'))`;

/** `actor` is who imports, for the audit trail: an admin's username, or `cli:org-import` from the command line. */
export async function importOrganisation(prisma: PrismaClient, input: unknown, actor: string): Promise<Outcome<OrganisationImported>> {
  const { document, problems } = readOrganisationDocument(input);
  if (!document) return { ok: false, problems };
  return prisma.$transaction(async (tx): Promise<Outcome<OrganisationImported>> => {
    await lockImports(tx);
    const [orgRows, userRows] = await Promise.all([tx.org.findMany(), tx.user.findMany()]);
    const orgCodes = new Set(document.orgs.map((o) => o.code));
    const usernames = new Set(document.users.map((u) => u.username));
    const droppedOrgs = orgRows.filter((o) => o.active && !orgCodes.has(o.code)).map((o) => o.code);
    const droppedUsers = userRows.filter((u) => u.active && !usernames.has(u.username)).map((u) => u.username);

    const open = await openNominations(tx, droppedOrgs);
    if (open.length > 0) return { ok: false, problems: open };

    const orgsBefore = new Map(orgRows.map((o) => [o.code, o]));
    for (const org of [...document.orgs].sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind])) {
      const before = orgsBefore.get(org.code);
      if (before && before.active && sameFields(before, org)) continue;
      const data = { ...org, active: true };
      await tx.org.upsert({ where: { code: org.code }, create: data, update: data });
    }
    await writeUsers(tx, document.users, userRows);
    await tx.user.updateMany({ where: { username: { in: droppedUsers } }, data: { active: false } });
    await tx.org.updateMany({ where: { code: { in: droppedOrgs } }, data: { active: false } });
    const value = { orgs: document.orgs.length, users: document.users.length, deactivated: { orgs: droppedOrgs.sort(), users: droppedUsers.sort() } };
    await recordAudit(tx, { actor, action: 'ORGANISATION_IMPORTED', subject: 'organisation', details: value });
    return { ok: true, value };
  }, TRANSACTION_OPTIONS);
}

/**
 * Adds or updates the users of a CSV file, leaving everyone else as they are. The people already here
 * count for the council rules (a second chair is refused); a problem that no line of the file causes
 * alone is reported for the `file`.
 */
export async function importUsers(prisma: PrismaClient, lines: readonly UserLine[], actor: string): Promise<Outcome<{ imported: number }>> {
  return prisma.$transaction(async (tx): Promise<Outcome<{ imported: number }>> => {
    await lockImports(tx);
    const [orgRows, userRows] = await Promise.all([tx.org.findMany({ where: { active: true } }), tx.user.findMany({ where: { active: true } })]);
    const named = new Set(lines.map((l) => l.user.username));
    const existing: PlacedUser[] = userRows.filter((u) => !named.has(u.username)).map((u) => ({ at: 'file', user: u }));
    // Lines last: a rule two people break together is reported at the line that brought the second.
    const placed = [...existing, ...lines.map(({ line, user }) => ({ at: `line:${line}`, user }))];
    const problems = userProblems(placed, new Map(orgRows.map((o) => [o.code, o])));
    if (problems.length > 0) return { ok: false, problems: problems.map(asCsvProblem).sort((a, b) => lineOf(a) - lineOf(b)) };
    await writeUsers(
      tx,
      lines.map((l) => l.user),
      userRows,
    );
    const usernames = lines.map((l) => l.user.username);
    await recordAudit(tx, { actor, action: 'ORGANISATION_USERS_IMPORTED', subject: 'organisation', details: { imported: lines.length, usernames } });
    return { ok: true, value: { imported: lines.length } };
  }, TRANSACTION_OPTIONS);
}

/** The file's own problems first, then the lines in order. */
const lineOf = ({ path }: ErrorDetail) => (path.startsWith('line:') ? Number(path.slice('line:'.length)) : 0);

/** `line:7.role` → `line:7`, "role: …": a CSV's problems name the line, and the column in the message. */
function asCsvProblem({ path, message }: ErrorDetail): ErrorDetail {
  const [at, ...field] = path.split('.');
  return { path: at!, message: field.length > 0 ? `${field.join('.')}: ${message}` : message };
}

async function writeUsers(tx: Prisma.TransactionClient, users: readonly UserEntry[], rows: readonly (UserEntry & { active: boolean })[]): Promise<void> {
  const before = new Map(rows.map((u) => [u.username, u]));
  for (const user of users) {
    const row = before.get(user.username);
    if (row && row.active && sameFields(row, user)) continue;
    const data = { ...user, active: true };
    await tx.user.upsert({ where: { username: user.username }, create: data, update: data });
  }
}

const sameFields = <T extends object>(row: T, entry: T) => (Object.keys(entry) as (keyof T)[]).every((key) => row[key] === entry[key]);

async function openNominations(tx: Prisma.TransactionClient, orgCodes: string[]): Promise<ErrorDetail[]> {
  if (orgCodes.length === 0) return [];
  const counts = await tx.nomination.groupBy({
    by: ['unitCode'],
    where: { unitCode: { in: orgCodes }, status: { in: [...OPEN_STATUSES] } },
    _count: { _all: true },
    orderBy: { unitCode: 'asc' },
  });
  return counts.map(({ unitCode, _count }) => ({
    path: 'orgs',
    message: `Không thể bỏ ${unitCode}: còn ${_count._all} hồ sơ đang xét hoặc bị trả lại chờ đơn vị; giữ ${unitCode} trong tệp đến khi các hồ sơ này kết thúc.`,
  }));
}
