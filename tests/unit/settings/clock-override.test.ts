import { describe, expect, it } from 'vitest';
import { checkClockOverride, clearClockOverride, effectiveToday, loadClockOverride, loadToday, saveClockOverride, touchesClockOverride } from '../../../lib/settings/clock-override.ts';
import { memoryArea } from '../helpers/memory-area.ts';

describe('checkClockOverride', () => {
  it.each([
    ['2026-06-01', false, null],
    ['', false, 'Enter the date to pretend it is, with day, month and year.'],
    ['', true, 'This is not a real date. Check the day, month and year.'],
    ['2026-02-30', false, 'This is not a real date. Check the day, month and year (a year from 1900 to 2199).'],
    ['20026-06-01', false, 'This is not a real date. Check the day, month and year (a year from 1900 to 2199).'],
  ])('checks “%s” (unfinished: %s)', (value, badInput, problem) => {
    expect(checkClockOverride(value, badInput)).toBe(problem);
  });
});

describe('the stored pretend date', () => {
  it('is saved, read, used as today and cleared', async () => {
    const area = memoryArea();
    const real = new Date(2026, 10, 22, 13);
    expect(await loadToday(area, real)).toBe('2026-11-22');
    await saveClockOverride(area, '2026-06-01');
    expect(await loadClockOverride(area)).toBe('2026-06-01');
    expect(await loadToday(area, real)).toBe('2026-06-01');
    await clearClockOverride(area);
    expect(await loadClockOverride(area)).toBeUndefined();
  });

  it('refuses to save a bad date', async () => {
    await expect(saveClockOverride(memoryArea(), 'soon')).rejects.toThrow(RangeError);
  });

  it('ignores a stored value that is not a date', async () => {
    const area = memoryArea();
    await area.set({ clockOverride: 42 });
    expect(await loadClockOverride(area)).toBeUndefined();
  });
});

describe('effectiveToday', () => {
  it('is the pretend date when set, else the real one', () => {
    expect(effectiveToday('2026-06-01', '2026-11-22')).toBe('2026-06-01');
    expect(effectiveToday(undefined, '2026-11-22')).toBe('2026-11-22');
  });
});

describe('touchesClockOverride', () => {
  it('is true only when the pretend date changes', () => {
    expect(touchesClockOverride({ clockOverride: { newValue: '2026-06-01' } })).toBe(true);
    expect(touchesClockOverride({ 'plan/a': {} })).toBe(false);
  });
});
