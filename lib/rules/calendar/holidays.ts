/**
 * Bank holidays per division: the shipped data where it has the year, the standing rules
 * (`holiday-rules.ts`) elsewhere, and a short table of one-off proclamations for recent years the
 * data does not cover. Every answer can say what it rests on (`holidaySource`), so the UI can warn
 * "this date rests on computed bank holidays".
 *
 * The data (`bank-holidays-uk.json`): 2024–2027 official (the gov.uk feed), 2028–2030 computed by a
 * library from the same rules. Those years hold no one-off holiday, and the rules reproduce them all
 * (tests/unit/rules/calendar/holidays.test.ts).
 */
import { compareDates } from '../../dates/date-order.ts';
import data from './bank-holidays-uk.json' with { type: 'json' };
import { DIVISIONS, ruleBankHolidays, type Division } from './holiday-rules.ts';
import { civilFromDays, daysFromCivil, describe, formatDayNumber, parseIsoDate, tryParseIsoDate, type IsoDate } from '../../dates/iso-date.ts';

export { DIVISIONS, type Division } from './holiday-rules.ts';

/**
 * What a year's holidays rest on: `official` (published by gov.uk), `computed-data` (in the shipped
 * data, computed ahead of publication), `computed-rules` (outside the data: the standing rules here).
 */
export type HolidaySource = 'official' | 'computed-data' | 'computed-rules';

/** How much trust each source deserves, least first: a span rests on its least trusted year. */
const SOURCE_RANK: Record<HolidaySource, number> = { official: 0, 'computed-data': 1, 'computed-rules': 2 };

export interface BankHoliday {
  date: IsoDate;
  title: string;
  substitute: boolean;
  source: HolidaySource;
}

/**
 * One-off changes proclaimed for particular years, applied only to years computed from the rules
 * (years inside the data already carry whatever was proclaimed). All apply UK-wide.
 * Source: gov.uk/bank-holidays and the proclamations named.
 */
const ONE_OFFS: readonly { year: number; remove?: IsoDate; add: { date: IsoDate; title: string } }[] = [
  // VE Day 75th anniversary: the early May bank holiday moved from Monday 4 to Friday 8 May 2020.
  { year: 2020, remove: '2020-05-04', add: { date: '2020-05-08', title: 'Early May bank holiday (VE day)' } },
  // Platinum Jubilee: the spring bank holiday moved to Thursday 2 June 2022, plus Friday 3 June.
  { year: 2022, remove: '2022-05-30', add: { date: '2022-06-02', title: 'Spring bank holiday' } },
  { year: 2022, add: { date: '2022-06-03', title: 'Platinum Jubilee bank holiday' } },
  // The State Funeral of Queen Elizabeth II, Monday 19 September 2022.
  { year: 2022, add: { date: '2022-09-19', title: 'Bank Holiday for the State Funeral of Queen Elizabeth II' } },
  // The coronation of King Charles III, Monday 8 May 2023.
  { year: 2023, add: { date: '2023-05-08', title: 'Bank holiday for the coronation of King Charles III' } },
];

/** Years precomputed at load into one set per division (others are computed when asked). */
const PRECOMPUTED_FIRST_YEAR = 1990;
const PRECOMPUTED_LAST_YEAR = 2100;
const PRECOMPUTED_FIRST_DAY = daysFromCivil(PRECOMPUTED_FIRST_YEAR, 1, 1);
const PRECOMPUTED_LAST_DAY = daysFromCivil(PRECOMPUTED_LAST_YEAR, 12, 31);

interface DataEntry {
  date: string;
  title: string;
  substitute: boolean;
  status: string;
}

/** The shipped data by division and year. */
const DATA: ReadonlyMap<Division, ReadonlyMap<number, { holidays: BankHoliday[]; source: HolidaySource }>> = new Map(
  DIVISIONS.map((division) => [division, groupDataByYear((data as unknown as Record<Division, DataEntry[]>)[division])]),
);

/** Each division's bit in `PRECOMPUTED`. */
const DIVISION_BIT: Record<Division, number> = { 'england-and-wales': 1, scotland: 2, 'northern-ireland': 4 };

/**
 * Every holiday of the precomputed years as one byte per day (40 KB), a bit per division: the
 * calendar asks about every day it counts over, so the lookup is an array index.
 */
const PRECOMPUTED: Uint8Array = (() => {
  const days = new Uint8Array(PRECOMPUTED_LAST_DAY - PRECOMPUTED_FIRST_DAY + 1);
  for (const division of DIVISIONS) {
    for (let year = PRECOMPUTED_FIRST_YEAR; year <= PRECOMPUTED_LAST_YEAR; year += 1) {
      for (const holiday of bankHolidays(year, division)) {
        days[parseIsoDate(holiday.date, 'holiday') - PRECOMPUTED_FIRST_DAY]! |= DIVISION_BIT[division];
      }
    }
  }
  return days;
})();

/** The days a division's shipped data covers: official years, then computed ones, without gaps. */
interface DataSpan {
  officialFirst: number;
  officialLast: number;
  dataLast: number;
}

/** Per division, for `holidaySourceOfSpan`'s fast path (disabled, by an empty span, if the years have gaps). */
const DATA_SPANS = Object.fromEntries(
  DIVISIONS.map((division): [Division, DataSpan] => {
    const { official, computed } = dataYears(division);
    const years = [...official, ...computed];
    const gapless = official.length > 0 && years.every((year, i) => year === official[0]! + i);
    if (!gapless) return [division, { officialFirst: Infinity, officialLast: -Infinity, dataLast: -Infinity }];
    return [division, {
      officialFirst: daysFromCivil(official[0]!, 1, 1),
      officialLast: daysFromCivil(official.at(-1)!, 12, 31),
      dataLast: daysFromCivil(years.at(-1)!, 12, 31),
    }];
  }),
) as Record<Division, DataSpan>;

