import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addCalendarDays,
  addMonths,
  addWeeks,
  addWorkingDays,
  isWorkingDay,
  lastWorkingDayOnOrBefore,
  type Division,
} from '../../../../lib/rules/calendar/calendar.ts';
import { DIVISIONS } from '../../../../lib/rules/calendar/holidays.ts';
import { daysFromCivil, formatDayNumber } from '../../../../lib/dates/iso-date.ts';

const EW = 'england-and-wales';

describe('isWorkingDay', () => {
  it.each([
    ['2025-03-10', EW, true], // an ordinary Monday
    ['2025-03-08', EW, false], // a Saturday
    ['2025-12-24', EW, true], // Christmas Eve is not a bank holiday
    ['2025-12-25', EW, false], // Christmas Day, a Thursday
    ['2025-12-26', EW, false], // Boxing Day, a Friday
    ['2026-12-28', EW, false], // Boxing Day 2026 is a Saturday: substitute Monday 28
    ['2027-12-27', EW, false], // Christmas 2027 is a Saturday: substitute Monday 27...
    ['2027-12-28', EW, false], // ...and Boxing Day, a Sunday, Tuesday 28
    ['2025-04-18', EW, false], // Good Friday 2025
    ['2025-04-21', EW, false], // Easter Monday 2025
    ['2025-04-21', 'scotland', true], // Easter Monday is not a bank holiday in Scotland
    ['2025-08-04', 'scotland', false], // Scotland's summer holiday: first Monday of August
    ['2025-08-04', EW, true],
    ['2025-08-25', EW, false], // England and Wales: last Monday of August
    ['2025-08-25', 'scotland', true],
    ['2026-01-02', 'scotland', false], // 2 January, Scotland only
    ['2026-01-02', EW, true],
    ['2025-12-01', 'scotland', false], // St Andrew's Day 2025 is a Sunday: Monday 1 December
    ['2025-03-17', 'northern-ireland', false], // St Patrick's Day
    ['2025-03-17', EW, true],
    ['2025-07-14', 'northern-ireland', false], // 12 July 2025 is a Saturday: Monday 14
    ['2031-04-11', EW, false], // Good Friday 2031 (Easter 13 April), beyond the data
    ['2032-12-28', EW, false], // Christmas 2032 on a Saturday: Boxing Day substitute Tuesday 28
    ['2023-05-08', EW, false], // the coronation of King Charles III, a one-off
  ] as const)('%s in %s: %s', (date, division, expected) => {
    expect(isWorkingDay(date, division)).toBe(expected);
  });

  it('counts for England and Wales unless told otherwise', () => {
    expect(isWorkingDay('2025-08-25')).toBe(false);
  });
});

describe('addWorkingDays', () => {
  it.each([
    ['2025-03-07', 1, EW, '2025-03-10'], // Friday + 1 is Monday
    ['2025-03-08', 1, EW, '2025-03-10'], // from a Saturday: the start never counts
    ['2025-03-10', 0, EW, '2025-03-10'], // 0 is the date itself...
    ['2025-03-08', 0, EW, '2025-03-08'], // ...even at a weekend
    ['2025-03-10', -1, EW, '2025-03-07'], // back over a weekend
    ['2025-12-19', 15, EW, '2026-01-14'], // over Christmas, Boxing Day and New Year's Day
    ['2025-12-24', 1, EW, '2025-12-29'], // Christmas Eve + 1 skips 25, 26 and the weekend
    ['2026-12-24', 1, EW, '2026-12-29'], // 2026: Boxing Day's substitute Monday 28 is skipped too
    ['2026-01-05', -3, EW, '2025-12-30'], // back over New Year's Day
    ['2026-04-01', 3, EW, '2026-04-08'], // over Good Friday 3 and Easter Monday 6 April 2026
    ['2026-04-01', 3, 'scotland', '2026-04-07'], // Scotland works Easter Monday
    ['2026-04-10', -5, EW, '2026-04-01'], // back over Easter
    ['2025-07-11', 1, 'northern-ireland', '2025-07-15'], // over the 12 July substitute
    ['2024-02-28', 1, EW, '2024-02-29'], // the leap day is an ordinary Thursday
    ['2030-12-23', 3, EW, '2030-12-30'], // computed data: Christmas 2030
    ['2031-12-24', 2, EW, '2031-12-30'], // beyond the data: Christmas 2031 is Thursday and Friday
  ] as const)('%s + %i working days in %s is %s', (date, days, division, expected) => {
    expect(addWorkingDays(date, days, division)).toBe(expected);
  });

  it.each([
    [() => addWorkingDays('2025-02-30', 1), /date/],
    [() => addWorkingDays('2025-01-01', 1.5), /days/],
    [() => addWorkingDays('2025-01-01', Number.NaN), /days/],
    [() => addWorkingDays('2025-01-01', 10_000_000), /days/],
    [() => addWorkingDays('2025-01-01', 1, 'wales' as Division), /division/],
    [() => isWorkingDay('next Tuesday'), /date/],
  ])('throws a RangeError naming the bad argument (%#)', (call, name) => {
    expect(call).toThrow(RangeError);
    expect(call).toThrow(name);
  });
});

