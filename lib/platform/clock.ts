/**
 * The one place the app reads the clock; everything below takes `today` as a parameter.
 *
 * A page may pretend today is another date (the "Pretend today is" setting, for training sessions
 * and tests). The setting lives in extension storage (lib/settings/clock-override.ts); `startApp`
 * loads it before anything renders and keeps this page's copy in step, so `todayIso()` answers at
 * once wherever a page asks. This is the page's only clock state. The background service worker
 * keeps no state between events: it never sets a pretend date here and reads the setting itself.
 */
import { format } from 'date-fns';

/** The date this page pretends is today, when the setting is on (module state: one per page). */
let pretendToday: string | undefined;

/** Today's date on this machine, yyyy-MM-dd in local time, ignoring any pretend date. */
export function realTodayIso(now: Date = new Date()): string {
  return format(now, 'yyyy-MM-dd');
}

/** Today for this page: the pretend date when one is set, else the machine's date (local time). */
export function todayIso(now: Date = new Date()): string {
  return pretendToday ?? realTodayIso(now);
}

/** Sets (a yyyy-MM-dd date, already checked) or clears (`undefined`) this page's pretend date. */
export function setPretendToday(date: string | undefined): void {
  pretendToday = date;
}
