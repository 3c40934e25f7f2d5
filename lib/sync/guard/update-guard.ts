/**
 * One guarded way in: every update from outside this page (another page of this browser, a
 * colleague over WebRTC, a backup file, later the relay) reaches a plan's document through
 * `guard.applyRemoteUpdate`, which decides before anything is applied:
 * - refused: bytes that do not decode completely, or a struct under a struct that is not a
 *   type; a forged client id (client-conflict.ts); a schema marker this version does not know
 *   (schema-marker.ts, in a scratch copy only when concurrent entries leave it uncertain); a
 *   deletion from the membership log, or an entry put anywhere but after another (membership-append.ts);
 * - held back: it refers to changes this copy does not have yet (pending.ts, held-back.ts);
 * - quarantined: it removes more than a set share of the plan or a saved version, by deleting
 *   (deletion.ts) or by marking records removed (soft-removal.ts), see quarantine.ts: applied
 *   nowhere until a member chooses "Keep our copy" or "Accept". Keeping our copy of records a
 *   colleague marked removed applies their update and then restores those records as a local
 *   command, an ordinary edit that reaches every copy;
 * - applied, with any deletions a member declined (or that await a decision) left out.
 * Never throws.
 */
import * as Y from 'yjs';
import { HeldBack } from './held-back.ts';
import { isMassDeletion, measureRemoval, type Removal } from './deletion.ts';
import { findClientConflict } from './client-conflict.ts';
import { tampersWithMembership } from './membership-append.ts';
import { wouldLeavePending } from './pending.ts';
import { markerAfter, markerOutcome } from './schema-marker.ts';
import { isKnownSchemaVersion, planRoots, restoreRecords } from '../../plan/index.ts';
import { softRemovals } from './soft-removal.ts';
import { decodeUpdateSafely, type DecodedUpdate } from './well-formed.ts';
import { rangeCount, rangeTotal, rangesOf, replaceDeleteSet, subtractRanges, unionRanges, type Ranges } from './delete-set.ts';
import { parseGuardRecord, serialiseGuardRecord, type GuardStore, type QuarantinedUpdate } from './quarantine.ts';

export type RefusalReason = 'malformed' | 'forged-client' | 'schema-marker' | 'membership';

export type Verdict =
  | { kind: 'applied' }
  | { kind: 'held' }
  | { kind: 'quarantined'; id: string }
  | { kind: 'refused'; reason: RefusalReason };

export interface UpdateGuard {
  /** Checks `update` and applies it to the document only if it passes. Never throws. */
  applyRemoteUpdate(update: Uint8Array, origin: unknown): Verdict;
  /** Updates awaiting a member's decision, oldest first. */
  readonly quarantined: readonly QuarantinedUpdate[];
  /** How many updates were refused since the plan was opened, by reason. */
  readonly refused: Readonly<Record<RefusalReason, number>>;
  /** Resolves once the stored quarantine has been read. */
  readonly loaded: Promise<void>;
  /** Applies a quarantined update after all (its other checks are made again); resolves once stored. */
  accept(id: string): Promise<Verdict | null>;
  /**
   * Discards a quarantined update; its deletions are left out of anything that brings them again.
   * Resolves once the decision is stored (a page closed before that would ask again).
   */
  keep(id: string): Promise<void>;
  /** Calls `listener` when the quarantine or the refusals change; returns the unsubscribe. */
  onChange(listener: () => void): () => void;
}

export interface GuardOptions {
  /** Milliseconds; the clock is passed in. */
  now?: () => number;
  store?: GuardStore;
  /** An update with a verdict other than applied (for logs and tests). */
  onVerdict?: (verdict: Verdict, origin: unknown) => void;
  /**
   * A new clientID for this page when someone wrote under its own (default: a random one). A plan
   * session passes one bound to its device (lib/membership clientIdFor), so its edits stay verifiable.
   */
  freshClientId?: (current: number) => number;
}

