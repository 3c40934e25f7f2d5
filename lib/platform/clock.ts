/**
 * The machine's clock, behind an interface so what follows the date (lib/state/today.ts) runs
 * against a fake in tests. Everything below the pages takes `today` as a parameter.
 *
 * A page may pretend today is another date (the "Pretend today is" setting, for training sessions
 * and tests): that lives in extension storage (lib/settings/clock-override.ts) and pages follow it
 * through the services' `today`. The background service worker keeps no state between events and
 * reads the setting itself (`loadToday`).
 */
import { format } from 'date-fns';

export interface Clock {
  now(): Date;
  /** Calls `callback` once after `ms` milliseconds; returns the cancel function. */
  after(ms: number, callback: () => void): () => void;
}

/** The machine's clock and timers. */
export const systemClock: Clock = {
  now: () => new Date(),
  after(ms, callback) {
    const timer = setTimeout(callback, ms);
    return () => clearTimeout(timer);
  },
};

/** Today's date on this machine, yyyy-MM-dd in local time, ignoring any pretend date. */
export function realTodayIso(now: Date = new Date()): string {
  return format(now, 'yyyy-MM-dd');
}

/** The next local midnight after `now` (the start of tomorrow, whatever the clocks do overnight). */
export function nextMidnight(now: Date): Date {
  return new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1);
}
