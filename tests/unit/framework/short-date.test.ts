import { describe, expect, it } from 'vitest';
import { shortDate } from '../../../lib/framework/short-date.ts';

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