export function createUpdateGuard(doc: Y.Doc, options: GuardOptions = {}): UpdateGuard {
  const now = options.now ?? (() => Date.now());
  const held = new HeldBack();
  const listeners = new Set<() => void>();
  const refused: Record<RefusalReason, number> = { malformed: 0, 'forged-client': 0, 'schema-marker': 0, membership: 0 };
  let quarantined: QuarantinedUpdate[] = [];
  let declined: Ranges = new Map();
  let serial = 0;
  /** Deletions not to apply now: declined ones, and those waiting for a decision (kept until either changes). */
  let withheldCache: Ranges | null = null;

  const changed = () => {
    withheldCache = null;
    for (const listener of listeners) listener();
  };
  const persist = (): Promise<void> =>
    options.store?.save(serialiseGuardRecord({ quarantined, declined })).catch(() => {}) ?? Promise.resolve();
  const loaded = (options.store?.load() ?? Promise.resolve(undefined)).then(
    (value) => {
      const record = parseGuardRecord(value);
      quarantined = [...record.quarantined, ...quarantined];
      declined = unionRanges(record.declined, declined);
      withheldCache = null;
      if (record.quarantined.length > 0) changed();
    },
    () => {},
  );

  const withheld = (): Ranges =>
    (withheldCache ??= quarantined.reduce((all, q) => unionRanges(all, deletionsOf(q.bytes)), declined));

  function check(update: Uint8Array, origin: unknown, allowMassDeletion: boolean): Verdict {
    let decoded: DecodedUpdate | null = decodeUpdateSafely(update);
    if (!decoded) return { kind: 'refused', reason: 'malformed' };
    let ranges = rangesOf(decoded.ds);
    const withholding = withheld();
    if (rangeCount(ranges) > 0 && withholding.size > 0) {
      const kept = subtractRanges(ranges, withholding);
      if (rangeTotal(kept) !== rangeTotal(ranges)) {
        const rewritten = replaceDeleteSet(update, ranges, kept);
        if (!rewritten) return { kind: 'refused', reason: 'malformed' };
        update = rewritten;
        decoded = decodeUpdateSafely(update);
        if (!decoded) return { kind: 'refused', reason: 'malformed' };
        ranges = kept;
      }
    }
    const conflict = findClientConflict(doc, decoded);
    if (conflict) {
      // Someone writes under this page's client id: write under a fresh one from now on (as Yjs
      // itself does when it meets its id in a remote update), so our next edits cannot collide
      // with theirs in colleagues' copies.
      if (conflict.kind === 'own-client') doc.clientID = (options.freshClientId ?? freshClientId)(doc.clientID);
      return { kind: 'refused', reason: 'forged-client' };
    }
    if (wouldLeavePending(doc, decoded)) {
      return held.hold(update, origin, now()) ? { kind: 'held' } : { kind: 'refused', reason: 'malformed' };
    }
    if (tampersWithMembership(doc, decoded, ranges)) return { kind: 'refused', reason: 'membership' };
    const marker = markerOutcome(doc, decoded, ranges);
    if (marker === 'unknown') return { kind: 'refused', reason: 'schema-marker' };
    // Honest Yjs never puts a struct under a struct that is not a type.
    if (hasDanglingParent(doc, decoded)) return { kind: 'refused', reason: 'malformed' };
    if (marker === 'needs-scratch') {
      const after = markerAfter(doc, update);
      if (after.failed) return { kind: 'refused', reason: 'malformed' };
      if (!isKnownSchemaVersion(after.value)) return { kind: 'refused', reason: 'schema-marker' };
    }
    if (!allowMassDeletion) {
      const removal: Removal = rangeCount(ranges) > 0 ? measureRemoval(doc, ranges) : { records: 0, text: 0, versions: 0 };
      const soft = softRemovals(doc, decoded, ranges);
      removal.records += soft.records.length;
      // A saved version marked removed is always asked about, whoever recorded why (versions.ts).
      const versions = planRoots(doc).versions;
      removal.versions += soft.records.filter((record) => record.parent === versions).length;
      if (isMassDeletion(doc, removal)) {
        // A colleague's copy sends the same marks again with every sync: one question, not one per round.
        const waiting = soft.entries.length > 0 ? quarantined.find((q) => coversEntries(doc, q.bytes, soft.entries)) : undefined;
        return waiting ? { kind: 'quarantined', id: waiting.id } : quarantine(update, removal);
      }
    }
    // Every check is made: the decoded copy (a catch-up's whole plan) can go before Yjs decodes it again.
    decoded = null;
    try {
      Y.applyUpdate(doc, update, origin);
    } catch {
      return { kind: 'refused', reason: 'malformed' };
    }
    return { kind: 'applied' };
  }

  function quarantine(bytes: Uint8Array, removal: Removal): Verdict {
    const id = `${now()}-${++serial}`;
    quarantined = [...quarantined, { id, receivedAt: now(), bytes: bytes.slice(), removal }];
    void persist();
    changed();
    return { kind: 'quarantined', id };
  }

  function run(update: Uint8Array, origin: unknown, allowMassDeletion = false): Verdict {
    const verdict = check(update, origin, allowMassDeletion);
    if (verdict.kind === 'refused') {
      refused[verdict.reason]++;
      changed();
    }
    if (verdict.kind !== 'applied') options.onVerdict?.(verdict, origin);
    else releaseHeld();
    return verdict;
  }

  /** Offers every held update again once something new arrived: what it waited for may be here. */
  function releaseHeld(): void {
    held.expire(now());
    let progress = true;
    while (progress && held.size > 0) {
      progress = false;
      for (const { update, origin } of held.takeAll()) {
        const verdict = check(update, origin, false);
        if (verdict.kind === 'applied') progress = true;
      }
    }
  }

  return {
    applyRemoteUpdate: (update, origin) => run(update, origin),
    get quarantined() {
      return quarantined;
    },
    get refused() {
      return refused;
    },
    loaded,
    async accept(id) {
      const entry = quarantined.find((q) => q.id === id);
      if (!entry) return null;
      quarantined = quarantined.filter((q) => q.id !== id);
      // Its deletions are no longer withheld: forget the cache before applying it.
      withheldCache = null;
      const verdict = run(entry.bytes, { source: 'quarantine-accepted' }, true);
      changed();
      await persist();
      return verdict;
    },
    async keep(id) {
      const entry = quarantined.find((q) => q.id === id);
      if (!entry) return;
      quarantined = quarantined.filter((q) => q.id !== id);
      declined = unionRanges(declined, deletionsOf(entry.bytes));
      changed();
      // Records it marks removed cannot be left out of it (they are new entries, not deletions): it
      // is applied without its deletions, and then those records are restored by a local command.
      const decoded = decodeUpdateSafely(entry.bytes);
      const marked = decoded ? softRemovals(doc, decoded, new Map()).records : [];
      if (marked.length > 0 && run(entry.bytes, { source: 'quarantine-kept' }, true).kind === 'applied') {
        restoreRecords(doc, marked.filter((record) => record.get('deleted') === true));
      }
      await persist();
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** The deletions of stored quarantined bytes (none if they no longer decode: storage is untrusted). */
function deletionsOf(bytes: Uint8Array): Ranges {
  const decoded = decodeUpdateSafely(bytes);
  return decoded ? rangesOf(decoded.ds) : new Map();
}

/** Whether every entry in `entries` is also written by the stored quarantined `bytes`. */
function coversEntries(doc: Y.Doc, bytes: Uint8Array, entries: readonly Y.ID[]): boolean {
  const decoded = decodeUpdateSafely(bytes);
  if (!decoded) return false;
  const theirs = softRemovals(doc, decoded, new Map()).entries;
  return entries.every((id) => theirs.some((other) => other.client === id.client && other.clock === id.clock));
}

/** A new random 32-bit client id (Yjs's own range), never the one in use. */
function freshClientId(current: number): number {
  const ids = new Uint32Array(1);
  do globalThis.crypto.getRandomValues(ids);
  while (ids[0] === current);
  return ids[0]!;
}

/**
 * Whether an item names as its parent something that is not a shared type (Yjs would throw half
 * way through applying it): checked against the update's own items and this copy's store.
 */
function hasDanglingParent(doc: Y.Doc, decoded: ReturnType<typeof Y.decodeUpdate>): boolean {
  // The update's structs come client by client in clock order: found again by binary search.
  const byClient = new Map<number, (Y.Item | Y.GC | Y.Skip)[]>();
  for (const struct of decoded.structs) {
    const list = byClient.get(struct.id.client);
    if (list) list.push(struct);
    else byClient.set(struct.id.client, [struct]);
  }
  for (const struct of decoded.structs) {
    if (!(struct instanceof Y.Item)) continue;
    const parent = struct.parent as unknown;
    if (typeof parent !== 'object' || parent === null || parent instanceof Y.AbstractType) continue;
    const id = parent as Y.ID;
    const own = byClient.get(id.client);
    const last = own?.[own.length - 1];
    if (own && last && own[0]!.id.clock <= id.clock && id.clock < last.id.clock + last.length) {
      const found = own[Y.findIndexSS(own as Y.Item[], id.clock)];
      if (found instanceof Y.Item && !(found.content instanceof Y.ContentType)) return true;
      if (found) continue;
    }
    const structs = doc.store.clients.get(id.client);
    if (!structs || id.clock >= Y.getState(doc.store, id.client)) continue; // pending: held back before
    const stored = structs[Y.findIndexSS(structs, id.clock)];
    if (stored instanceof Y.Item && !(stored.content instanceof Y.ContentType) && !(stored.content instanceof Y.ContentDeleted)) return true;
  }
  return false;
}
