import { describe, expect, it } from 'vitest';
import data from '../../../../lib/rules/calendar/bank-holidays-uk.json';
import { ruleBankHolidays } from '../../../../lib/rules/calendar/holiday-rules.ts';
import {
  DIVISIONS,
  bankHolidays,
  dataYears,
  holidaySource,
  holidaySourceOfSpan,
  isBankHoliday,
  type Division,
} from '../../../../lib/rules/calendar/holidays.ts';
import { parseIsoDate } from '../../../../lib/dates/iso-date.ts';

const shipped = data as unknown as Record<Division, { date: string }[]>;
const yearsIn = (division: Division) => [...new Set(shipped[division].map((h) => Number(h.date.slice(0, 4))))];
const divisionYears = DIVISIONS.flatMap((division) => yearsIn(division).map((year) => [division, year] as const));

describe('ruleBankHolidays against the shipped data', () => {
  it('covers 2024–2030 in all three divisions', () => {
    expect(divisionYears).toHaveLength(21);
  });

  // The data holds no one-off holiday (the last were in 2022 and 2023), so the standing rules must
  // reproduce every date exactly: that is what proves the rules for the years beyond the data.
  it.each(divisionYears)('reproduces every %s bank holiday of %i', (division, year) => {
    const published = shipped[division].filter((h) => h.date.startsWith(`${year}-`)).map((h) => h.date).sort();
    expect(ruleBankHolidays(year, division).map((h) => h.date)).toEqual(published);
  });
});

describe('dataYears', () => {
  it.each(DIVISIONS)('reports 2024–2027 official and 2028–2030 computed for %s', (division) => {
    expect(dataYears(division)).toEqual({ official: [2024, 2025, 2026, 2027], computed: [2028, 2029, 2030] });
  });
});

describe('holidaySource', () => {
  it.each([
    ['2025-06-01', 'official'], // inside the gov.uk feed
    ['2027-12-31', 'official'],
    ['2028-01-01', 'computed-data'], // shipped, but computed ahead of publication
    ['2030-12-31', 'computed-data'],
    ['2031-01-01', 'computed-rules'], // beyond the data: the standing rules
    ['2023-06-01', 'computed-rules'], // before the data: rules plus the known one-offs
  ] as const)('%s rests on %s holidays', (date, source) => {
    expect(holidaySource(date)).toBe(source);
  });

  it('throws a RangeError naming a bad date or division', () => {
    expect(() => holidaySource('2025-02-30')).toThrow(/date/);
    expect(() => holidaySource('2025-01-01', 'wales' as Division)).toThrow(/division/);
  });
});

describe('holidaySourceOfSpan', () => {
  it('is the least trusted year the span touches', () => {
    const day = (d: string) => parseIsoDate(d, 'd');
    expect(holidaySourceOfSpan(day('2025-12-19'), day('2026-01-14'), 'england-and-wales')).toBe('official');
    expect(holidaySourceOfSpan(day('2027-12-20'), day('2028-01-10'), 'england-and-wales')).toBe('computed-data');
    expect(holidaySourceOfSpan(day('2031-01-10'), day('2030-12-20'), 'scotland')).toBe('computed-rules');
  });
});

describe('isBankHoliday', () => {
  it.each([
    // One-off proclamations before the data, applied UK-wide.
    ['2020-05-04', false], // the early May holiday moved to VE Day...
    ['2020-05-08', true], // ...Friday 8 May 2020
    ['2022-05-30', false], // the spring holiday moved for the Platinum Jubilee...
    ['2022-06-02', true], // ...to Thursday 2 June
    ['2022-06-03', true], // plus the Jubilee holiday on Friday 3 June
    ['2022-09-19', true], // the State Funeral of Queen Elizabeth II
    ['2023-05-08', true], // the coronation of King Charles III
    ['2023-05-01', true], // the early May holiday still stood in 2023
  ])('%s is a bank holiday: %s', (date, expected) => {
    for (const division of DIVISIONS) expect(isBankHoliday(date, division)).toBe(expected);
  });

  it('answers beyond the precomputed years from the rules', () => {
    expect(isBankHoliday('2150-12-25')).toBe(true); // a Friday
    expect(isBankHoliday('1985-12-26')).toBe(true);
    expect(isBankHoliday('1985-12-27')).toBe(false);
  });
});

describe('bankHolidays', () => {
  it('labels each holiday with what it rests on', () => {
    expect(bankHolidays(2026, 'scotland').every((h) => h.source === 'official')).toBe(true);
    expect(bankHolidays(2029, 'scotland').every((h) => h.source === 'computed-data')).toBe(true);
    expect(bankHolidays(2040, 'scotland').every((h) => h.source === 'computed-rules')).toBe(true);
  });

  it('returns copies, so a caller cannot change the shipped data', () => {
    bankHolidays(2026, 'england-and-wales')[0]!.date = '2026-01-02';
    expect(isBankHoliday('2026-01-01')).toBe(true);
    expect(bankHolidays(2026, 'england-and-wales')[0]!.date).toBe('2026-01-01');
  });

  it('throws a RangeError for a year that is not a whole number 1–9999', () => {
    expect(() => bankHolidays(2025.5, 'scotland')).toThrow(RangeError);
    expect(() => bankHolidays(0, 'scotland')).toThrow(RangeError);
  });
});
