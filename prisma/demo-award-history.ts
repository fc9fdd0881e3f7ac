export interface DemoAwardHistoryEntry {
  fullName: string;
  unitCode: string;
  awardCode: string;
  year: number;
  decisionRef: string;
}

/** The Giám đốc Sở's year-end decision on LĐTT and CSTĐ cơ sở, one per year as in the real archive. */
const SO_DECISION: Record<number, string> = {
  2024: 'QĐ 1186/QĐ-SCT ngày 16/12/2024',
  2025: 'QĐ 1243/QĐ-SCT ngày 15/12/2025',
  2026: 'QĐ 1302/QĐ-SCT ngày 20/11/2026',
};

const entries = (fullName: string, unitCode: string, awardCode: string, years: number[]): DemoAwardHistoryEntry[] =>
  years.map((year) => ({ fullName, unitCode, awardCode, year, decisionRef: SO_DECISION[year]! }));

/** LĐTT of U1 for 2026 besides the two people above: 16 in all, so a 15% cap gives 2 CSTĐ cơ sở places. */
const U1_LDTT_2026 = [
  'Trần Văn Hải',
  'Lê Thị Phương Thảo',
  'Phạm Minh Tuấn',
  'Hoàng Thị Ngọc Hân',
  'Vũ Văn Long',
  'Đặng Thị Thu Trang',
  'Bùi Quang Huy',
  'Đỗ Thị Hạnh',
  'Ngô Văn Thành',
  'Dương Thị Kim Oanh',
  'Lý Văn Sơn',
  'Trịnh Thị Minh Nguyệt',
  'Phan Đức Anh',
  'Mai Thị Bích Ngọc',
];

/**
 * The demo's award history, making the API.md examples eligible:
 * - "Nguyễn Thị Lan" of U1 for BANG_KHEN_UBND_TP 2026 (CSTĐ cơ sở 2024 and 2025; LĐTT 2024–2026);
 * - "Trần Minh Đức" of U1 for CSTD_THANH_PHO 2026: the rule wants CSTĐ cơ sở in 2024, 2025 and 2026, so
 *   his CSTĐ cơ sở of 2026 is already decided (in a real year-end round the Sở decides CSTĐ cơ sở first, and
 *   its approval is recorded in the history before the city title is proposed); his submission must still
 *   declare an initiative (`declarations.initiatives`), which reviewers confirm is applied city-wide.
 */
export const DEMO_AWARD_HISTORY: readonly DemoAwardHistoryEntry[] = [
  ...entries('Nguyễn Thị Lan', 'U1', 'LAO_DONG_TIEN_TIEN', [2024, 2025, 2026]),
  ...entries('Nguyễn Thị Lan', 'U1', 'CSTD_CO_SO', [2024, 2025]),
  ...entries('Trần Minh Đức', 'U1', 'LAO_DONG_TIEN_TIEN', [2024, 2025, 2026]),
  ...entries('Trần Minh Đức', 'U1', 'CSTD_CO_SO', [2024, 2025, 2026]),
  ...U1_LDTT_2026.flatMap((fullName) => entries(fullName, 'U1', 'LAO_DONG_TIEN_TIEN', [2026])),
  ...entries('Lê Văn Quang', 'U2', 'LAO_DONG_TIEN_TIEN', [2025, 2026]),
];
