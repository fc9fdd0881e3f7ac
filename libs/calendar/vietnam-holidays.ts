import { addDays, dayOfWeek, lunarToSolar } from './lunar';

const pad = (n: number) => String(n).padStart(2, '0');
const solar = (year: number, month: number, day: number) => `${year}-${pad(month)}-${pad(day)}`;

export const isWeekend = (day: string): boolean => {
  const weekday = dayOfWeek(day);
  return weekday === 0 || weekday === 6;
};

/** The public holidays of Bộ luật Lao động 2019 art. 112 in a solar year, before any compensation. */
function statutoryHolidays(year: number): string[] {
  const tet = lunarToSolar(year, 1, 1);
  // Default Tết: the last day of the old lunar year and the first four of the new one.
  const tetDays = [-1, 0, 1, 2, 3].map((offset) => addDays(tet, offset));
  return [
    solar(year, 1, 1),
    ...tetDays,
    lunarToSolar(year, 3, 10),
    solar(year, 4, 30),
    solar(year, 5, 1),
    // The day adjacent to Quốc khánh defaults to the one before it.
    solar(year, 9, 1),
    solar(year, 9, 2),
  ].sort();
}

/**
 * The weekdays off in a year when the government has published nothing for it: each statutory
 * holiday, and for one falling on a weekend the next weekday that is not already off (art. 112 (3)).
 */
export function computedHolidays(year: number): string[] {
  const off = new Set<string>();
  const statutory = statutoryHolidays(year);
  const taken = new Set(statutory);
  for (const day of statutory) {
    if (!isWeekend(day)) {
      off.add(day);
      continue;
    }
    let compensation = addDays(day, 1);
    while (isWeekend(compensation) || taken.has(compensation)) compensation = addDays(compensation, 1);
    taken.add(compensation);
    off.add(compensation);
  }
  return [...off].sort();
}
