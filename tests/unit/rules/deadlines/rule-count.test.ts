import { describe, expect, it } from 'vitest';
import { formatDayNumber, parseIsoDate } from '../../../../lib/dates/iso-date.ts';
import type { Span } from '../../../../lib/rules/deadlines/profiles/index.ts';
import { countSpan, countedHolidays } from '../../../../lib/rules/deadlines/rule-count.ts';

const EW = 'england-and-wales' as const;
function count(span: Span, direction: 'after' | 'before', from: string, dayZero: 'event' | 'nextDay' = 'event') {
  return formatDayNumber(countSpan(span, direction, parseIsoDate(from, 'from'), { dayZero, division: EW }));
}

describe('countSpan', () => {
  it.each([
    [{ figure: 15, unit: 'working-days' }, 'after', '2025-03-03', 'event', '2025-03-24'], // Monday: 3 weeks on
    [{ figure: 15, unit: 'working-days' }, 'after', '2025-03-03', 'nextDay', '2025-03-21'], // Monday is day 1
    [{ figure: 15, unit: 'working-days' }, 'after', '2025-03-08', 'nextDay', '2025-03-28'], // a Saturday cannot be day 1
    [{ figure: 1, unit: 'working-days' }, 'after', '2025-03-07', 'event', '2025-03-10'], // Friday + 1 working day
    [{ figure: 1, unit: 'working-days' }, 'after', '2025-03-07', 'nextDay', '2025-03-07'], // the day itself is day 1
    [{ figure: 0, unit: 'working-days' }, 'after', '2025-03-08', 'nextDay', '2025-03-08'],
    [{ figure: 10, unit: 'calendar-days' }, 'after', '2025-03-03', 'event', '2025-03-13'],
    [{ figure: 10, unit: 'calendar-days' }, 'after', '2025-03-03', 'nextDay', '2025-03-12'],
    [{ figure: 6, unit: 'weeks' }, 'after', '2025-03-03', 'nextDay', '2025-04-14'], // weeks ignore dayZero
    [{ figure: 3, unit: 'months' }, 'after', '2025-11-30', 'event', '2026-02-28'], // clamped to February's end
    [{ figure: 3, unit: 'months' }, 'after', '2023-11-30', 'event', '2024-02-29'], // leap year
    [{ figure: 24, unit: 'hours' }, 'after', '2025-03-07', 'event', '2025-03-08'], // Friday + 24 hours is Saturday
    [{ figure: 36, unit: 'hours' }, 'after', '2025-03-07', 'event', '2025-03-08'], // whole days, rounded down
    [{ figure: 3, unit: 'working-days' }, 'before', '2025-03-10', 'event', '2025-03-05'], // back over a weekend
    [{ figure: 3, unit: 'working-days' }, 'before', '2025-03-10', 'nextDay', '2025-03-05'], // counts back ignore dayZero
    [{ figure: 5, unit: 'working-days' }, 'before', '2026-01-02', 'event', '2025-12-23'], // back over New Year and Christmas
    [{ figure: 10, unit: 'calendar-days' }, 'before', '2025-06-02', 'event', '2025-05-23'],
    [{ figure: 0, unit: 'calendar-days' }, 'before', '2025-06-02', 'event', '2025-06-02'], // "before the conference"
    [{ figure: 30, unit: 'minutes' }, 'before', '2025-06-02', 'event', '2025-06-02'], // the meeting's own day
  ] as const)('%j %s %s (dayZero %s) is %s', (span, direction, from, dayZero, expected) => {
    expect(count(span, direction, from, dayZero)).toBe(expected);
  });

});

describe('countedHolidays', () => {
  it('says what a working-day count’s holidays rest on, and nothing for other units', () => {
    const from = parseIsoDate('2027-12-20', 'd');
    const context = { dayZero: 'event', division: EW } as const;
    const fifteen = { figure: 15, unit: 'working-days' } as const;
    const five = { figure: 5, unit: 'working-days' } as const;
    const calendar = { figure: 15, unit: 'calendar-days' } as const;
    expect(countedHolidays(fifteen, from, countSpan(fifteen, 'after', from, context), EW)).toBe('computed-data');
    expect(countedHolidays(five, from, countSpan(five, 'after', from, context), EW)).toBe('official');
    expect(countedHolidays(calendar, from, countSpan(calendar, 'after', from, context), EW)).toBeUndefined();
  });
});
