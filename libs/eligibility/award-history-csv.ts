import { z } from 'zod';
import { historyBasisSchema } from '../catalogue/catalogue.schema';
import { AWARD_CODES } from '../domain/award-catalogue';
import type { ErrorDetail } from '../domain/errors';
import { findUnsafeCharacter, text } from '../domain/text';

export const AWARD_HISTORY_HEADER = ['fullName', 'unitCode', 'awardCode', 'year', 'decisionRef', 'basis'] as const;
/** Files written before the basis was kept have no `basis` column: every row is then REGULAR. */
const HEADER_WITHOUT_BASIS = AWARD_HISTORY_HEADER.slice(0, -1);

/** A cell of free text, with the file's messages in Vietnamese, each naming its column. */
const cell = (field: string, max: number) =>
  text(1, max, {
    unsafe: ({ kind, codePoint, position }) =>
      `${field}: có ${kind === 'control' ? 'ký tự điều khiển' : 'ký tự hỏng (surrogate lẻ)'} ${codePoint} ở vị trí ${position}`,
    tooShort: `${field}: không được để trống`,
    tooLong: `${field}: dài quá ${max} ký tự`,
  });

/** A code or number cell: a control character is refused before the spaces around it are trimmed away. */
const trimmedCell = (field: string) =>
  z
    .string()
    .refine((value) => !findUnsafeCharacter(value), { error: `${field}: có ký tự điều khiển hoặc ký tự hỏng`, abort: true })
    .trim();

const rowSchema = z.object({
  fullName: cell('fullName', 300),
  unitCode: trimmedCell('unitCode')
    .min(1, { error: 'unitCode: không được để trống', abort: true })
    .max(50, { error: 'unitCode: dài quá 50 ký tự' })
    .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, { error: 'unitCode: chỉ gồm chữ cái không dấu, chữ số, "_", "." và "-"' }),
  awardCode: z.enum(AWARD_CODES as [string, ...string[]], {
    error: (issue) => `awardCode: ${JSON.stringify(issue.input)} không có trong danh mục danh hiệu`,
  }),
  year: trimmedCell('year')
    .regex(/^\d+$/, { error: 'year: phải là số nguyên' })
    .transform(Number)
    .pipe(z.number().int().min(1990, { error: 'year: phải từ 1990 đến 2100' }).max(2100, { error: 'year: phải từ 1990 đến 2100' })),
  decisionRef: cell('decisionRef', 500),
  // Whether the award was regular (thường xuyên), themed (chuyên đề) or extraordinary (đột xuất); blank is REGULAR.
  basis: trimmedCell('basis')
    .transform((value) => value || 'REGULAR')
    .pipe(z.enum(historyBasisSchema.options, { error: (issue) => `basis: ${JSON.stringify(issue.input)} phải là REGULAR, THEMED hoặc EXTRAORDINARY` })),
});
export type AwardHistoryRow = z.infer<typeof rowSchema>;

/** One import holds at most a year-end round's history; a bigger file is split by the admin. */
export const AWARD_HISTORY_MAX_ROWS = 20_000;
/** Enough bad lines to fix a file by, without an answer as long as the file itself. */
export const AWARD_HISTORY_MAX_REPORTED = 100;

export interface ParsedAwardHistory {
  rows: AwardHistoryRow[];
  errors: ErrorDetail[];
}

interface CsvRecord {
  /** 1-based line of the file on which the record starts (a quoted field may span lines). */
  line: number;
  fields: string[];
}

