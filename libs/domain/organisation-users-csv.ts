import { parseCsv } from '../eligibility/award-history-csv';
import type { ErrorDetail } from './errors';
import { userEntrySchema, type UserLine } from './organisation-document';
import { findUnsafeCharacter } from './text';
import { vietnameseIssues } from './validation-messages';

/** The columns of a users' file, as an HR export is shaped to: `councilSeat` blank for most people. */
export const USERS_CSV_HEADER = ['username', 'displayName', 'email', 'role', 'orgCode', 'councilSeat'] as const;

/** A round of hiring is some hundreds of lines; the whole organisation goes by `PUT /api/admin/organisation`. */
export const USERS_CSV_MAX_ROWS = 10_000;

/**
 * Reads a users' file whole: every bad line reported by its number, the column named in the message,
 * so that the file is fixed once; the caller imports nothing unless `errors` is empty.
 */
export function parseUsersCsv(text: string): { lines: UserLine[]; errors: ErrorDetail[] } {
  const { records, errors } = parseCsv(text.replace(/^\uFEFF/, ''));
  const [header, ...body] = records;
  if (!header || header.line !== 1 || header.fields.join(',') !== USERS_CSV_HEADER.join(',')) {
    return { lines: [], errors: [{ path: 'line:1', message: `dòng tiêu đề phải đúng là ${USERS_CSV_HEADER.join(',')}` }, ...errors] };
  }
  if (body.length > USERS_CSV_MAX_ROWS) {
    return {
      lines: [],
      errors: [{ path: `line:${USERS_CSV_MAX_ROWS + 2}`, message: `tệp có ${body.length} dòng; mỗi lần nhập tối đa ${USERS_CSV_MAX_ROWS} dòng` }],
    };
  }
  const lines: UserLine[] = [];
  for (const { line, fields } of body) {
    const path = `line:${line}`;
    if (fields.length !== USERS_CSV_HEADER.length) {
      errors.push({ path, message: `cần ${USERS_CSV_HEADER.length} trường, có ${fields.length}` });
      continue;
    }
    const cells = Object.fromEntries(USERS_CSV_HEADER.map((name, k) => [name, trimmed(fields[k]!)]));
    const parsed = userEntrySchema.safeParse({ ...cells, councilSeat: cells.councilSeat || null }, { error: vietnameseIssues });
    if (parsed.success) lines.push({ line, user: parsed.data });
    else errors.push(...parsed.error.issues.map((issue) => ({ path, message: `${issue.path.join('.')}: ${issue.message}` })));
  }
  return { lines, errors: errors.sort((a, b) => lineOf(a) - lineOf(b)) };
}

// Spaces an export left around a cell are not the person's; a control character is refused by the schema first.
const trimmed = (cell: string) => (findUnsafeCharacter(cell) ? cell : cell.trim());

const lineOf = (detail: ErrorDetail) => Number(detail.path.slice('line:'.length));
