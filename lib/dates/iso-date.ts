/**
 * `yyyy-MM-dd` dates: the one place they are parsed and validated. Stored dates, form fields and
 * the rules all use these. At the edges every date is such a string; inside the
 * calendar and the deadline engine a date is a *day number* (whole days since 1970-01-01), so that
 * counting, comparing and weekday tests are integer arithmetic with no `Date` objects, no time
 * zones and no daylight-saving hours. Conversions are Howard Hinnant's civil-date algorithms
 * (proleptic Gregorian calendar), exact for every year this module accepts (0001–9999).
 */

/** A calendar date written `yyyy-MM-dd`, e.g. `2025-03-04`. */
export type IsoDate = string;

/** Day number of 0001-01-01 and of 9999-12-31: the range a four-digit year can name. */
export const FIRST_DAY = daysFromCivil(1, 1, 1);
export const LAST_DAY = daysFromCivil(9999, 12, 31);

/** Days since 1970-01-01 of a proleptic Gregorian date (month 1–12); no range check. */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The year, month (1–12) and day of a day number. */
export function civilFromDays(dayNumber: number): { year: number; month: number; day: number } {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** The day number of `value` if it is a `yyyy-MM-dd` string naming a real day, else `undefined`. */
export function tryParseIsoDate(value: unknown): number | undefined {
  // Digit by digit rather than by regular expression: the engine parses every event of every plan.
  if (typeof value !== 'string' || value.length !== 10) return undefined;
  if (value.charCodeAt(4) !== DASH || value.charCodeAt(7) !== DASH) return undefined;
  const year = digits(value, 0, 4);
  const month = digits(value, 5, 2);
  const day = digits(value, 8, 2);
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return daysFromCivil(year, month, day);
}

const DASH = 45;
const ZERO = 48;

/** The number written by `length` decimal digits from `start`, or -1 if any is not a digit. */
function digits(text: string, start: number, length: number): number {
  let value = 0;
  for (let i = start; i < start + length; i += 1) {
    const digit = text.charCodeAt(i) - ZERO;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/**
 * True for a `yyyy-MM-dd` string naming a real day (not 2025-02-30, not 29/05/2025). A date a
 * person typed or a peer wrote that fails this is a problem to show, never an exception.
 */
export function isIsoDate(value: unknown): boolean {
  return tryParseIsoDate(value) !== undefined;
}

/**
 * The date fields accept years up to 275760, so a slip like 20026 is a real date to the browser.
 * Deadlines are counted only from dates in the years a plan can mean.
 */
const FIRST_PLAN_YEAR = 1900;
const LAST_PLAN_YEAR = 2199;

/**
 * True for a real yyyy-MM-dd date with a year from 1900 to 2199: a year outside is treated as a
 * slip and left out, so one mistyped date cannot stop every other deadline of the plan showing.
 */
export function isPlanDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string' || !isIsoDate(value)) return false;
  const year = Number(value.slice(0, 4));
  return year >= FIRST_PLAN_YEAR && year <= LAST_PLAN_YEAR;
}

/** Throws a `RangeError` naming `where` unless `today` is a yyyy-MM-dd date; returns it. */
export function assertToday(today: unknown, where: string): IsoDate {
  if (!isIsoDate(today)) {
    throw new RangeError(`${where}: ctx.today must be a yyyy-MM-dd date, got ${JSON.stringify(today) ?? String(today)}`);
  }
  return today as IsoDate;
}

/**
 * The Monday starting the ISO week of a yyyy-MM-dd date (also a yyyy-MM-dd string), or null for an
 * invalid date: two dates share an ISO week exactly when they share this value.
 */
export function isoWeekStart(value: unknown): IsoDate | null {
  const dayNumber = tryParseIsoDate(value);
  return dayNumber === undefined ? null : formatDayNumber(dayNumber - ((weekdayOf(dayNumber) + 6) % 7));
}

/**
 * The day number of a `yyyy-MM-dd` date. A value that is not a real date is a programmer error
 * (dates reach the rules already validated), so this throws a `RangeError` naming `argument`.
 */
export function parseIsoDate(value: unknown, argument: string): number {
  const dayNumber = tryParseIsoDate(value);
  if (dayNumber === undefined) {
    throw new RangeError(`${argument} must be a real yyyy-MM-dd date, got ${describe(value)}`);
  }
  return dayNumber;
}

/** The `yyyy-MM-dd` string of a day number; throws a `RangeError` outside years 0001–9999. */
export function formatDayNumber(dayNumber: number): IsoDate {
  if (!Number.isInteger(dayNumber) || dayNumber < FIRST_DAY || dayNumber > LAST_DAY) {
    throw new RangeError(`date out of range: day number ${dayNumber} is outside years 0001–9999`);
  }
  const { year, month, day } = civilFromDays(dayNumber);
  const yyyy = year >= 1000 ? String(year) : String(year).padStart(4, '0');
  return `${yyyy}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}

/** Day of the week of a day number: 0 Sunday … 6 Saturday (1970-01-01 was a Thursday). */
export function weekdayOf(dayNumber: number): number {
  return (((dayNumber + 4) % 7) + 7) % 7;
}

/** True on Saturdays and Sundays. */
export function isWeekend(dayNumber: number): boolean {
  const weekday = weekdayOf(dayNumber);
  return weekday === 0 || weekday === 6;
}

/** Days in a month of a year (Gregorian leap years: every 4th, not every 100th, every 400th). */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** A value as an error message shows it. */
export function describe(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}
