import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  FIRST_DAY,
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
