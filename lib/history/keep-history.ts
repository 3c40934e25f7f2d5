/**
 * What a plan's document keeps so that its saved versions can be shown.
 *
 * A version is a Yjs snapshot (a state vector and a delete set, lib/history/versions.ts): it names
 * which items of the plan's own document were there at that moment, and costs what changed, not
 * the size of the plan. Showing it needs the content of items deleted since, so a plan's document
 * keeps deleted content. Kept content is in the document's own encoding, so it is stored, synced
 * and backed up with the plan.
 *
 * Which deleted content can be freed is decided by what this copy can prove, and it can prove
 * little: versions arrive like any other edit, in any order and late. A colleague's copy that had
 * some text but not yet its deletion may save a version showing it, and that version may reach
 * this copy a week later, after this copy has saved versions of its own that do not show it.
 * (An earlier rule freed text that every version known here left out; a random two-member
 * history found the case above, where a colleague's version then could not be shown.) So content
 * is freed only when no other copy can ever have seen it: typed and deleted in one local
 * transaction (Yjs would have merged it away anyway). Everything else deleted is kept; on the
 * year-long fixture that is about 13 KB more than the earlier rule (bench/history.bench.ts).
 *
 * A version's own record (its name, its snapshot bytes) is not plan content a version shows: an
 * older version's bytes replaced by its compact form are really freed.
 */
import * as Y from 'yjs';
import { ROOT } from '../plan/roots.ts';

type Ranges = { clock: number; len: number }[];

/** Decoded snapshots by their stored bytes (the record's value, shared by every reader). */
const decoded = new WeakMap<Uint8Array, Y.Snapshot>();
const keeping = new WeakSet<Y.Doc>();

/** `bytes` decoded as a snapshot (cached by identity), or undefined when they do not decode. */
export function decodeVersionSnapshot(bytes: Uint8Array): Y.Snapshot | undefined {
  let snapshot = decoded.get(bytes);
  if (!snapshot) {
    try {
      snapshot = Y.decodeSnapshotV2(bytes);
    } catch {
      return undefined;
    }
    decoded.set(bytes, snapshot);
  }
  return snapshot;
}

/**
 * Makes `doc` keep the deleted content its saved versions may show (idempotent). Every plan
 * document opened for editing gets this before anything is loaded into it (plan-session.ts), and
 * saveVersion makes sure of it too.
 */
export function keepHistory(doc: Y.Doc): void {
  if (keeping.has(doc)) return;
  keeping.add(doc);
  // Yjs frees deleted content while it cleans up the transaction that deleted it, just after
  // 'beforeObserverCalls' for that same transaction: remember which one it is.
  let cleaning: Y.Transaction | undefined;
  doc.on('beforeObserverCalls', (transaction: Y.Transaction) => {
    cleaning = transaction;
  });
  doc.gcFilter = (item) => freeable(doc, item, cleaning);
}

/** Whether `doc` keeps its versions' content (keepHistory was called on it). */
export function keepsHistory(doc: Y.Doc): boolean {
  return keeping.has(doc);
}

/**
 * Runs `fn` with garbage collection off: Yjs refuses to restore a snapshot from a document that
 * collects garbage, though this one keeps all that its versions need.
 */
export function withGcOff<T>(doc: Y.Doc, fn: () => T): T {
  const gc = doc.gc;
  doc.gc = false;
  try {
    return fn();
  } finally {
    doc.gc = gc;
  }
}

/** Whether the deleted `item` may lose its content: see the top of this file. */
function freeable(doc: Y.Doc, item: Y.Item, transaction: Y.Transaction | undefined): boolean {
  if (item.content instanceof Y.ContentDeleted) return true;
  if (isVersionRecord(doc.share.get(ROOT.versions), item)) return true;
  if (!transaction || transaction.doc !== doc || !transaction.local) return false;
  // Inserted in this same local transaction: no other copy has seen it.
  return item.id.client === doc.clientID && item.id.clock >= (transaction.beforeState.get(item.id.client) ?? 0);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function isVersionRecord(versions: Y.AbstractType<any> | undefined, item: { parent: unknown }): boolean {
  if (!versions) return false;
  if (item.parent === versions) return true;
  return item.parent instanceof Y.Map && item.parent._item?.parent === versions;
}

/**
 * Whether this copy holds everything `snapshot` shows: every update it names, and the content of
 * every item it shows (none collected here, for example before this copy had the version). A
 * version's own record is left out: its older bytes are freed on purpose.
 */
export function holdsAllOf(doc: Y.Doc, snapshot: Y.Snapshot): boolean {
  const versions = doc.share.get(ROOT.versions);
  for (const [client, clock] of snapshot.sv) {
    if (clock === 0) continue;
    const structs = doc.store.clients.get(client);
    const last = structs?.[structs.length - 1];
    if (!last || last.id.clock + last.length < clock) return false;
    for (const struct of structs) {
      if (struct.id.clock >= clock) break;
      const lost = struct instanceof Y.GC || (struct instanceof Y.Item && struct.content instanceof Y.ContentDeleted && !isVersionRecord(versions, struct));
      if (lost && visibleIn(struct, snapshot)) return false;
    }
  }
  return true;
}

/**
 * Whether any part of `item` was there at `snapshot`: some clock of it below the snapshot's state
 * and outside its delete set. (Yjs's isVisible looks at the first clock only; deleted neighbours
 * merge, so one item can hold text a version shows beside text it does not.)
 */
export function visibleIn(item: { id: Y.ID; length: number }, snapshot: Y.Snapshot): boolean {
  const { client, clock } = item.id;
  const end = Math.min(clock + item.length, snapshot.sv.get(client) ?? 0);
  if (end <= clock) return false;
  const deleted = (snapshot.ds.clients.get(client) ?? []) as Ranges;
  let from = clock;
  // Ranges are sorted and merged in a decoded delete set: walk those that touch [from, end).
  let i = firstRangeEndingAfter(deleted, from);
  for (; i < deleted.length && from < end; i++) {
    const r = deleted[i]!;
    if (r.clock > from) return true;
    from = Math.max(from, r.clock + r.len);
  }
  return from < end;
}

function firstRangeEndingAfter(ranges: Ranges, clock: number): number {
  let lo = 0;
  let hi = ranges.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ranges[mid]!.clock + ranges[mid]!.len <= clock) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