describe('addWorkingDays, properties', () => {
  const day = fc.integer({ min: daysFromCivil(2020, 1, 1), max: daysFromCivil(2040, 12, 31) }).map(formatDayNumber);
  const count = fc.integer({ min: -80, max: 80 });
  const division = fc.constantFrom(...DIVISIONS);

  it('lands on a working day whenever n ≠ 0', () => {
    fc.assert(
      fc.property(day, count.filter((n) => n !== 0), division, (date, n, d) => {
        expect(isWorkingDay(addWorkingDays(date, n, d), d)).toBe(true);
      }),
    );
  });

  it('passes exactly n working days, the start excluded', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 1, max: 80 }), division, (date, n, d) => {
        const end = addWorkingDays(date, n, d);
        let passed = 0;
        for (let x = addCalendarDays(date, 1); x <= end; x = addCalendarDays(x, 1)) if (isWorkingDay(x, d)) passed += 1;
        expect(passed).toBe(n);
      }),
      { numRuns: 50 },
    );
  });

  it('returns to a working-day start when counted forward then back', () => {
    fc.assert(
      fc.property(day, count, division, (date, n, d) => {
        fc.pre(isWorkingDay(date, d));
        expect(addWorkingDays(addWorkingDays(date, n, d), -n, d)).toBe(date);
      }),
    );
  });

  it('is strictly increasing in n', () => {
    fc.assert(
      fc.property(day, count, count, division, (date, a, b, d) => {
        fc.pre(a !== b);
        const [low, high] = a < b ? [a, b] : [b, a];
        expect(addWorkingDays(date, low, d) < addWorkingDays(date, high, d)).toBe(true);
      }),
    );
  });
});

describe('addMonths', () => {
  it.each([
    ['2025-01-31', 1, '2025-02-28'], // 31 January + 1 month: 28 February in a common year
    ['2024-01-31', 1, '2024-02-29'], // 29 February in a leap year
    ['2000-01-31', 1, '2000-02-29'], // 2000 was a leap year (divisible by 400)
    ['2100-01-31', 1, '2100-02-28'], // 2100 will not be (divisible by 100)
    ['2024-02-29', 12, '2025-02-28'], // a leap day a year on
    ['2025-03-31', -1, '2025-02-28'], // back into a short month
    ['2025-08-31', 1, '2025-09-30'], // September has 30 days
    ['2025-10-15', 3, '2026-01-15'], // over the new year
    ['2025-11-30', 3, '2026-02-28'],
    ['0025-01-31', 1, '0025-02-28'], // two-digit years are not read as 19xx
  ] as const)('%s + %i months is %s', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });

  it('throws a RangeError naming months when not a whole number', () => {
    expect(() => addMonths('2025-01-01', 0.5)).toThrow(/months/);
  });
});

describe('addCalendarDays and addWeeks', () => {
  it.each([
    ['2025-02-28', 1, '2025-03-01'], // the end of February in a common year
    ['2024-02-28', 1, '2024-02-29'], // and in a leap year
    ['2025-12-31', 1, '2026-01-01'],
    ['2025-03-01', -1, '2025-02-28'],
  ] as const)('%s + %i days is %s', (date, days, expected) => {
    expect(addCalendarDays(date, days)).toBe(expected);
  });

  it.each([
    ['2025-12-18', 3, '2026-01-08'], // weeks are calendar weeks: holidays do not stretch them
    ['2025-03-04', -6, '2025-01-21'],
  ] as const)('%s + %i weeks is %s', (date, weeks, expected) => {
    expect(addWeeks(date, weeks)).toBe(expected);
  });
});

describe('lastWorkingDayOnOrBefore', () => {
  it.each([
    ['2025-03-12', EW, '2025-03-12'], // a working day is its own answer
    ['2025-03-09', EW, '2025-03-07'], // Sunday → Friday
    ['2025-12-28', EW, '2025-12-24'], // over the weekend, Boxing Day and Christmas Day
    ['2026-04-06', EW, '2026-04-02'], // Easter Monday → Maundy Thursday
    ['2026-04-06', 'scotland', '2026-04-06'], // a working day in Scotland
  ] as const)('%s in %s is %s', (date, division, expected) => {
    expect(lastWorkingDayOnOrBefore(date, division)).toBe(expected);
  });
});
