import { afterEach, describe, expect, it } from 'vitest';
import { realTodayIso, setPretendToday, todayIso } from '../../../lib/platform/clock.ts';
import { nextDayStart } from '../../../lib/platform/alarms.ts';

afterEach(() => setPretendToday(undefined));

describe('todayIso', () => {
  it('is the machine’s local date', () => {
    expect(todayIso(new Date(2026, 10, 22, 23, 59))).toBe('2026-11-22');
  });

  it('is the pretend date while one is set, and the real date once cleared', () => {
    setPretendToday('2026-06-01');
    expect(todayIso(new Date(2026, 10, 22))).toBe('2026-06-01');
    expect(realTodayIso(new Date(2026, 10, 22))).toBe('2026-11-22');
    setPretendToday(undefined);
    expect(todayIso(new Date(2026, 10, 22))).toBe('2026-11-22');
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
