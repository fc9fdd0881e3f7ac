import { nomineeName, type CampaignResult } from './campaign-result';

export const RESULT_CSV_HEADER = ['Thẩm quyền', 'Mã hồ sơ', 'Họ tên / Tập thể', 'Đơn vị', 'Hình thức khen thưởng', 'Số tiền (đồng)'] as const;

/** Without it Excel reads the file as the ANSI code page and mangles every diacritic. */
const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** The draft decisions as a spreadsheet: each authority's items, then that authority's total. */
export function resultToCsv(result: CampaignResult): Buffer {
  const rows: string[][] = [[...RESULT_CSV_HEADER]];
  for (const decision of result.decisions) {
    for (const item of decision.items) {
      const typed = [item.nominationId, nomineeName(item.nominee), item.unitName, item.awardName].map(defuseFormula);
      rows.push([decision.authorityName, ...typed, String(item.amount)]);
    }
    rows.push([decision.authorityName, '', 'Tổng cộng', '', '', String(decision.total)]);
  }
  const text = rows.map((row) => row.map(quote).join(',')).join('\r\n') + '\r\n';
  return Buffer.concat([UTF8_BOM, Buffer.from(text, 'utf8')]);
}

/** RFC 4180: a field with a comma, a quote or a line break is quoted, its quotes doubled. */
function quote(field: string): string {
  return /[",\r\n]/.test(field) ? `"${field.replaceAll('"', '""')}"` : field;
}

/**
 * Names are typed by units' clerks; one starting with = + - @ would run as a formula when the file
 * is opened in Excel (CSV injection), so such text is prefixed with an apostrophe, which Excel hides.
 */
function defuseFormula(field: string): string {
  return /^[=+\-@\t\r]/.test(field) ? `'${field}` : field;
}
