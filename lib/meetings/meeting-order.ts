/**
 * The order meetings are listed in: newest first, so the last conference and the next booked
 * meeting are at the top. Ties (two meetings on one day) put the one added later first; the id
 * settles anything left, so every peer lists the same meetings in the same order.
 */
import { compareDatedFirst } from '../dates/date-order.ts';

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
  return [...meetings].sort(
    (a, b) => compareDatedFirst(a.date, b.date, 'newest-first') || b.order - a.order || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0),
  );
}
