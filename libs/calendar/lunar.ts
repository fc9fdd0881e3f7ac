/**
 * Vietnamese lunisolar calendar, after Hồ Ngọc Đức's "Âm lịch Việt Nam" algorithm (new moons and
 * sun longitude from Meeus' series). Months start on the day of the new moon as seen at UTC+7,
 * which is why some years differ from the Chinese calendar (UTC+8).
 */

const VIETNAM_UTC_OFFSET_HOURS = 7;
const SYNODIC_MONTH = 29.530588853;
/** The Julian day of the new moon of 1 January 1900, the origin of the new-moon count k. */
const NEW_MOON_EPOCH = 2415021.076998695;
/** Julian day number of 1970-01-01, so day numbers and Date.UTC share one arithmetic. */
const UNIX_EPOCH_JULIAN_DAY = 2440588;
const MS_PER_DAY = 86_400_000;
const DEG = Math.PI / 180;

/** Julian day number (noon-based, integer) of a YYYY-MM-DD date; consecutive days differ by 1. */
function julianDay(day: string): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / MS_PER_DAY + UNIX_EPOCH_JULIAN_DAY;
}

function dayOfJulianDay(jd: number): string {
  return new Date((jd - UNIX_EPOCH_JULIAN_DAY) * MS_PER_DAY).toISOString().slice(0, 10);
}

/** The YYYY-MM-DD date n days after (n < 0: before) a date; an impossible date like 02-30 rolls over. */
export function addDays(day: string, n: number): string {
  return dayOfJulianDay(julianDay(day) + n);
}

/** 0 = Sunday … 6 = Saturday (Julian day 0 was a Monday). */
export function dayOfWeek(day: string): number {
  return (julianDay(day) + 1) % 7;
}

/** Julian day (fractional, UT) of the k-th new moon after that of 1 January 1900. */
function newMoon(k: number): number {
  const T = k / 1236.85;
  const T2 = T * T;
  const T3 = T2 * T;
  let jd = 2415020.75933 + 29.53058868 * k + 0.0001178 * T2 - 0.000000155 * T3;
  jd += 0.00033 * Math.sin((166.56 + 132.87 * T - 0.009173 * T2) * DEG);
  const M = 359.2242 + 29.10535608 * k - 0.0000333 * T2 - 0.00000347 * T3;
  const Mpr = 306.0253 + 385.81691806 * k + 0.0107306 * T2 + 0.00001236 * T3;
  const F = 21.2964 + 390.67050646 * k - 0.0016528 * T2 - 0.00000239 * T3;
  const correction =
    (0.1734 - 0.000393 * T) * Math.sin(M * DEG) +
    0.0021 * Math.sin(2 * M * DEG) -
    0.4068 * Math.sin(Mpr * DEG) +
    0.0161 * Math.sin(2 * Mpr * DEG) -
    0.0004 * Math.sin(3 * Mpr * DEG) +
    0.0104 * Math.sin(2 * F * DEG) -
    0.0051 * Math.sin((M + Mpr) * DEG) -
    0.0074 * Math.sin((M - Mpr) * DEG) +
    0.0004 * Math.sin((2 * F + M) * DEG) -
    0.0004 * Math.sin((2 * F - M) * DEG) -
    0.0006 * Math.sin((2 * F + Mpr) * DEG) +
    0.001 * Math.sin((2 * F - Mpr) * DEG) +
    0.0005 * Math.sin((2 * Mpr + M) * DEG);
  const deltaT = T < -11 ? 0.001 + 0.000839 * T + 0.0002261 * T2 - 0.00000845 * T3 - 0.000000081 * T * T3 : -0.000278 + 0.000265 * T + 0.000262 * T2;
  return jd + correction - deltaT;
}

