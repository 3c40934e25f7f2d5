/**
 * What a plan's document keeps so that its saved versions can be shown.
 *
 * A version is a Yjs snapshot (a state vector and a delete set, lib/history/versions.ts): it names
 * which items of the plan's own document were there at that moment, and costs what changed, not
 * the size of the plan. Showing it needs the content of items deleted since, so a plan's document
 * keeps deleted content that some saved version shows and garbage-collects the rest (text typed and
 * deleted between two versions, a field overwritten twice). Kept content is in the document's own
 * encoding, so it is stored, synced and backed up with the plan.
 *
 * Conservative, because versions arrive like any other edit: a copy may receive a deletion before
 * the version record that still shows the deleted text (a third member's copy, updates in another
 * order). So a deleted item is collected only when it was inserted before a version this copy
 * knows (that version's state vector covers all of it) and no known version shows it: content
 * added after every known version is kept, as a version not yet received may show it. Once a
 * later version is saved here, collectUnshown frees what that version proves nobody needs.
 *
 * A version's own record (its name, its snapshot bytes) is never kept for another version: an
 * older version's bytes replaced by its compact form must really be freed.
 */
import * as Y from 'yjs';
import { ROOT } from '../plan/roots.ts';

type Ranges = { clock: number; len: number }[];

/** Decoded snapshots by their stored bytes (the record's value, shared by every reader). */
const decoded = new WeakMap<Uint8Array, Y.Snapshot>();
const keeping = new WeakSet<Y.Doc>();
/** Documents loading their stored copy: what arrives deleted was kept by the copy that stored it. */
const loading = new WeakSet<Y.Doc>();
/** Per document, the clocks below which collectUnshown has already decided every deleted item. */
const collectedBelow = new WeakMap<Y.Doc, Map<number, number>>();

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
 * Makes `doc` keep the deleted content its saved versions show (idempotent). Every plan document
 * opened for editing gets this before anything is loaded into it (plan-session.ts), and
 * saveVersion makes sure of it too.
 */
export function keepHistory(doc: Y.Doc): void {
  if (keeping.has(doc)) return;
  keeping.add(doc);
  doc.gcFilter = (item) => !neededByVersion(doc, item);
  // A version saved here or received: collect what it proves no version needs.
  let versionArrived = false;
  doc.on('afterTransaction', (transaction: Y.Transaction) => {
    const versions = doc.share.get(ROOT.versions);
    if (versions && transaction.changed.has(versions)) versionArrived = true;
  });
  doc.on('afterAllTransactions', () => {
    if (!versionArrived) return;
    versionArrived = false;
    collectUnshown(doc);
  });
}

/** Whether `doc` keeps its versions' content (keepHistory was called on it). */
export function keepsHistory(doc: Y.Doc): boolean {
  return keeping.has(doc);
}

/**
 * While `doc` loads its own stored copy, deleted content in it is kept without asking which
 * version shows it: that copy already collected what no version showed, and deciding again would
 * decode every version's snapshot on every open. Returns the end of loading.
 */
export function loadingStoredCopy(doc: Y.Doc): () => void {
  loading.add(doc);
  return () => void loading.delete(doc);
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

/**
 * After a version is saved or received: collects deleted content that is now covered by a known version
 * and shown by none (what was typed and deleted since the version before). Yjs decides about an
 * item only in the transaction that deletes it, so without this such text would be kept for good.
 */
export function collectUnshown(doc: Y.Doc): void {
  if (!doc.gc || !keeping.has(doc) || loading.has(doc)) return;
  // Below the newest clocks known versions had reached at the last pass, every deleted item was
  // already decided (collected, or kept because a version shows it): look only above them.
  const floor = collectedBelow.get(doc);
  const ds = Y.createDeleteSetFromStructStore(doc.store);
  if (floor) {
    for (const [client, ranges] of ds.clients) {
      const from = floor.get(client) ?? 0;
      const above = (ranges as Ranges).filter((r) => r.clock + r.len > from);
      if (above.length > 0) ds.clients.set(client, above as typeof ranges);
      else ds.clients.delete(client);
    }
  }
  Y.tryGc(ds, doc.store, doc.gcFilter);
  const reached = new Map<number, number>();
  for (const snapshot of versionSnapshots(doc.share.get(ROOT.versions))) {
    for (const [client, clock] of snapshot.sv) reached.set(client, Math.max(clock, reached.get(client) ?? 0));
  }
  collectedBelow.set(doc, reached);
}

function neededByVersion(doc: Y.Doc, item: Y.Item): boolean {
  // Already without content (collected before), or part of a version's own record: free it.
  if (item.content instanceof Y.ContentDeleted) return false;
  const versions = doc.share.get(ROOT.versions);
  if (isVersionRecord(versions, item)) return false;
  if (loading.has(doc)) return true;
  let covered = false;
  for (const snapshot of versionSnapshots(versions)) {
    if (visibleIn(item, snapshot)) return true;
    covered ||= item.id.clock + item.length <= (snapshot.sv.get(item.id.client) ?? 0);
  }
  // Added after every version this copy knows: a version it has not yet received may show it.
  return !covered;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function isVersionRecord(versions: Y.AbstractType<any> | undefined, item: { parent: unknown }): boolean {
  if (!versions) return false;
  if (item.parent === versions) return true;
  return item.parent instanceof Y.Map && item.parent._item?.parent === versions;
}

/** The decoded snapshots of every version in the list (removed ones too: Keep restores them). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function versionSnapshots(versions: Y.AbstractType<any> | undefined): Y.Snapshot[] {
  if (!versions) return [];
  const snapshots: Y.Snapshot[] = [];
  for (const record of arrayMaps(versions)) {
    const bytes = record.get('snapshot');
    if (!(bytes instanceof Uint8Array) || bytes.length === 0) continue;
    const snapshot = decodeVersionSnapshot(bytes);
    if (snapshot) snapshots.push(snapshot);
  }
  return snapshots;
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

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function arrayMaps(versions: Y.AbstractType<any>): Y.Map<unknown>[] {
  const maps: Y.Map<unknown>[] = [];
  for (let n = versions._start; n !== null; n = n.right) {
    if (!n.deleted && n.content instanceof Y.ContentType && n.content.type instanceof Y.Map) maps.push(n.content.type);
  }
  return maps;
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
