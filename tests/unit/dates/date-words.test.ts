import { describe, expect, it } from 'vitest';
import { dateInWords, dateWithDay, describeDate, shortDate } from '../../../lib/dates/date-words.ts';

describe('describeDate', () => {
  it('writes a date as people in England do', () => {
    expect(describeDate('2025-03-04')).toBe('4 March 2025');
  });

  it('shows a value that is not a real date as it is', () => {
    expect(describeDate('2025-02-30')).toBe('2025-02-30');
  });
});

describe('dateInWords', () => {
  it('writes a real date in words and falls back otherwise', () => {
    expect(dateInWords('2026-11-01')).toBe('1 November 2026');
    expect(dateInWords('', 'not yet')).toBe('not yet');
  });
});

describe('dateWithDay', () => {
  it('puts the weekday before the date', () => {
    expect(dateWithDay('2026-03-16')).toBe('Monday 16 March 2026');
  });
});

describe('shortDate', () => {
  it.each([
    ['2025-01-10', '10 Jan 2025'],
    ['2024-02-29', '29 Feb 2024'], // 2024 is a leap year
    ['', 'No date'],
    ['2025-02-30', '2025-02-30'], // not a real day: shown as stored, not thrown over
  ])('shows %j as %j', (value, shown) => {
    expect(shortDate(value)).toBe(shown);
  });
});
