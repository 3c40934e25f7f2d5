import { describe, expect, it } from 'vitest';
import { nextMidnight, realTodayIso } from '../../../lib/platform/clock.ts';
import { nextDayStart } from '../../../lib/platform/alarms.ts';

describe('realTodayIso', () => {
  it('is the machine’s local date', () => {
    expect(realTodayIso(new Date(2026, 10, 22, 23, 59))).toBe('2026-11-22');
    expect(realTodayIso(new Date(2026, 10, 23, 0, 0))).toBe('2026-11-23');
  });
});

describe('nextMidnight', () => {
  it.each([
    [new Date(2026, 10, 22, 13, 0), new Date(2026, 10, 23, 0, 0)],
    [new Date(2026, 10, 22, 0, 0), new Date(2026, 10, 23, 0, 0)],
    [new Date(2026, 11, 31, 23, 59, 59, 999), new Date(2027, 0, 1, 0, 0)],
    [new Date(2026, 2, 28, 12, 0), new Date(2026, 2, 29, 0, 0)], // the clocks go forward at 1 am on the 29th in London
  ])('after %s is %s', (now, next) => {
    expect(nextMidnight(now).getTime()).toBe(next.getTime());
  });
});

describe('nextDayStart', () => {
  it.each([
    [new Date(2026, 10, 22, 13, 0), new Date(2026, 10, 23, 0, 1)],
    [new Date(2026, 11, 31, 23, 59), new Date(2027, 0, 1, 0, 1)],
    [new Date(2026, 2, 28, 0, 0), new Date(2026, 2, 29, 0, 1)], // the clocks go forward at 1 am on the 29th in London
  ])('after %s is %s', (now, next) => {
    expect(nextDayStart(now)).toBe(next.getTime());
  });
});
