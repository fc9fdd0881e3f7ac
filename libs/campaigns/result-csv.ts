import { FORWARD_NAMES, nomineeName, proposalStatus, type CampaignResult } from './campaign-result';

export const RESULT_CSV_HEADER = ['Thẩm quyền', 'Mã hồ sơ', 'Họ tên / Tập thể', 'Đơn vị', 'Hình thức khen thưởng', 'Số tiền (đồng)'] as const;

/** Without it Excel reads the file as the ANSI code page and mangles every diacritic. */
const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** The draft decisions as a spreadsheet: each authority's items, then that authority's total. */
export function resultToCsv(result: CampaignResult): Buffer {
  const rows: string[][] = [[...RESULT_CSV_HEADER]];
  for (const decision of result.decisions) {
    for (const item of decision.items) {
      rows.push([decision.authorityName, item.nominationId, nomineeName(item.nominee), item.unitName, item.awardName, String(item.amount)]);
    }
    rows.push([decision.authorityName, '', 'Tổng cộng', '', '', String(decision.total)]);
  }
  // The proposals to the central level follow, no cash until it grants them; the grants then add up apart.
  const proposals = result.proposals ?? [];
  for (const item of proposals) {
    rows.push([
      proposalStatus(item),
      item.nominationId,
      nomineeName(item.nominee),
      item.unitName,
      item.awardName,
      item.amount === null ? '' : String(item.amount),
    ]);
  }
  const granted = proposals.filter((p) => p.outcome === 'GRANTED');
  for (const forwardTo of [...new Set(granted.map((p) => p.forwardTo))]) {
    const mine = granted.filter((p) => p.forwardTo === forwardTo);
    rows.push([`${FORWARD_NAMES[forwardTo]} (đã khen thưởng)`, '', 'Tổng cộng', '', '', String(mine.reduce((sum, p) => sum + (p.amount ?? 0), 0))]);
  }
  const text = rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
  return Buffer.concat([UTF8_BOM, Buffer.from(text, 'utf8')]);
}

const FORMULA_START = /^[=+\-@\t\r]/;
/** Where a spreadsheet splitting on `;` would start a new cell with a formula, inside one of our cells. */
const FORMULA_AFTER_SEMICOLON = /;(?=[=+\-@\t\r])/g;

/**
 * Names are typed by units' clerks; one starting with = + - @ (or a tab or CR, which spreadsheets skip
 * before reading a formula) would run as a formula when the file is opened (CSV injection). Such text
 * gets a leading apostrophe, which Excel hides, and is quoted. A spreadsheet in a locale whose list
 * separator is `;` (Vietnamese, most of Europe) splits the line at every `;` whatever the quotes, so
 * each `;` followed by such a character is given the apostrophe too.
 */
export function csvCell(field: string): string {
  const inner = field.replace(FORMULA_AFTER_SEMICOLON, ";'");
  if (FORMULA_START.test(inner)) return `"'${inner.replaceAll('"', '""')}"`;
  return quote(inner);
}

/** RFC 4180: a field with a comma, a quote or a line break is quoted, its quotes doubled; `;` too, for the locales that split on it. */
function quote(field: string): string {
  return /[",;\r\n]/.test(field) ? `"${field.replaceAll('"', '""')}"` : field;
}
