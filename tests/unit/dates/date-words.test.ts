import { describe, expect, it } from 'vitest';
import { assertToday, describeDate, isoWeekStart, parsePlanDate } from '../../../lib/dates/date-words.ts';

describe('parsePlanDate', () => {
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
    expect(parsePlanDate(value) !== null).toBe(valid);
  });

  it('returns null for values that are not strings', () => {
    expect(parsePlanDate(20250529)).toBeNull();
    expect(parsePlanDate(undefined)).toBeNull();
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

describe('describeDate', () => {
  it('writes a date as people in England do', () => {
    expect(describeDate('2025-03-04')).toBe('4 March 2025');
  });
});

describe('assertToday', () => {
  it('returns a valid date and throws a RangeError naming the caller otherwise', () => {
    expect(assertToday('2025-03-03', 'checkPlan')).toBe('2025-03-03');
    expect(() => assertToday('today', 'checkPlan')).toThrow(new RangeError('checkPlan: ctx.today must be a yyyy-MM-dd date, got "today"'));
  });
});
