/**
 * Forged client ids. Yjs identifies every struct by (client id, clock) and skips a struct it
 * already holds without looking at it, so a copy writing under another member's client id makes
 * replicas hold different content under equal state vectors: a split sync never repairs. The
 * guard refuses an update that
 * - writes under this copy's own client id beyond what this copy wrote (only this page writes it);
 * - holds a struct this copy already has, with different content.
 */
import * as Y from 'yjs';
import type { DecodedUpdate } from './well-formed.ts';

export type ClientConflict = { kind: 'own-client' | 'different-content'; client: number } | null;

export function findClientConflict(doc: Y.Doc, decoded: DecodedUpdate): ClientConflict {
  for (const struct of decoded.structs) {
    if (struct instanceof Y.Skip) continue;
    const client = struct.id.client;
    const state = Y.getState(doc.store, client);
    if (client === doc.clientID && struct.id.clock + struct.length > state) return { kind: 'own-client', client };
    if (struct.id.clock < state && struct instanceof Y.Item && !sameAsStored(doc, struct, state)) {
      return { kind: 'different-content', client };
    }
  }
  return null;
}

/** Whether the part of `incoming` this copy already holds is the same content as what it holds. */
function sameAsStored(doc: Y.Doc, incoming: Y.Item, state: number): boolean {
  const structs = doc.store.clients.get(incoming.id.client);
  if (!structs) return true;
  const end = Math.min(incoming.id.clock + incoming.length, state);
  for (let i = Y.findIndexSS(structs, incoming.id.clock); i < structs.length && structs[i]!.id.clock < end; i++) {
    const ours = structs[i]!;
    if (!(ours instanceof Y.Item)) continue; // collected: nothing left to compare
    const from = Math.max(ours.id.clock, incoming.id.clock);
    const to = Math.min(ours.id.clock + ours.length, end);
    if (!sameContent(ours, incoming, from, to)) return false;
    if (from === ours.id.clock && from === incoming.id.clock && !sameId(ours.origin, incoming.origin)) return false;
  }
  return true;
}

function sameContent(ours: Y.Item, theirs: Y.Item, from: number, to: number): boolean {
  const a = ours.content;
  const b = theirs.content;
  if (a instanceof Y.ContentDeleted || b instanceof Y.ContentDeleted) return true; // one side collected
  if (a.constructor !== b.constructor) return false;
  if (a instanceof Y.ContentString && b instanceof Y.ContentString) {
    return a.str.slice(from - ours.id.clock, to - ours.id.clock) === b.str.slice(from - theirs.id.clock, to - theirs.id.clock);
  }
  if (a instanceof Y.ContentAny && b instanceof Y.ContentAny) {
    return JSON.stringify(a.arr.slice(from - ours.id.clock, to - ours.id.clock)) === JSON.stringify(b.arr.slice(from - theirs.id.clock, to - theirs.id.clock));
  }
  if (a instanceof Y.ContentType && b instanceof Y.ContentType) return a.type.constructor === b.type.constructor;
  return true;
}

function sameId(a: Y.ID | null, b: Y.ID | null): boolean {
  return a === b || (a !== null && b !== null && a.client === b.client && a.clock === b.clock);
}