/** The sun's apparent longitude, in radians within [0, 2π), at a fractional Julian day (UT). */
function sunLongitude(jd: number): number {
  const T = (jd - 2451545.0) / 36525;
  const T2 = T * T;
  const M = 357.5291 + 35999.0503 * T - 0.0001559 * T2 - 0.00000048 * T * T2;
  const L0 = 280.46645 + 36000.76983 * T + 0.0003032 * T2;
  const center =
    (1.9146 - 0.004817 * T - 0.000014 * T2) * Math.sin(M * DEG) + (0.019993 - 0.000101 * T) * Math.sin(2 * M * DEG) + 0.00029 * Math.sin(3 * M * DEG);
  const L = (L0 + center) * DEG;
  return L - 2 * Math.PI * Math.floor(L / (2 * Math.PI));
}

/** The day (Julian day number, Vietnam time) on which the k-th new moon falls. */
function newMoonDay(k: number): number {
  return Math.floor(newMoon(k) + 0.5 + VIETNAM_UTC_OFFSET_HOURS / 24);
}

/** Which of the 12 thirty-degree arcs the sun is in at the start of a local day (0 = from the spring equinox). */
function sunArc(dayNumber: number): number {
  return Math.floor((sunLongitude(dayNumber - 0.5 - VIETNAM_UTC_OFFSET_HOURS / 24) / Math.PI) * 6);
}

const newMoonIndex = (dayNumber: number) => Math.floor((dayNumber - NEW_MOON_EPOCH) / SYNODIC_MONTH + 0.5);

/** First day of lunar month 11 of a solar year: the month that holds its December solstice. */
function month11Start(solarYear: number): number {
  const k = Math.floor((julianDay(`${solarYear}-12-31`) - 2415021) / SYNODIC_MONTH);
  const start = newMoonDay(k);
  // A new moon after the sun reached 270° starts month 12, so month 11 began one moon earlier.
  return sunArc(start) >= 9 ? newMoonDay(k - 1) : start;
}

/**
 * In a 13-month year, how many months after month 11 the leap month comes: the first month in
 * which the sun enters no new arc (holds no principal solar term).
 */
function leapMonthOffset(month11: number): number {
  const k = newMoonIndex(month11);
  let i = 1;
  let arc = sunArc(newMoonDay(k + i));
  let last: number;
  do {
    last = arc;
    i++;
    arc = sunArc(newMoonDay(k + i));
  } while (arc !== last && i < 14);
  return i - 1;
}

/** The solar date (YYYY-MM-DD) of a Vietnamese lunar date; `leapMonth` picks the repeated month. */
export function lunarToSolar(lunarYear: number, lunarMonth: number, lunarDay: number, leapMonth = false): string {
  if (!Number.isInteger(lunarMonth) || lunarMonth < 1 || lunarMonth > 12) throw new RangeError(`no lunar month ${lunarMonth}`);
  if (!Number.isInteger(lunarDay) || lunarDay < 1 || lunarDay > 30) throw new RangeError(`no lunar day ${lunarDay}`);
  const [a11, b11] = lunarMonth < 11 ? [month11Start(lunarYear - 1), month11Start(lunarYear)] : [month11Start(lunarYear), month11Start(lunarYear + 1)];
  let offset = (lunarMonth - 11 + 12) % 12;
  if (b11 - a11 > 365) {
    const leapOffset = leapMonthOffset(a11);
    // The leap month repeats the month before it; offset 0 is month 11, so offset 2 repeats month 12.
    const leap = (leapOffset - 2 + 12) % 12 || 12;
    if (leapMonth && lunarMonth !== leap) throw new RangeError(`lunar year ${lunarYear} has no leap month ${lunarMonth}`);
    if (leapMonth || offset >= leapOffset) offset += 1;
  } else if (leapMonth) {
    throw new RangeError(`lunar year ${lunarYear} has no leap month ${lunarMonth}`);
  }
  const k = newMoonIndex(a11) + offset;
  const start = newMoonDay(k);
  if (lunarDay > newMoonDay(k + 1) - start) throw new RangeError(`lunar month ${lunarMonth}/${lunarYear} has no day ${lunarDay}`);
  return dayOfJulianDay(start + lunarDay - 1);
}
