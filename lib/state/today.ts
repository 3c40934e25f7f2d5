/**
 * Today as the pages count it, as a reactive value: the pretend date while one is set, else the
 * machine's local date. Views read `today.current` and re-render when it changes (at local
 * midnight, or when any page sets or clears the pretend date), so no view reads the clock itself.
 * The midnight timer runs only while something reads the value.
 */
import { nextMidnight, realTodayIso, type Clock } from '../platform/clock.ts';
import { sourceView } from './source-view.ts';
import type { View } from './y-view.ts';

/**
 * `pretend`: the pretend date (a stored value; undefined when off). `onWake`: calls back when the
 * page may have slept past midnight (timers stop while a laptop sleeps), returning the unsubscribe.
 */
export function createToday(
  pretend: View<string | undefined>,
  clock: Clock,
  onWake: (callback: () => void) => () => void = () => () => {},
): View<string> {
  return sourceView(
    (changed) => {
      let cancel = () => {};
      const schedule = () => {
        const now = clock.now();
        cancel = clock.after(nextMidnight(now).getTime() - now.getTime(), () => {
          changed();
          // A timer that fires a moment early finds the same date, and is set again for the rest.
          schedule();
        });
      };
      schedule();
      const stopWaking = onWake(changed);
      return () => {
        cancel();
        stopWaking();
      };
    },
    () => pretend.current ?? realTodayIso(clock.now()),
  );
}
