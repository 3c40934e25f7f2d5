/**
 * The plan's membership log (root `membership`): a Y.Array of signed entries, each opaque bytes
 * written by lib/membership and checked by it when read. Entries are only ever appended (the guard
 * refuses an update that deletes one or inserts one anywhere but after an existing entry), so
 * every copy folds them in one order.
 */
import type * as Y from 'yjs';
import { planRoots } from './roots.ts';

/** The transaction origin of membership writes. */
export const MEMBERSHIP_ORIGIN = 'membership';

/** Appends signed entries to the log in one transaction. */
export function appendMembershipEntries(doc: Y.Doc, entries: readonly Uint8Array[]): void {
  if (entries.length === 0) return;
  doc.transact(() => planRoots(doc).membership.push([...entries]), MEMBERSHIP_ORIGIN);
}

/** The log's elements as stored (each may be anything: a peer's bytes are checked when folded). */
export function membershipElements(doc: Y.Doc): unknown[] {
  return planRoots(doc).membership.toArray();
}

/** Where an element of the log was written: the Yjs id (clientID, clock) of its place in the array. */
export interface EntryPlace {
  client: number;
  clock: number;
}

/** The log's elements with their Yjs ids, in order (a removal records which of a device's entries it saw). */
export function membershipElementsWithPlaces(doc: Y.Doc): { elements: unknown[]; places: EntryPlace[] } {
  const elements: unknown[] = [];
  const places: EntryPlace[] = [];
  for (let item = planRoots(doc).membership._start; item !== null; item = item.right) {
    if (item.deleted || !item.countable) continue;
    item.content.getContent().forEach((element, i) => {
      elements.push(element);
      places.push({ client: item!.id.client, clock: item!.id.clock + i });
    });
  }
  return { elements, places };
}
