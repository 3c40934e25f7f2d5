/**
 * The multi-agency chronology as members read it: one list merged from every member's entries,
 * oldest event first (a chronology tells the story in order). Entries on the same day keep the
 * order they were added in (their `order` key); the id settles entries two members added at once,
 * so every peer shows the same list. Entries with a missing or broken date go last.
 */
import { compareDatedFirst } from '../dates/date-order.ts';

export interface ChronologyItem {
  id: string;
  order: number;
  date: string;
  agency: string;
}

/** A new array of `entries` in chronology order; `entries` is unchanged. */
export function sortChronology<T extends ChronologyItem>(entries: readonly T[]): T[] {
  return [...entries].sort(
    (a, b) => compareDatedFirst(a.date, b.date) || a.order - b.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

/** Agency names compare without surrounding spaces or case ("Health " is "health"). */
function agencyKey(agency: string): string {
  return agency.trim().toLocaleLowerCase('en-GB');
}

/**
 * The agencies the entries come from, each once (as first written), sorted alphabetically: the
 * choices of the agency filter. Entries with no agency add nothing.
 */
export function agenciesOf(entries: readonly { agency: string }[]): string[] {
  const byKey = new Map<string, string>();
  for (const e of entries) {
    const key = agencyKey(e.agency);
    if (key !== '' && !byKey.has(key)) byKey.set(key, e.agency.trim());
  }
  return [...byKey.values()].sort((a, b) => a.localeCompare(b, 'en-GB', { sensitivity: 'base' }));
}

/** The entries from `agency` (compared as agenciesOf does), in the order given; all of them for ''. */
export function filterByAgency<T extends { agency: string }>(entries: readonly T[], agency: string): T[] {
  if (agency.trim() === '') return [...entries];
  const key = agencyKey(agency);
  return entries.filter((e) => agencyKey(e.agency) === key);
}
