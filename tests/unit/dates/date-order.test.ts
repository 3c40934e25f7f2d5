import { describe, expect, it } from 'vitest';
import { compareDatedFirst, compareDates } from '../../../lib/dates/date-order.ts';

describe('compareDates', () => {
  it('puts the older date first and ties at 0', () => {
    expect(['2026-03-10', '2025-12-31', '2026-03-09'].sort(compareDates)).toEqual(['2025-12-31', '2026-03-09', '2026-03-10']);
    expect(compareDates('2026-03-10', '2026-03-10')).toBe(0);
  });
});

describe('compareDatedFirst', () => {
  const values = ['', '2026-03-10', '2026-02-30', '2025-12-31'];

  it('puts real dates first, oldest first, then the missing and broken ones', () => {
    expect([...values].sort((a, b) => compareDatedFirst(a, b))).toEqual(['2025-12-31', '2026-03-10', '', '2026-02-30']);
  });

  it('reverses only the dates when asked for the newest first', () => {
    expect([...values].sort((a, b) => compareDatedFirst(a, b, 'newest-first'))).toEqual(['2026-03-10', '2025-12-31', '2026-02-30', '']);
  });

  it('ties two equal dates, so the caller can order them further', () => {
    expect(compareDatedFirst('2026-03-10', '2026-03-10', 'newest-first')).toBe(0);
  });
});