/** RFC 4180, with LF accepted for CRLF: what Excel and LibreOffice write. */
export function parseCsv(text: string): { records: CsvRecord[]; errors: ErrorDetail[] } {
  const records: CsvRecord[] = [];
  const errors: ErrorDetail[] = [];
  let line = 1;
  let i = 0;
  while (i < text.length) {
    const start = line;
    const fields: string[] = [];
    let broken: string | undefined;
    for (;;) {
      let field = '';
      if (text[i] === '"') {
        const close = findClosingQuote(text, i + 1);
        if (close < 0) {
          errors.push({ path: `line:${start}`, message: 'dấu ngoặc kép mở nhưng không đóng' });
          return { records, errors };
        }
        field = text.slice(i + 1, close).replaceAll('""', '"');
        line += countNewlines(field);
        i = close + 1;
        if (i < text.length && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r') broken ??= 'có ký tự sau dấu ngoặc kép đóng';
      }
      while (i < text.length && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r') {
        if (text[i] === '"') broken ??= 'dấu ngoặc kép giữa trường không được bao trong ngoặc kép';
        field += text[i++];
      }
      fields.push(field);
      if (text[i] !== ',') break;
      i++;
    }
    if (text[i] === '\r') i++;
    if (text[i] === '\n') i++;
    line++;
    if (broken) errors.push({ path: `line:${start}`, message: broken });
    else if (!(fields.length === 1 && fields[0] === '')) records.push({ line: start, fields });
  }
  return { records, errors };
}

function findClosingQuote(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    if (text[i] !== '"') continue;
    if (text[i + 1] !== '"') return i;
    i++;
  }
  return -1;
}

const countNewlines = (s: string) => s.replace(/\r\n/g, '\n').split(/[\r\n]/).length - 1;

/**
 * Reads an award-history file whole: every bad row is reported by its line, so that an admin fixes
 * the file once; the caller imports nothing unless `errors` is empty.
 */
export function parseAwardHistoryCsv(text: string): ParsedAwardHistory {
  const { records, errors } = parseCsv(text.replace(/^\uFEFF/, ''));
  const [header, ...body] = records;
  const columns = [AWARD_HISTORY_HEADER, HEADER_WITHOUT_BASIS].find((h) => header?.fields.join(',') === h.join(','));
  if (!header || header.line !== 1 || !columns) {
    return { rows: [], errors: [{ path: 'line:1', message: `dòng tiêu đề phải đúng là ${AWARD_HISTORY_HEADER.join(',')} (cột basis có thể bỏ)` }, ...errors] };
  }

  if (body.length > AWARD_HISTORY_MAX_ROWS) {
    return {
      rows: [],
      errors: [{ path: `line:${AWARD_HISTORY_MAX_ROWS + 2}`, message: `tệp có ${body.length} dòng; mỗi lần nhập tối đa ${AWARD_HISTORY_MAX_ROWS} dòng` }],
    };
  }
  const rows: AwardHistoryRow[] = [];
  const firstLineOf = new Map<string, number>();
  for (const { line, fields } of body) {
    const path = `line:${line}`;
    if (fields.length !== columns.length) {
      errors.push({ path, message: `cần ${columns.length} trường, có ${fields.length}` });
      continue;
    }
    const parsed = rowSchema.safeParse({ basis: '', ...Object.fromEntries(columns.map((name, k) => [name, fields[k]])) });
    if (!parsed.success) {
      errors.push(...parsed.error.issues.map((issue) => ({ path, message: issue.message })));
      continue;
    }
    const row = parsed.data;
    // The database holds one entry per person, unit, award and year; two in one file is a mistake to show.
    const key = JSON.stringify([row.fullName, row.unitCode, row.awardCode, row.year]);
    const first = firstLineOf.get(key);
    if (first !== undefined) {
      errors.push({ path, message: `trùng với dòng ${first} (cùng họ tên, đơn vị, danh hiệu, năm)` });
      continue;
    }
    firstLineOf.set(key, line);
    rows.push(row);
  }
  errors.sort((a, b) => lineOf(a) - lineOf(b));
  if (errors.length <= AWARD_HISTORY_MAX_REPORTED) return { rows, errors };
  const more = errors.length - AWARD_HISTORY_MAX_REPORTED;
  return { rows, errors: [...errors.slice(0, AWARD_HISTORY_MAX_REPORTED), { path: 'file', message: `và ${more} lỗi khác` }] };
}

const lineOf = (detail: ErrorDetail) => Number(detail.path.slice('line:'.length));
