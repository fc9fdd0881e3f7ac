import type { YearOverrides } from './working-calendar';

/**
 * Years whose days off the government has published, loaded by the seed so that a fresh start counts
 * them right. A loaded year replaces the computed one whole, so each lists every weekday off.
 *
 * 2026, as published:
 * - Tết Dương lịch: off Thursday 1 to Sunday 4 January, Friday 2 January swapped with Saturday 10 January
 *   worked (Văn phòng Chính phủ, công văn 12729/VPCP-KGVX, 25/12/2025).
 * - Tết Nguyên đán: off Saturday 14 to Sunday 22 February, the weekdays 16–20 February (Bộ Nội vụ's plan
 *   as approved, reported October 2025).
 * The rest are Bộ luật Lao động 2019 art. 112 as the computed calendar gives them (no other swap was
 * found published): Giỗ Tổ Hùng Vương 10/3 lunar falls on Sunday 26 April, so Monday 27 April; 30 April
 * and 1 May; Quốc khánh 2 September with 1 September as its adjacent day.
 * Ngày Văn hóa Việt Nam (24 November) was chosen as a paid day off by Nghị quyết 80-NQ/TW (January 2026),
 * but the amendment of art. 112 that would make it law was only being drafted when last checked: not
 * included; an admin adds it with PUT /api/admin/calendar/2026 once it is law.
 */
export const OFFICIAL_CALENDARS: ReadonlyMap<number, YearOverrides> = new Map([
  [
    2026,
    {
      holidays: [
        '2026-01-01',
        '2026-01-02',
        '2026-02-16',
        '2026-02-17',
        '2026-02-18',
        '2026-02-19',
        '2026-02-20',
        '2026-04-27',
        '2026-04-30',
        '2026-05-01',
        '2026-09-01',
        '2026-09-02',
      ],
      workingWeekends: ['2026-01-10'],
    },
  ],
]);
