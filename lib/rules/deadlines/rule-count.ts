/**
 * How a rule's figure turns an event's day into a due day (TIMESCALES.md, "Counting").
 *
 * After an event ("within N of X"):
 * - working days: with `dayZero: 'event'` X is day 0, so the due day is the N-th working day after
 *   X; with `'nextDay'` X itself is day 1 when it is a working day, so one working day sooner.
 * - calendar days likewise (N days after X, or N − 1 with `'nextDay'`).
 * - weeks are 7 calendar days; months are calendar months (end of month clamped).
 * Before an event ("N before Y"): N whole units back from Y, whatever `dayZero` says.
 * Hours and minutes move whole days only, rounding down (times of day are not recorded): "within 24
 * hours" is due the next calendar day, "30 minutes before" falls on the meeting's own day.
 */
import {
  addMonthsToDayNumber,
  addWorkingDaysToDayNumber,
  isWorkingDayNumber,
  type Division,
} from '../calendar/calendar.ts';
import { holidaySourceOfSpan, type HolidaySource } from '../calendar/holidays.ts';
import type { Profile, Span } from './profiles/types.ts';

export interface CountContext {
  dayZero: Profile['dayZero'];
  division: Division;
}

/** The due day `span` after (or before) `from`. */
export function countSpan(span: Span, direction: 'after' | 'before', from: number, context: CountContext): number {
  const sign = direction === 'after' ? 1 : -1;
  const n = span.figure;
  // "The event day counts as day 1" takes one unit off a forward count of days.
  const lessOne = direction === 'after' && context.dayZero === 'nextDay' && n > 0;
  switch (span.unit) {
    case 'working-days': {
      const steps = lessOne && isWorkingDayNumber(from, context.division) ? n - 1 : n;
      return addWorkingDaysToDayNumber(from, sign * steps, context.division);
    }
    case 'calendar-days':
      return from + sign * (lessOne ? n - 1 : n);
    case 'weeks':
      return from + sign * 7 * n;
    case 'months':
      return addMonthsToDayNumber(from, sign * n);
    case 'hours':
      return from + sign * Math.floor(n / 24);
    case 'minutes':
      return from + sign * Math.floor(n / 1440);
  }
}

/** For a working-day count from `from` to `to`: what the bank holidays counted over rest on; else undefined. */
export function countedHolidays(span: Span, from: number, to: number, division: Division): HolidaySource | undefined {
  return span.unit === 'working-days' ? holidaySourceOfSpan(from, to, division) : undefined;
}
