import ExcelJS from 'exceljs';
import type { Statistics, StatisticsTotal } from '../../../libs/domain/statistics-responses';

const GROUP_HEADERS: Record<Statistics['by'], string> = { unit: 'Đơn vị', award: 'Danh hiệu, hình thức khen thưởng', level: 'Cấp xét duyệt', month: 'Tháng' };

/** The columns after the group's code and name, with their Vietnamese headers, in the order of the API's fields. */
const COLUMNS: [keyof StatisticsTotal, string, string?][] = [
  ['submitted', 'Số hồ sơ'],
  ['inReview', 'Đang xét duyệt'],
  ['returned', 'Trả lại để bổ sung'],
  ['approved', 'Đã phê duyệt'],
  ['rejected', 'Không phê duyệt'],
  ['withdrawn', 'Đã rút'],
  ['expired', 'Hết hạn bổ sung'],
  ['forwarded', 'Đã trình cấp trên'],
  ['overdue', 'Quá hạn'],
  ['awarded', 'Được khen thưởng'],
  ['amount', 'Số tiền thưởng (đồng)', '#,##0'],
  ['decisions', 'Lượt xét duyệt'],
  ['decidedOnTime', 'Xét đúng hạn'],
  ['onTimeRate', 'Tỷ lệ đúng hạn', '0.0%'],
  ['medianWorkingDays', 'Số ngày làm việc (trung vị)', '0.0'],
];

/** The statistics table as a one-sheet workbook: a header row, a row per group, the total last; numbers stay numbers. */
export async function statisticsWorkbook(statistics: Statistics): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(`Thống kê ${statistics.year}`);
  sheet.columns = [
    { header: 'Mã', key: 'key', width: 14 },
    { header: GROUP_HEADERS[statistics.by], key: 'name', width: 42 },
    ...COLUMNS.map(([key, header, numFmt]) => ({ header, key, width: Math.max(12, header.length + 2), ...(numFmt && { style: { numFmt } }) })),
  ];
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  for (const row of statistics.rows) sheet.addRow(row);
  sheet.addRow({ key: '', name: 'Tổng cộng', ...statistics.total }).font = { bold: true };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