/** Throws a `RangeError` naming `argument` unless `value` is one of the three divisions. */
export function assertDivision(value: unknown, argument = 'division'): Division {
  if (!(DIVISIONS as readonly unknown[]).includes(value)) {
    throw new RangeError(`${argument} must be one of ${DIVISIONS.join(', ')}, got ${describe(value)}`);
  }
  return value as Division;
}

/** The bank holidays of `year` in `division`, sorted by date, each with what it rests on. */
export function bankHolidays(year: number, division: Division): BankHoliday[] {
  if (!Number.isInteger(year) || year < 1 || year > 9999) throw new RangeError(`year must be an integer 1–9999, got ${year}`);
  assertDivision(division);
  const published = DATA.get(division)?.get(year);
  if (published) return published.holidays.map((holiday) => ({ ...holiday }));

  let holidays: BankHoliday[] = ruleBankHolidays(year, division).map((h) => ({ ...h, source: 'computed-rules' }));
  for (const change of ONE_OFFS) {
    if (change.year !== year) continue;
    holidays = holidays.filter((holiday) => holiday.date !== change.remove);
    holidays.push({ ...change.add, substitute: false, source: 'computed-rules' });
  }
  return holidays.sort((a, b) => compareDates(a.date, b.date));
}

/** True when the day number is a bank holiday in the division (the calendar's fast path; no checks). */
export function isBankHolidayDay(dayNumber: number, division: Division): boolean {
  if (dayNumber >= PRECOMPUTED_FIRST_DAY && dayNumber <= PRECOMPUTED_LAST_DAY) {
    return (PRECOMPUTED[dayNumber - PRECOMPUTED_FIRST_DAY]! & DIVISION_BIT[division]) !== 0;
  }
  const date = formatDayNumber(dayNumber);
  return bankHolidays(civilFromDays(dayNumber).year, division).some((holiday) => holiday.date === date);
}

/** True when `date` (yyyy-MM-dd) is a bank holiday in `division`; throws `RangeError` on bad input. */
export function isBankHoliday(date: IsoDate, division: Division = 'england-and-wales'): boolean {
  return isBankHolidayDay(parseIsoDate(date, 'date'), assertDivision(division));
}

/** What the holidays of `year` in `division` rest on. */
export function holidaySourceOfYear(year: number, division: Division): HolidaySource {
  return DATA.get(assertDivision(division))?.get(year)?.source ?? 'computed-rules';
}

/**
 * What the holidays around `date` rest on (its year's source); throws `RangeError` on bad input.
 * The UI says "this date rests on computed bank holidays" for anything but `official`.
 */
export function holidaySource(date: IsoDate, division: Division = 'england-and-wales'): HolidaySource {
  const dayNumber = parseIsoDate(date, 'date');
  return holidaySourceOfYear(civilFromDays(dayNumber).year, assertDivision(division));
}

/** The least trusted source over the years from one day number to another (either order). */
export function holidaySourceOfSpan(fromDay: number, toDay: number, division: Division): HolidaySource {
  const low = Math.min(fromDay, toDay);
  const high = Math.max(fromDay, toDay);
  const spans = DATA_SPANS[division];
  // The common cases without a year-by-year walk.
  if (low >= spans.officialFirst && high <= spans.officialLast) return 'official';
  if (low >= spans.officialFirst && high <= spans.dataLast) return 'computed-data';
  const first = civilFromDays(low).year;
  const last = civilFromDays(high).year;
  let worst: HolidaySource = 'official';
  for (let year = first; year <= last; year += 1) {
    const source = holidaySourceOfYear(year, division);
    if (SOURCE_RANK[source] > SOURCE_RANK[worst]) worst = source;
  }
  return worst;
}

/** The least trusted of some sources (`official` for none). */
export function leastTrusted(sources: Iterable<HolidaySource>): HolidaySource {
  let worst: HolidaySource = 'official';
  for (const source of sources) if (SOURCE_RANK[source] > SOURCE_RANK[worst]) worst = source;
  return worst;
}

/** The years the shipped data covers for a division, by source (for tests and an "about" page). */
export function dataYears(division: Division): { official: number[]; computed: number[] } {
  const years = [...(DATA.get(assertDivision(division))?.entries() ?? [])];
  return {
    official: years.filter(([, y]) => y.source === 'official').map(([year]) => year).sort((a, b) => a - b),
    computed: years.filter(([, y]) => y.source === 'computed-data').map(([year]) => year).sort((a, b) => a - b),
  };
}

function groupDataByYear(entries: readonly DataEntry[]): Map<number, { holidays: BankHoliday[]; source: HolidaySource }> {
  const byYear = new Map<number, { holidays: BankHoliday[]; source: HolidaySource }>();
  for (const entry of entries) {
    const dayNumber = tryParseIsoDate(entry.date);
    if (dayNumber === undefined) throw new RangeError(`bank-holidays-uk.json: bad date ${describe(entry.date)}`);
    const year = civilFromDays(dayNumber).year;
    // A year is official only when every one of its dates is; one computed date makes it computed.
    const source: HolidaySource = entry.status === 'official' ? 'official' : 'computed-data';
    const bucket = byYear.get(year) ?? { holidays: [], source };
    if (source === 'computed-data') bucket.source = source;
    bucket.holidays.push({ date: entry.date, title: entry.title, substitute: entry.substitute, source });
    byYear.set(year, bucket);
  }
  for (const bucket of byYear.values()) {
    bucket.holidays.sort((a, b) => compareDates(a.date, b.date));
    for (const holiday of bucket.holidays) holiday.source = bucket.source;
  }
  return byYear;
}
