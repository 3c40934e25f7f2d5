/**
 * Whether applying an update would leave structs or deletions pending: waiting for changes this
 * copy does not have. Yjs keeps such structs in `doc.store.pendingStructs` for ever, stores them,
 * passes them on in every sync reply (encodeStateAsUpdate merges them in) and every backup, so the
 * guard holds such an update back instead. Read from the decoded update and the store's state
 * vector only: no document is changed.
 */
import * as Y from 'yjs';
import type { DecodedUpdate } from './well-formed.ts';

/** True when `decoded` refers to anything neither `doc` nor the update itself holds. */
export function wouldLeavePending(doc: Y.Doc, decoded: DecodedUpdate): boolean {
  const reach = new Map<number, number>();
  const reached = (client: number) => reach.get(client) ?? Y.getState(doc.store, client);
  // What the update adds to the state: each client's structs must continue where the copy is.
  for (const struct of decoded.structs) {
    if (struct instanceof Y.Skip) continue;
    const client = struct.id.client;
    const now = reached(client);
    if (struct.id.clock > now) return true;
    reach.set(client, Math.max(now, struct.id.clock + struct.length));
  }
  for (const struct of decoded.structs) {
    if (!(struct instanceof Y.Item)) continue;
    const parent = struct.parent as unknown;
    for (const id of [struct.origin, struct.rightOrigin, isId(parent) ? parent : null]) {
      if (id && id.clock >= reached(id.client)) return true;
    }
  }
  for (const [client, ranges] of decoded.ds.clients) {
    for (const range of ranges) if (range.clock + range.len > reached(client)) return true;
  }
  return false;
}

export function isId(value: unknown): value is Y.ID {
  return typeof value === 'object' && value !== null && 'client' in value && 'clock' in value && !(value instanceof Y.AbstractType);
}

/**
 * Removes what a copy opened from storage holds pending (an update stored before the guard, or
 * by an older version). Returns whether there was any; the caller then stores the clean state.
 */
export function dropPending(doc: Y.Doc): boolean {
  const had = doc.store.pendingStructs !== null || doc.store.pendingDs !== null;
  doc.store.pendingStructs = null;
  doc.store.pendingDs = null;
  return had;
}
