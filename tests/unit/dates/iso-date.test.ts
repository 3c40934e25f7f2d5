import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  FIRST_DAY,
  assertToday,
  isIsoDate,
  isPlanDate,
  isoWeekStart,
  LAST_DAY,
  civilFromDays,
  daysFromCivil,
  formatDayNumber,
  parseIsoDate,
  tryParseIsoDate,
  weekdayOf,
} from '../../../lib/dates/iso-date.ts';

describe('tryParseIsoDate', () => {
  it.each([
    ['2024-02-29'], // 2024 is a leap year
    ['2000-02-29'], // 2000 is a leap year (divisible by 400)
    ['0001-01-01'], // the first day a four-digit year names
    ['9999-12-31'], // the last
  ])('accepts the real date %s', (value) => {
    expect(formatDayNumber(tryParseIsoDate(value)!)).toBe(value);
  });

  it.each([
    ['2025-02-29'], // 2025 is not a leap year
    ['2100-02-29'], // 2100 is not a leap year (divisible by 100, not 400)
    ['2025-04-31'], // April has 30 days
    ['2025-13-01'],
    ['2025-00-10'],
    ['0000-01-01'], // there is no year 0
    ['2025-1-01'],
    [' 2025-01-01'],
    ['2025-01-01T00:00'],
    ['01/02/2025'],
    [20250101],
    [null],
    [undefined],
  ])('rejects %s', (value) => {
    expect(tryParseIsoDate(value)).toBeUndefined();
  });
});

describe('parseIsoDate', () => {
  it('throws a RangeError naming the argument for a date that does not exist', () => {
    expect(() => parseIsoDate('2025-02-30', 'meeting.date')).toThrow(RangeError);
    expect(() => parseIsoDate('2025-02-30', 'meeting.date')).toThrow(/meeting\.date/);
  });
});

describe('weekdayOf', () => {
  it.each([
    ['1970-01-01', 4], // day 0 was a Thursday
    ['2000-01-01', 6], // a Saturday
    ['2025-03-04', 2], // a Tuesday
    ['2025-12-25', 4], // Christmas Day 2025 is a Thursday
    ['1969-12-28', 0], // before day 0: a Sunday
  ])('%s falls on weekday %i (0 = Sunday)', (date, weekday) => {
    expect(weekdayOf(parseIsoDate(date, 'date'))).toBe(weekday);
  });
});

describe('daysFromCivil', () => {
  it('agrees with Date.UTC for every day in 1900–2200', () => {
    fc.assert(
      fc.property(fc.integer({ min: daysFromCivil(1900, 1, 1), max: daysFromCivil(2200, 12, 31) }), (day) => {
        const { year, month, day: dom } = civilFromDays(day);
        expect(Date.UTC(year, month - 1, dom) / 86_400_000).toBe(day);
      }),
    );
  });

  it('round-trips through format and parse for every representable day', () => {
    fc.assert(
      fc.property(fc.integer({ min: FIRST_DAY, max: LAST_DAY }), (day) => {
        expect(parseIsoDate(formatDayNumber(day), 'date')).toBe(day);
      }),
    );
  });
});

describe('formatDayNumber', () => {
  it('pads years, months and days to yyyy-MM-dd', () => {
    expect(formatDayNumber(daysFromCivil(33, 3, 7))).toBe('0033-03-07');
  });

  it('throws a RangeError outside years 0001–9999', () => {
    expect(() => formatDayNumber(LAST_DAY + 1)).toThrow(RangeError);
    expect(() => formatDayNumber(FIRST_DAY - 1)).toThrow(RangeError);
  });
});

describe('isIsoDate', () => {
  it.each([
    // A leap day in a leap year exists.
    ['2024-02-29', true],
    // …and not in a common year.
    ['2025-02-29', false],
    // April has 30 days.
    ['2025-04-31', false],
    ['2025-13-01', false],
    ['2025-00-10', false],
    // Only the stored format: no UK order, no time, no padding.
    ['29/05/2025', false],
    ['2025-05-29T10:00', false],
    [' 2025-05-29', false],
    ['2025-5-9', false],
    ['', false],
  ])('reads %s as a real date: %s', (value, valid) => {
    expect(isIsoDate(value)).toBe(valid);
  });

  it('is false for values that are not strings', () => {
    expect(isIsoDate(20250529)).toBe(false);
    expect(isIsoDate(undefined)).toBe(false);
  });

  it.each([
    ['2024-02-29', true], // 2024 is a leap year
    ['2023-02-29', false],
    ['2026-13-01', false],
    ['22/11/2026', false],
    ['', false],
  ])('also %s → %s', (value, expected) => expect(isIsoDate(value)).toBe(expected));
});

describe('isPlanDate', () => {
  it.each([
    ['2026-03-02', true],
    ['2024-02-29', true], // a leap day
    ['2026-02-29', false],
    ['2026-13-01', false],
    ['1899-12-31', false],
    ['2200-01-01', false],
    ['2026-3-2', false],
    ['', false],
    [20260302, false],
  ])('%s is a plan date: %s', (value, expected) => {
    expect(isPlanDate(value)).toBe(expected);
  });
});

describe('isoWeekStart', () => {
  it.each([
    // 3 March 2025 is a Monday: its own week start.
    ['2025-03-03', '2025-03-03'],
    // Sunday belongs to the week that began the Monday before.
    ['2025-03-09', '2025-03-03'],
    // 1 January 2025 (a Wednesday) is in the ISO week that began on 30 December 2024.
    ['2025-01-01', '2024-12-30'],
    ['2025-02-30', null],
  ])('puts %s in the week beginning %s', (value, start) => {
    expect(isoWeekStart(value)).toBe(start);
  });
});

describe('assertToday', () => {
  it('returns a valid date and throws a RangeError naming the caller otherwise', () => {
    expect(assertToday('2025-03-03', 'checkPlan')).toBe('2025-03-03');
    expect(() => assertToday('today', 'checkPlan')).toThrow(new RangeError('checkPlan: ctx.today must be a yyyy-MM-dd date, got "today"'));
  });
});
