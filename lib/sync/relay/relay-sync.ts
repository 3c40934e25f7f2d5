/**
 * A shared plan's store-and-forward sync through the relay (server/relay/PROTOCOL.md), beside
 * y-webrtc: this device's edits are sealed (seal.ts) into an outbox kept in the plan's database
 * (relay-store.ts) and pushed, signed with the room's write key (keys.ts), until the relay
 * acknowledges them, also after a reconnect or a browser restart (ids make a retry harmless);
 * colleagues' envelopes are opened and applied through the plan's update guard, never directly.
 * An envelope that does not open is dropped with a warning and changes nothing.
 *
 * The cursor (log id, last sequence) is kept durably so a reopened plan catches up from where it
 * was. When the relay lost its data (a new log id, or a head behind our cursor, §8), we merge what
 * it still has and push back what it lacks: "Restored the relay's copy from this device". When the
 * room's tail grows long and this copy is in sync, it uploads a sealed snapshot (§7) after a random
 * 0–10 s wait; a snapshot received is merged, never used to replace our copy.
 *
 * The outbox record of an edit is written asynchronously, so a browser killed just after a
 * keystroke can keep the edit in the plan but lose its record. The cursor also keeps the state
 * vector of what the relay holds (received from it or acknowledged by it); on every connect,
 * whatever this copy has beyond that and the outbox is pushed as one envelope.
 *
 * Frames are handled one at a time in arrival order (§6): every handler runs in one queue.
 *
 * Every envelope's plaintext is a signed frame (frame-checks.ts): live updates (kind 'update') carry
 * only this session's structs; re-seeds and what the relay lacked go as 'catch-up', snapshots as
 * 'snapshot', both vouched for by their signer. What arrives is checked before the guard: refused
 * (a removed or unknown-key signer, a bad signature, a live update under another session's clientID)
 * counts as dropped; from a device the plan does not know yet, it is held (at most MAX_HELD) and
 * checked again whenever the membership changes.
 */
import * as Y from 'yjs';
import type { UpdateGuard } from '../guard/update-guard.ts';
import { bytesEqual, pushBody, setKeyBody, snapshotBody, syncFrame, toHex, ZERO_ID, envelopeFrameBytes, PUSH_OVERHEAD_BYTES, type Hello, type RoomState, type ServerFrame } from './codec.ts';
import { connectRelay, systemClock, type Clock, type RelayConnection, type SocketFactory } from './connection.ts';
import { writeKeyFromSeed, type RelayKeys } from './keys.ts';
import { open, seal, type Opened, type SealedKind } from './seal.ts';
import { writtenOnlyBy, signedBody, type Checked, type FrameAuth } from '../frame-checks.ts';
import { deleteOutboxEntry, loadCursor, loadOutbox, saveCursor, saveOutboxEntry, type OutboxEntry, type RelayCursor, type RelayStore } from './relay-store.ts';

/** The origin of every update the relay brings (for the guard and for `update` listeners). */
export const RELAY_ORIGIN = Object.freeze({ source: 'relay' });

export interface RelayStatus {
  /** 'online' once the relay greeted us; 'offline' after we lost it (retrying). */
  connection: 'connecting' | 'online' | 'offline';
  /** Caught up with everything the relay had when we last synced. */
  caughtUp: boolean;
  /** This device's edits not yet acknowledged by the relay. */
  waiting: number;
  /** When the relay last acknowledged an edit of ours (ms since the epoch), across restarts. */
  lastSentAt: number | null;
  /** When we last caught up with or heard from the relay, across restarts. */
  lastHeardAt: number | null;
  /** Colleagues' edits received since this plan was opened. */
  received: number;
  /** Envelopes that failed to open and were dropped (tampered with, or not this plan's). */
  dropped: number;
  /** The relay had lost this plan's copy and this device restored it. */
  restored: boolean;
  /** Something the member should know that retrying will not fix, or null. */
  problem: string | null;
}

