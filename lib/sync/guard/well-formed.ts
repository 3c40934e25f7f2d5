/**
 * Reading update bytes that came from elsewhere without touching any document. `Y.applyUpdate` is
 * not atomic: it integrates structs one by one and reads the delete set last, so an update whose
 * delete set is cut off or corrupt is half applied before it throws (found by
 * tests/unit/sync/malformed-sync.test.ts). `Y.decodeUpdate` reads the whole update, delete set
 * included, so every check starts from it. Never `Y.mergeUpdates*` on untrusted bytes: yjs#687 can
 * hang it.
 */
import * as Y from 'yjs';

export type DecodedUpdate = ReturnType<typeof Y.decodeUpdate>;

/** The decoded update, or null when it does not decode completely or has empty delete ranges. */
export function decodeUpdateSafely(update: Uint8Array): DecodedUpdate | null {
  try {
    const decoded = Y.decodeUpdate(update);
    for (const items of decoded.ds.clients.values()) {
      for (const item of items) if (!(item.len > 0)) return null;
    }
    return decoded;
  } catch {
    return null;
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
