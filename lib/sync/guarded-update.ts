/**
 * Applying update bytes that came from elsewhere (another page, a backup file) without letting a
 * malformed one change the document. `Y.applyUpdate` is not atomic: it integrates structs one by
 * one and reads the delete set last, so an update whose delete set is cut off or corrupt is half
 * applied before it throws (found by tests/unit/sync/malformed-sync.test.ts). `Y.decodeUpdate`
 * reads the whole update, delete set included, without touching any document, so it runs first.
 * Never `Y.mergeUpdates*` on untrusted bytes: yjs#687 can hang it.
 */
import * as Y from 'yjs';

/** True when `update` decodes completely, with no empty delete ranges (Yjs throws on those later). */
export function isWellFormedUpdate(update: Uint8Array): boolean {
  try {
    const decoded = Y.decodeUpdate(update);
    for (const items of decoded.ds.clients.values()) {
      for (const item of items) if (!(item.len > 0)) return false;
    }
    return true;
  } catch {
    return false;
  }
}

/** Applies `update` if it is well formed; returns whether it was applied. Never throws. */
export function applyUpdateSafely(doc: Y.Doc, update: Uint8Array, origin: unknown): boolean {
  if (!isWellFormedUpdate(update)) return false;
  try {
    Y.applyUpdate(doc, update, origin);
    return true;
  } catch {
    return false;
  }
}

/** The updates `doc` has that a peer with `stateVector` lacks, or null when the vector is malformed. */
export function diffForStateVector(doc: Y.Doc, stateVector: Uint8Array): Uint8Array | null {
  try {
    return Y.encodeStateAsUpdate(doc, stateVector);
  } catch {
    return null;
  }
}
