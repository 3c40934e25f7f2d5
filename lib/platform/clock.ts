/** The one place the app reads the clock; everything below takes `today` as a parameter. */
import { format } from 'date-fns';

/** Today's date on this machine, yyyy-MM-dd, in local time. */
export function todayIso(now: Date = new Date()): string {
  return format(now, 'yyyy-MM-dd');
}
