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
