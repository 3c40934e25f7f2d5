/**
 * The order meetings are listed in: newest first, so the last conference and the next booked
 * meeting are at the top. Ties (two meetings on one day) put the one added later first; the id
 * settles anything left, so every peer lists the same meetings in the same order.
 */
import { isIsoDate } from '../plan/index.ts';

export interface DatedRecord {
  id: string;
  order: number;
  date: string;
}

/**
 * A new array of `meetings`, newest date first. A meeting whose date is missing or not a real date
 * (a peer's half-typed value) goes last, where it is easy to spot and fix; `meetings` is unchanged.
 */
export function sortMeetingsNewestFirst<T extends DatedRecord>(meetings: readonly T[]): T[] {
  const dated = (m: T) => isIsoDate(m.date);
  return [...meetings].sort((a, b) => {
    if (dated(a) !== dated(b)) return dated(a) ? -1 : 1;
    if (a.date !== b.date) return a.date < b.date ? 1 : -1;
    if (a.order !== b.order) return b.order - a.order;
    return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
  });
}
