/**
 * "Pretend today is": a date the whole extension counts from instead of the real one, for training
 * sessions and tests. Stored in extension storage under `clockOverride`, so every page and the
 * background badge use the same date; the UI shows it whenever it is on, with a way to clear it.
 */
import type { AreaChanges, KeyValueArea } from '../platform/key-value-area.ts';
import { isPlanDate } from '../dates/iso-date.ts';
import { realTodayIso } from '../platform/clock.ts';

export const CLOCK_OVERRIDE_KEY = 'clockOverride';

/** The stored pretend date, or `undefined` when the real date is in use (or what is stored is not a date). */
export async function loadClockOverride(area: KeyValueArea): Promise<string | undefined> {
  const value = (await area.get([CLOCK_OVERRIDE_KEY]))[CLOCK_OVERRIDE_KEY];
  return typeof value === 'string' && isPlanDate(value) ? value : undefined;
}

/** What is wrong with a typed pretend date, or null when it can be saved. `badInput`: the browser's date field held an unfinished date. */
export function checkClockOverride(value: string, badInput = false): string | null {
  if (badInput) return 'This is not a real date. Check the day, month and year.';
  if (value === '') return 'Enter the date to pretend it is, with day, month and year.';
  if (!isPlanDate(value)) return 'This is not a real date. Check the day, month and year (a year from 1900 to 2199).';
  return null;
}

/** Saves a pretend date that passed `checkClockOverride`; a bad one is a programmer error (`RangeError`). */
export async function saveClockOverride(area: KeyValueArea, date: string): Promise<void> {
  const problem = checkClockOverride(date);
  if (problem) throw new RangeError(`saveClockOverride: ${problem}`);
  await area.set({ [CLOCK_OVERRIDE_KEY]: date });
}

/** Goes back to the real date. */
export async function clearClockOverride(area: KeyValueArea): Promise<void> {
  await area.remove([CLOCK_OVERRIDE_KEY]);
}

/** True when a storage change sets or clears the pretend date. */
export function touchesClockOverride(changes: AreaChanges): boolean {
  return CLOCK_OVERRIDE_KEY in changes;
}

/** Today as the extension counts it: the pretend date when set, else `realToday`. */
export function effectiveToday(override: string | undefined, realToday: string): string {
  return override ?? realToday;
}

/** Today as the extension counts it, read afresh from storage (for the background, which keeps no state). */
export async function loadToday(area: KeyValueArea, now: Date = new Date()): Promise<string> {
  return effectiveToday(await loadClockOverride(area), realTodayIso(now));
}
