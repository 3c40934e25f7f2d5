/**
 * Working days and calendar arithmetic on `yyyy-MM-dd` dates. A working day is Monday to Friday and
 * not a bank holiday of the division (TIMESCALES.md, "Counting"); England and Wales by default.
 *
 * The exported string functions validate their arguments and throw a `RangeError` naming the bad
 * one: dates reach them already validated, so a bad one is a programmer error. The `…DayNumber`
 * functions are the same arithmetic on day numbers (see `iso-date.ts`) without checks, for the
 * deadline engine's inner loops.
 */
import { addMonths as addMonthsToDate } from 'date-fns';
import { assertDivision, isBankHolidayDay, type Division } from './holidays.ts';
import { daysFromCivil, describe, formatDayNumber, isWeekend, parseIsoDate, civilFromDays, type IsoDate } from '../../dates/iso-date.ts';

export type { Division } from './holidays.ts';
export type { IsoDate } from '../../dates/iso-date.ts';

/** The largest count these functions take (about 270 years of days): beyond it a caller has a bug. */
const MAX_COUNT = 100_000;

/** True when `date` is a working day in `division`. */
export function isWorkingDay(date: IsoDate, division: Division = 'england-and-wales'): boolean {
  return isWorkingDayNumber(parseIsoDate(date, 'date'), assertDivision(division));
}

/**
 * The date `days` working days from `date`. For `days` > 0 the n-th working day after `date` (the
 * start date never counts, working day or not); for `days` < 0 the n-th working day before it;
 * for 0, `date` itself.
 */
export function addWorkingDays(date: IsoDate, days: number, division: Division = 'england-and-wales'): IsoDate {
  const start = parseIsoDate(date, 'date');
  return formatDayNumber(addWorkingDaysToDayNumber(start, assertCount(days, 'days'), assertDivision(division)));
}

/** The date `days` calendar days from `date` (negative counts back). */
export function addCalendarDays(date: IsoDate, days: number): IsoDate {
  return formatDayNumber(parseIsoDate(date, 'date') + assertCount(days, 'days'));
}

/** The date `weeks` weeks (7 calendar days each) from `date`: always the same weekday. */
export function addWeeks(date: IsoDate, weeks: number): IsoDate {
  return formatDayNumber(parseIsoDate(date, 'date') + 7 * assertCount(weeks, 'weeks', MAX_COUNT / 7));
}

/**
 * The date `months` calendar months from `date` (date-fns `addMonths`): the same day of the month,
 * clamped to the month's last day, so 31 January + 1 month is 28 February (29th in a leap year).
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  return formatDayNumber(addMonthsToDayNumber(parseIsoDate(date, 'date'), assertCount(months, 'months', MAX_COUNT / 31)));
}

/** `date` itself when it is a working day, else the nearest working day before it. */
export function lastWorkingDayOnOrBefore(date: IsoDate, division: Division = 'england-and-wales'): IsoDate {
  return formatDayNumber(lastWorkingDayNumberOnOrBefore(parseIsoDate(date, 'date'), assertDivision(division)));
}

/** True when the day number is a working day in the division. */
export function isWorkingDayNumber(dayNumber: number, division: Division): boolean {
  return !isWeekend(dayNumber) && !isBankHolidayDay(dayNumber, division);
}

/** `addWorkingDays` on day numbers (no checks). */
export function addWorkingDaysToDayNumber(start: number, days: number, division: Division): number {
  const step = days < 0 ? -1 : 1;
  let day = start;
  for (let left = Math.abs(days); left > 0; ) {
    day += step;
    if (isWorkingDayNumber(day, division)) left -= 1;
  }
  return day;
}

/** `addMonths` on day numbers (no checks). */
export function addMonthsToDayNumber(dayNumber: number, months: number): number {
  const { year, month, day } = civilFromDays(dayNumber);
  // Noon, not midnight: no daylight-saving change can move a local noon onto another day.
  // setFullYear, because the Date constructor reads years 0–99 as 1900–1999.
  const local = new Date(2000, 0, 1, 12);
  local.setFullYear(year, month - 1, day);
  const moved = addMonthsToDate(local, months);
  return daysFromCivil(moved.getFullYear(), moved.getMonth() + 1, moved.getDate());
}

/** `lastWorkingDayOnOrBefore` on day numbers (no checks). */
export function lastWorkingDayNumberOnOrBefore(dayNumber: number, division: Division): number {
  let day = dayNumber;
  while (!isWorkingDayNumber(day, division)) day -= 1;
  return day;
}

function assertCount(value: unknown, argument: string, limit = MAX_COUNT): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || Math.abs(value) > limit) {
    throw new RangeError(`${argument} must be an integer between -${Math.floor(limit)} and ${Math.floor(limit)}, got ${describe(value)}`);
  }
  return value;
}