export interface RelaySync {
  readonly status: RelayStatus;
  onStatus(listener: (status: RelayStatus) => void): () => void;
  /** Resolves once the stored outbox and cursor are loaded. */
  readonly ready: Promise<void>;
  /**
   * One catch-up with the relay, pushing the outbox: resolves when this copy is up to date and every
   * edit is acknowledged; rejects with a reason (an Error whose message is for logs) otherwise. With
   * `live: false` it opens its own connection (Firefox's background alarm) and closes it after.
   */
  pullOnce(timeoutMs?: number): Promise<void>;
  /**
   * Hands the room to a fresh random write key nobody keeps (SET_KEY, PROTOCOL.md §4), so nobody,
   * this device included, can write it again: the end of a membership epoch. Resolves true once the
   * relay confirmed, false when it refused (the key was already changed, or the room has no log) or
   * could not be reached within `timeoutMs`.
   */
  lockOut(timeoutMs?: number): Promise<boolean>;
  /** Stops syncing; resolves once everything sealed is stored in the outbox. */
  destroy(): Promise<void>;
}

export interface RelaySyncOptions {
  url: string;
  guard: Pick<UpdateGuard, 'applyRemoteUpdate' | 'quarantined'>;
  store: RelayStore;
  clock?: Clock;
  random?: () => number;
  socket?: SocketFactory;
  /** Keep a connection and a live subscription (default); false: connect only in `pullOnce`. */
  live?: boolean;
  /** Which document updates are this device's to send; default: local transactions. */
  isOwnEdit?: (origin: unknown, transaction: Y.Transaction) => boolean;
  /** The wait before compacting, ms (default: random 0–10 s). */
  compactDelayMs?: () => number;
  /** Said once for each envelope dropped, for logs. */
  onWarning?: (message: string) => void;
  /** Signs what this device sends and checks what colleagues sent (frame-checks.ts). */
  auth: FrameAuth;
  /** Calls `listener` whenever the plan's membership changes (held envelopes are checked again). */
  onMembershipChange?: (listener: () => void) => () => void;
  /** Every accepted envelope (the per-device counters follow them). */
  onAccepted?: (checked: Extract<Checked, { kind: 'ok' }>) => void;
}

/** Envelopes from devices the plan does not know yet kept for checking again. */
export const MAX_HELD = 512;

const CURSOR_SAVE_DELAY_MS = 500;
const MIN_RETRY_MS = 1_000;
export const DROPPED_WARNING = 'An edit from the relay could not be opened (it may have been tampered with) and was ignored.';
export const REFUSED_WARNING = 'An edit from the relay was not signed by a member of this plan (or not as its own) and was ignored.';

