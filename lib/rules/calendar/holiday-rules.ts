/**
 * The standing rules for UK bank holidays, per division, as they stand today: used for years the
 * shipped data (`bank-holidays-uk.json`) does not cover. The tests prove the rules by reproducing
 * every date in that data for all three divisions.
 *
 * Sources: Banking and Financial Dealings Act 1971, schedule 1, and the royal proclamations made
 * under it each year (the early May holiday since 1978, 2 January and St Andrew's Day in Scotland,
 * St Patrick's Day and 12 July in Northern Ireland); substitute days per gov.uk/bank-holidays.
 * One-off changes (a jubilee, a coronation) are proclamations, not rules: see `holidays.ts`.
 */
import { compareDates } from '../../dates/date-order.ts';
import { daysFromCivil, daysInMonth, isWeekend, weekdayOf, type IsoDate, formatDayNumber } from '../../dates/iso-date.ts';

/** The three bank-holiday divisions of the UK, named as gov.uk's feed names them. */
export const DIVISIONS = ['england-and-wales', 'scotland', 'northern-ireland'] as const;
export type Division = (typeof DIVISIONS)[number];

/** One bank holiday as a rule produces it. */
export interface RuleHoliday {
  date: IsoDate;
  title: string;
  /** True when the day is a substitute for a fixed date that fell on a weekend or another holiday. */
  substitute: boolean;
}

/** Easter Sunday of a Gregorian year, as a day number (anonymous Gregorian computus: Meeus/Jones/Butcher). */
export function easterSunday(year: number): number {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return daysFromCivil(year, month, day);
}

/** The first Monday of a month, as a day number. */
function firstMonday(year: number, month: number): number {
  const first = daysFromCivil(year, month, 1);
  return first + ((8 - weekdayOf(first)) % 7);
}

/** The last Monday of a month, as a day number. */
function lastMonday(year: number, month: number): number {
  const last = daysFromCivil(year, month, daysInMonth(year, month));
  return last - ((weekdayOf(last) + 6) % 7);
}

/** Fixed-date holidays per division, in calendar order: [month, day, title]. */
const FIXED: Record<Division, readonly (readonly [number, number, string])[]> = {
  'england-and-wales': [
    [1, 1, 'New Year’s Day'],
    [12, 25, 'Christmas Day'],
    [12, 26, 'Boxing Day'],
  ],
  scotland: [
    [1, 1, 'New Year’s Day'],
    [1, 2, '2nd January'],
    [11, 30, 'St Andrew’s Day'],
    [12, 25, 'Christmas Day'],
    [12, 26, 'Boxing Day'],
  ],
  'northern-ireland': [
    [1, 1, 'New Year’s Day'],
    [3, 17, 'St Patrick’s Day'],
    [7, 12, 'Battle of the Boyne (Orangemen’s Day)'],
    [12, 25, 'Christmas Day'],
    [12, 26, 'Boxing Day'],
  ],
};

/**
 * The bank holidays of `year` in `division` by the standing rules, sorted by date.
 * - Good Friday everywhere; Easter Monday everywhere but Scotland.
 * - Early May: first Monday of May. Spring: last Monday of May. Summer: last Monday of August,
 *   but the first Monday of August in Scotland.
 * - Fixed dates (New Year; 2 January and St Andrew's Day in Scotland; St Patrick's Day and 12 July
 *   in Northern Ireland; Christmas; Boxing Day) that fall on a weekday stay put; one that falls on a
 *   weekend (or on a day another holiday already holds) moves to the next weekday that is not
 *   already a holiday, taken in calendar order. So Christmas on a Saturday gives Monday 27 and
 *   Tuesday 28 December; on a Sunday, Boxing Day keeps Monday 26 and Christmas moves to Tuesday 27.
 */
export function ruleBankHolidays(year: number, division: Division): RuleHoliday[] {
  const easter = easterSunday(year);
  const moving: [number, string][] = [[easter - 2, 'Good Friday']];
  if (division !== 'scotland') moving.push([easter + 1, 'Easter Monday']);
  moving.push(
    [firstMonday(year, 5), 'Early May bank holiday'],
    [lastMonday(year, 5), 'Spring bank holiday'],
    [division === 'scotland' ? firstMonday(year, 8) : lastMonday(year, 8), 'Summer bank holiday'],
  );

  const taken = new Map<number, RuleHoliday>();
  for (const [day, title] of moving) taken.set(day, { date: formatDayNumber(day), title, substitute: false });

  const fixed = FIXED[division].map(([month, day, title]) => ({ day: daysFromCivil(year, month, day), title }));
  const displaced: typeof fixed = [];
  for (const entry of fixed) {
    if (isWeekend(entry.day) || taken.has(entry.day)) displaced.push(entry);
    else taken.set(entry.day, { date: formatDayNumber(entry.day), title: entry.title, substitute: false });
  }
  for (const { day, title } of displaced) {
    let substitute = day + 1;
    while (isWeekend(substitute) || taken.has(substitute)) substitute += 1;
    taken.set(substitute, { date: formatDayNumber(substitute), title, substitute: true });
  }
  return [...taken.values()].sort((a, b) => compareDates(a.date, b.date));
}