export function startRelaySync(doc: Y.Doc, keys: RelayKeys, options: RelaySyncOptions): RelaySync {
  const clock = options.clock ?? systemClock;
  const random = options.random ?? Math.random;
  const live = options.live ?? true;
  const isOwnEdit = options.isOwnEdit ?? ((_origin, transaction) => transaction.local);
  const compactDelay = options.compactDelayMs ?? (() => random() * 10_000);
  const { store, guard, auth } = options;
  let held: Opened[] = [];
  const listeners = new Set<(status: RelayStatus) => void>();

  let cursor: RelayCursor;
  let outbox: OutboxEntry[] = [];
  let nextSerial = 1;
  const ownIds = new Set<string>();
  let conn: RelayConnection | null = null;
  let hello: Hello | null = null;
  let syncReqId = 0;
  let caughtUp = false;
  let catchUp: { scratch: Y.Doc | null; reset: boolean } | null = null;
  let inFlight: { reqId: number; entries: OutboxEntry[] } | null = null;
  let room: RoomState | null = null;
  let snapshotReqId = 0;
  let lockOut: { reqId: number; done: (ok: boolean) => void } | null = null;
  let compactWanted = false;
  let compactTimer: unknown = null;
  const retryTimers = new Map<() => unknown, unknown>();
  let cursorTimer: unknown = null;
  let pendingSeals = 0;
  let destroyed = false;
  let connection: RelayStatus['connection'] = live ? 'connecting' : 'offline';
  let received = 0;
  let dropped = 0;
  let restored = false;
  let problem: string | null = null;
  let status: RelayStatus;

  // ---- status ----------------------------------------------------------------------------------
  const compute = (): RelayStatus => ({
    connection,
    caughtUp,
    waiting: outbox.length + pendingSeals,
    lastSentAt: cursor?.lastSentAt ?? null,
    lastHeardAt: cursor?.lastHeardAt ?? null,
    received,
    dropped,
    restored,
    problem,
  });
  status = { connection, caughtUp, waiting: 0, lastSentAt: null, lastHeardAt: null, received, dropped, restored, problem };
  const emit = () => {
    const next = compute();
    if ((Object.keys(next) as (keyof RelayStatus)[]).every((k) => next[k] === status[k])) return;
    status = next;
    for (const listener of listeners) listener(status);
  };

  // ---- the queue: every frame and every push, one at a time, in order -----------------------------
  let queue: Promise<void> = Promise.resolve();
  const enqueue = (work: () => void | Promise<void>) => {
    queue = queue
      .then(work)
      .catch((error) => options.onWarning?.(`relay: ${error instanceof Error ? error.message : String(error)}`))
      .then(() => {
        emit();
        checkWaiters();
        considerCompaction();
      });
  };

  let cursorWrite: Promise<void> = Promise.resolve();
  const persistCursor = (soon = false) => {
    if (soon) {
      cursorTimer ??= clock.setTimeout(() => {
        cursorTimer = null;
        persistCursor();
      }, CURSOR_SAVE_DELAY_MS);
      return;
    }
    const copy = { ...cursor, relayHas: new Map(cursor.relayHas) };
    cursorWrite = cursorWrite.then(() => saveCursor(store, copy)).catch(() => {});
  };

  const ready = (async () => {
    cursor = await loadCursor(store);
    outbox = await loadOutbox(store);
    nextSerial = (outbox.at(-1)?.serial ?? 0) + 1;
    for (const e of outbox) ownIds.add(toHex(e.id));
    emit();
  })();
  ready.catch(() => {
    problem = 'The relay copy’s records on this device could not be read.';
    emit();
  });

  // ---- this device's edits into the outbox -------------------------------------------------------
  let sealing: Promise<void> = ready.catch(() => {});
  const sealSigned = async (kind: SealedKind, update: Uint8Array) => seal(keys.contentKey, keys.tag, kind, await auth.sign(keys.tag, update));
  const addToOutbox = (update: Uint8Array, kind: 'update' | 'catch-up' = 'update'): Promise<void> => {
    pendingSeals++;
    emit();
    sealing = sealing
      .then(async () => {
        const data = await sealSigned(kind, update);
        const entry: OutboxEntry = { serial: nextSerial++, id: crypto.getRandomValues(new Uint8Array(16)), data, unsent: update, update, catchUp: kind === 'catch-up' };
        ownIds.add(toHex(entry.id));
        outbox.push(entry);
        // Sent at once, while it is written: an acknowledgement that beats the write deletes the
        // record after it (the store keeps the order), and a restart before either resends it.
        enqueue(pushOutbox);
        await saveOutboxEntry(store, entry);
      })
      .catch((error) => options.onWarning?.(`relay: an edit could not be kept for sending: ${String(error)}`))
      .finally(() => {
        pendingSeals--;
        emit();
        enqueue(pushOutbox);
      });
    return sealing;
  };
  const onUpdate = (update: Uint8Array, origin: unknown, _doc: Y.Doc, transaction: Y.Transaction) => {
    if (origin === RELAY_ORIGIN || !isOwnEdit(origin, transaction)) return;
    void addToOutbox(update);
  };
  doc.on('update', onUpdate);

  // ---- sending ----------------------------------------------------------------------------------
  const canSend = () => conn !== null && hello !== null && conn.hello === hello;

  /**
   * Edits made since the last push that were never sent (typed while a push was on its way, or
   * offline) become one envelope: fewer envelopes for the relay and for colleagues to open. Only
   * entries this page made and never sent: one that may have reached the relay keeps its id.
   */
  async function mergeUnsent(): Promise<void> {
    const unsent = outbox.filter((e) => e.unsent);
    if (unsent.length < 2) return;
    const update = Y.mergeUpdates(unsent.map((e) => e.unsent!));
    const catchUp = unsent.some((e) => e.catchUp);
    const data = await sealSigned(catchUp ? 'catch-up' : 'update', update);
    const merged: OutboxEntry = { serial: unsent[0]!.serial, id: crypto.getRandomValues(new Uint8Array(16)), data, unsent: update, update, catchUp };
    ownIds.add(toHex(merged.id));
    await saveOutboxEntry(store, merged);
    const gone = new Set(unsent);
    outbox = [...outbox.filter((e) => !gone.has(e)), merged].sort((a, b) => a.serial - b.serial);
    for (const e of unsent) void deleteOutboxEntry(store, e).catch(() => {});
  }

  async function pushOutbox(): Promise<void> {
    if (!caughtUp || inFlight || !canSend() || cursor.gone || problem || outbox.length === 0) return;
    await mergeUnsent();
    if (inFlight || !canSend()) return;
    const limits = hello!;
    const batch: OutboxEntry[] = [];
    let bytes = PUSH_OVERHEAD_BYTES;
    for (const entry of outbox) {
      const size = envelopeFrameBytes(entry);
      if (batch.length > 0 && (batch.length >= limits.maxBatch || bytes + size > limits.maxFrameBytes)) break;
      batch.push(entry);
      bytes += size;
    }
    const reqId = conn!.nextReqId();
    const frame = await keys.sign(pushBody(reqId, keys.tag, keys.publicKey, batch), limits.challenge);
    if (conn?.hello !== limits) return; // reconnected while signing: the new connection resends
    inFlight = { reqId, entries: batch };
    for (const e of batch) delete e.unsent;
    conn.send(frame);
  }

  async function sendSnapshot(seq: number, base: Uint8Array): Promise<void> {
    if (!canSend() || snapshotReqId) return;
    const limits = hello!;
    const data = await sealSigned('snapshot', Y.encodeStateAsUpdate(doc));
    if (data.length > limits.maxSnapshotBytes) return;
    const reqId = conn!.nextReqId();
    const frame = await keys.sign(snapshotBody(reqId, keys.tag, keys.publicKey, crypto.getRandomValues(new Uint8Array(16)), base, seq, data), limits.challenge);
    if (conn?.hello !== limits) return;
    snapshotReqId = reqId;
    conn.send(frame);
  }

  const sendSync = () => {
    if (!conn || !hello) return;
    syncReqId = conn.nextReqId();
    conn.send(syncFrame(syncReqId, keys.tag, cursor.logId, cursor.lastSeq, live));
  };

  const retryLater = (ms: number, work: () => unknown) => {
    if (retryTimers.has(work)) return;
    retryTimers.set(
      work,
      clock.setTimeout(() => {
        retryTimers.delete(work);
        enqueue(async () => void (await work()));
      }, Math.max(MIN_RETRY_MS, ms)),
    );
  };

  // ---- compaction (§7) ---------------------------------------------------------------------------
  const inSync = () =>
    caughtUp && !catchUp && room !== null && cursor.lastSeq >= room.head && outbox.length === 0 && pendingSeals === 0 && !inFlight && guard.quarantined.length === 0;
  const tailIsLong = () => hello !== null && room !== null && (room.tailCount >= hello.compactAfterEnvelopes || room.tailBytes >= hello.compactAfterBytes);
  const considerCompaction = () => {
    if (!live || compactTimer !== null || snapshotReqId || !(compactWanted || tailIsLong()) || !inSync()) return;
    compactTimer = clock.setTimeout(() => {
      compactTimer = null;
      enqueue(async () => {
        if (!(compactWanted || tailIsLong()) || !inSync()) return;
        compactWanted = false;
        await sendSnapshot(cursor.lastSeq, room!.snapshotId);
      });
    }, compactDelay());
  };

  // ---- receiving ---------------------------------------------------------------------------------
  const warnDropped = (warning = DROPPED_WARNING) => {
    dropped++;
    options.onWarning?.(warning);
  };

  /**
   * The update an opened envelope carries once its signer is checked: null when refused (counted
   * and warned), 'held' when the signer is not known yet (kept for checking again).
   */
  const checkOpened = async (opened: Opened): Promise<{ update: Uint8Array; deviceId: string | null } | null | 'held'> => {
    if (opened.legacy) {
      if (auth.acceptsUnsigned()) return { update: opened.plaintext, deviceId: null };
      warnDropped(REFUSED_WARNING);
      return null;
    }
    const checked = await auth.check(opened.plaintext, keys.tag);
    if (checked.kind === 'unknown-signer') {
      if (held.length >= MAX_HELD) held.shift();
      held.push(opened);
      return 'held';
    }
    if (checked.kind !== 'ok' || (opened.kind === 'update' && checked.author !== null && !writtenOnlyBy(checked.body, checked.author))) {
      warnDropped(REFUSED_WARNING);
      return null;
    }
    options.onAccepted?.(checked);
    return { update: checked.body, deviceId: checked.deviceId };
  };

  /** Held envelopes checked again (the membership changed). */
  async function retryHeld(): Promise<void> {
    const again = held;
    held = [];
    const updates: Uint8Array[] = [];
    for (const opened of again) {
      const result = await checkOpened(opened);
      if (result && result !== 'held') {
        updates.push(result.update);
        if (result.deviceId !== auth.deviceId) received++;
      }
    }
    if (updates.length > 0) doc.transact(() => updates.forEach(applyOpened), RELAY_ORIGIN);
  }
  const stopFollowingMembership = options.onMembershipChange?.(() => {
    if (held.length > 0) enqueue(retryHeld);
  });

  const applyOpened = (update: Uint8Array) => {
    // The relay holds it whatever our guard decides, unless it is not a well-formed update at all.
    if (guard.applyRemoteUpdate(update, RELAY_ORIGIN).kind !== 'refused') relayHolds(update);
    if (catchUp?.scratch) Y.applyUpdate(catchUp.scratch, update);
  };

  /** Notes that the relay holds `update` (its structs' clocks; relay logs hold them from the start). */
  const relayHolds = (update: Uint8Array) => raiseClocks(cursor.relayHas, update);

  /** The plain update of an outbox entry (opened again when it was loaded from storage). */
  const updateOf = async (entry: OutboxEntry): Promise<Uint8Array | null> => entry.update ?? ownUpdate(await open(keys.contentKey, keys.tag, entry.data));

  /**
   * After a catch-up: pushes, as one envelope, whatever this copy has that neither the relay nor
   * the outbox holds (an edit whose outbox record was lost when the browser was killed).
   */
  async function pushMissing(state: RoomState): Promise<void> {
    await sealing;
    const known = new Map(cursor.relayHas);
    for (const entry of outbox) {
      const update = await updateOf(entry);
      if (update) raiseClocks(known, update);
    }
    const ours = Y.decodeStateVector(Y.encodeStateVector(doc));
    if (![...ours].some(([client, clock]) => clock > (known.get(client) ?? 0))) return;
    const diff = Y.encodeStateAsUpdate(doc, Y.encodeStateVector(known));
    if (diff.length + 256 <= hello!.maxEnvelopeBytes) await addToOutbox(diff, 'catch-up');
    else await sendSnapshot(state.head, state.snapshotId);
  }

  const heard = () => {
    cursor.lastHeardAt = clock.now();
  };

  const sawState = (state: RoomState) => {
    room = state;
    cursor.snapshotId = state.snapshotId;
  };

  /** After a first or reset catch-up: push what the relay lacks (§8). */
  async function seed(scratch: Y.Doc, state: RoomState): Promise<void> {
    // What the outbox will push anyway is not pushed twice.
    await sealing;
    for (const entry of outbox) {
      const update = await updateOf(entry);
      if (update) Y.applyUpdate(scratch, update);
    }
    const have = Y.snapshot(doc);
    if (Y.equalSnapshots(have, Y.snapshot(scratch))) return;
    const diff = Y.encodeStateAsUpdate(doc, Y.encodeStateVector(scratch));
    if (diff.length + 256 <= hello!.maxEnvelopeBytes) await addToOutbox(diff, 'catch-up');
    else await sendSnapshot(state.head, state.snapshotId);
  }

  async function handle(frame: ServerFrame): Promise<void> {
    if ('tag' in frame && !bytesEqual(frame.tag, keys.tag)) return;
    switch (frame.type) {
      case 'sync-begin': {
        caughtUp = false;
        if (frame.reset || (!frame.empty && !bytesEqual(frame.state.logId, cursor.logId))) cursor.relayHas = new Map();
        if (frame.reset) {
          cursor.lastSeq = 0;
          cursor.snapshotId = ZERO_ID;
        }
        if (!frame.empty) cursor.gone = false;
        const seeding = !cursor.gone && (frame.reset || bytesEqual(cursor.logId, ZERO_ID));
        catchUp = { scratch: seeding ? new Y.Doc({ gc: false }) : null, reset: frame.reset && !bytesEqual(cursor.logId, ZERO_ID) };
        if (!frame.empty) cursor.logId = frame.state.logId;
        return;
      }
      case 'snapshot-data': {
        const opened = await open(keys.contentKey, keys.tag, frame.data);
        const result = opened && (await checkOpened(opened));
        if (result && result !== 'held') applyOpened(result.update);
        else if (!opened) warnDropped();
        cursor.lastSeq = Math.max(cursor.lastSeq, frame.seq);
        cursor.snapshotId = frame.snapshotId;
        return;
      }
      case 'envelopes': {
        if (!catchUp && !bytesEqual(frame.logId, cursor.logId)) return sendSync();
        const updates: Uint8Array[] = [];
        let gap = false;
        for (const entry of frame.entries) {
          if (entry.seq <= cursor.lastSeq) continue;
          if (!catchUp && entry.seq > cursor.lastSeq + 1) {
            gap = true; // ask again from our last
            break;
          }
          cursor.lastSeq = entry.seq;
          if (entry.own && entry.data.length === 0) continue;
          const opened = await open(keys.contentKey, keys.tag, entry.data);
          if (!opened) {
            warnDropped();
            continue;
          }
          const result = await checkOpened(opened);
          if (!result || result === 'held') continue;
          updates.push(result.update);
          if (result.deviceId !== auth.deviceId && !ownIds.has(toHex(entry.id))) received++;
        }
        // A catch-up's tail in one transaction (one update event, one write of the plan, one
        // message to WebRTC peers), each envelope still through the guard on its own. Opened
        // first: nothing else can run inside the transaction.
        if (updates.length > 0) doc.transact(() => updates.forEach(applyOpened), RELAY_ORIGIN);
        if (gap) return sendSync();
        heard();
        if (!catchUp) persistCursor(true);
        if (room && cursor.lastSeq > room.head) room = { ...room, head: cursor.lastSeq };
        return;
      }
      case 'sync-end': {
        const done = catchUp;
        catchUp = null;
        cursor.lastSeq = frame.state.head;
        if (!bytesEqual(frame.state.logId, ZERO_ID)) cursor.logId = frame.state.logId;
        sawState(frame.state);
        heard();
        if (done?.scratch) {
          await seed(done.scratch, frame.state);
          done.scratch.destroy();
          if (done.reset) restored = true;
        } else if (!cursor.gone) await pushMissing(frame.state);
        caughtUp = true;
        persistCursor();
        await pushOutbox();
        return;
      }
      case 'pushed': {
        if (!inFlight || frame.reqId !== inFlight.reqId) return;
        const acked = new Set(inFlight.entries);
        inFlight = null;
        for (const e of acked) {
          const update = await updateOf(e);
          if (update) relayHolds(update);
        }
        outbox = outbox.filter((e) => !acked.has(e));
        for (const e of acked) void deleteOutboxEntry(store, e).catch(() => {});
        cursor.lastSentAt = clock.now();
        sawState(frame.state);
        persistCursor();
        await pushOutbox();
        return;
      }
      case 'snapshot-stored':
        if (frame.reqId === snapshotReqId) snapshotReqId = 0;
        sawState(frame.state);
        persistCursor();
        return;
      case 'room-state':
        sawState(frame.state);
        if (frame.compact) compactWanted = true;
        return;
      case 'room-gone':
        cursor.gone = true;
        persistCursor();
        return;
      case 'done':
        if (lockOut?.reqId === frame.reqId) lockOut.done(true);
        return;
      case 'error':
        if (lockOut?.reqId === frame.reqId) return lockOut.done(false);
        return handleError(frame);
      default:
        return;
    }
  }

  function handleError(frame: Extract<ServerFrame, { type: 'error' }>): void {
    const transient = ['rate-limited', 'unavailable', 'busy', 'internal'].includes(frame.name);
    if (frame.reqId === snapshotReqId) {
      // snapshot-conflict: someone compacted first, nothing is lost; others: try again later.
      snapshotReqId = 0;
      return;
    }
    if (frame.reqId === syncReqId) {
      if (transient) retryLater(frame.retryAfterMs, sendSync);
      else conn?.restart(`sync refused: ${frame.name}`);
      return;
    }
    if (inFlight && frame.reqId === inFlight.reqId) {
      inFlight = null;
      if (transient) retryLater(frame.retryAfterMs, pushOutbox);
      else if (frame.name === 'bad-signature') conn?.restart('signature refused');
      else if (frame.name === 'quota-exceeded') {
        compactWanted = true;
        retryLater(30_000, pushOutbox);
      } else if (frame.name === 'not-authorised') problem = 'The relay does not accept this device’s edits for this plan.';
      else if (frame.name === 'too-large') problem = 'An edit is too large for the relay; it stays on this device.';
    }
  }

  // ---- connecting --------------------------------------------------------------------------------
  let pullWaiters: { resolve: () => void; reject: (e: Error) => void }[] = [];
  const settled = () => caughtUp && outbox.length === 0 && pendingSeals === 0 && !inFlight;
  const checkWaiters = () => {
    if (!settled() || pullWaiters.length === 0) return;
    const waiting = pullWaiters;
    pullWaiters = [];
    for (const w of waiting) w.resolve();
  };
  const failWaiters = (why: string) => {
    const waiting = pullWaiters;
    pullWaiters = [];
    for (const w of waiting) w.reject(new Error(why));
  };

  function connect(retry: boolean): void {
    conn = connectRelay(
      { url: options.url, clock, random, socket: options.socket, retry },
      {
        onHello(h) {
          enqueue(() => {
            hello = h;
            connection = 'online';
            caughtUp = false;
            catchUp = null;
            inFlight = null;
            snapshotReqId = 0;
            sendSync();
          });
        },
        onFrame(frame) {
          enqueue(() => handle(frame));
        },
        onDown(why) {
          enqueue(() => {
            hello = null;
            caughtUp = false;
            catchUp = null;
            inFlight = null;
            snapshotReqId = 0;
            connection = 'offline';
            failWaiters(`The relay connection was lost: ${why}`);
            if (!retry) conn = null;
          });
        },
        onIncompatible(version) {
          enqueue(() => {
            problem = `The relay speaks a newer protocol (version ${version}): this extension needs updating.`;
            connection = 'offline';
            failWaiters(problem);
          });
        },
      },
    );
  }

  void ready.then(() => {
    if (!destroyed && live) connect(true);
  }, () => {});

  // Dropping a frame's warning or a state change must reach listeners even between frames.
  enqueue(() => {});

  return {
    get status() {
      return status;
    },
    onStatus(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    ready,
    pullOnce(timeoutMs = 30_000) {
      return new Promise<void>((resolve, reject) => {
        if (destroyed) return reject(new Error('The relay sync was stopped'));
        let timer: unknown = null;
        const finish = (error?: Error) => {
          if (timer !== null) clock.clearTimeout(timer);
          pullWaiters = pullWaiters.filter((w) => w !== waiter);
          if (!live && pullWaiters.length === 0) {
            conn?.stop();
            conn = null;
            hello = null;
            caughtUp = false;
            connection = 'offline';
            emit();
          }
          if (error) reject(error);
          else resolve();
        };
        const waiter = { resolve: () => finish(), reject: finish };
        pullWaiters.push(waiter);
        timer = clock.setTimeout(() => finish(new Error(`The relay did not bring this plan up to date within ${timeoutMs} ms`)), timeoutMs);
        if (!live && conn === null) void ready.then(() => connect(false), (e: Error) => finish(e));
        else enqueue(() => {});
      });
    },
    lockOut(timeoutMs = 10_000) {
      return new Promise<boolean>((resolve) => {
        const timer = clock.setTimeout(() => finish(false), timeoutMs);
        const finish = (ok: boolean) => {
          clock.clearTimeout(timer);
          if (lockOut?.done === finish) lockOut = null;
          resolve(ok);
        };
        enqueue(async () => {
          if (!canSend()) return finish(false);
          const limits = hello!;
          const reqId = conn!.nextReqId();
          const nobody = await writeKeyFromSeed(crypto.getRandomValues(new Uint8Array(32)));
          const frame = await keys.sign(setKeyBody(reqId, keys.tag, keys.publicKey, nobody.publicKey), limits.challenge);
          if (conn?.hello !== limits) return finish(false);
          lockOut = { reqId, done: finish };
          conn.send(frame);
        });
      });
    },
    async destroy() {
      destroyed = true;
      stopFollowingMembership?.();
      doc.off('update', onUpdate);
      conn?.stop();
      conn = null;
      for (const t of [compactTimer, cursorTimer, ...retryTimers.values()]) if (t !== null) clock.clearTimeout(t);
      failWaiters('The relay sync was stopped');
      listeners.clear();
      await sealing;
      await queue;
      if (cursor) persistCursor();
      await cursorWrite;
    },
  };
}

/** Raises `clocks` to the end of each client's structs in `update` (unchanged if it does not parse). */
function raiseClocks(clocks: Map<number, number>, update: Uint8Array): void {
  let ends: Map<number, number>;
  try {
    ends = Y.parseUpdateMeta(update).to;
  } catch {
    return;
  }
  for (const [client, clock] of ends) if (clock > (clocks.get(client) ?? 0)) clocks.set(client, clock);
}

/** The update in this device's own envelope (opened from the stored outbox), or null. */
function ownUpdate(opened: Opened | null): Uint8Array | null {
  if (!opened) return null;
  return opened.legacy ? opened.plaintext : signedBody(opened.plaintext);
}
