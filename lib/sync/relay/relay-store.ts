/**
 * What the relay transport keeps on this device, beside the plan (in its database): the outbox of
 * sealed envelopes the relay has not acknowledged yet, one record each so an edit costs one small
 * write, and the cursor (log id, last sequence applied, the room's snapshot id) with the times last
 * sent and last in touch, and the state vector of what the relay holds. Both survive a browser restart.
 */
import { fromHex, toHex, ZERO_ID } from './codec.ts';

/** A key-value area in the plan's database (persistence.ts's extras). */
export interface RelayStore {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  delete(key: string): Promise<void>;
  /** Keys starting with `prefix`, in ascending order. */
  keys(prefix: string): Promise<string[]>;
}

export interface OutboxEntry {
  /** Orders entries as they were made; part of the record's key. */
  serial: number;
  /** 16 random bytes chosen when the envelope was made: a retry with it is never stored twice. */
  id: Uint8Array;
  data: Uint8Array;
  /** In memory only, for an entry made in this session and never sent: the update, to merge. */
  unsent?: Uint8Array;
  /** In memory only, for an entry made in this session: the update (what the relay holds once acknowledged). */
  update?: Uint8Array;
  /** In memory only: the entry carries others' structs too (a re-seed), sealed as catch-up. */
  catchUp?: boolean;
}

export interface RelayCursor {
  logId: Uint8Array;
  lastSeq: number;
  /** The room's current snapshot (zeros: none), the base for our next snapshot. */
  snapshotId: Uint8Array;
  /** When the relay last acknowledged an edit of ours (ms), or null. */
  lastSentAt: number | null;
  /** When we last caught up with the relay or heard from it (ms), or null. */
  lastHeardAt: number | null;
  /** A holder of the write key deleted the room: do not seed it again by ourselves. */
  gone: boolean;
  /**
   * What the relay holds for sure (client → clock): every update it brought us and every push it
   * acknowledged. Whatever this copy has beyond it and the outbox never reached the relay (an edit
   * whose outbox record a killed browser never wrote): pushed on the next connect.
   */
  relayHas: Map<number, number>;
}

const OUTBOX_PREFIX = 'relay-outbox:';
const CURSOR_KEY = 'relay-cursor';

export const emptyCursor = (): RelayCursor => ({ logId: ZERO_ID, lastSeq: 0, snapshotId: ZERO_ID, lastSentAt: null, lastHeardAt: null, gone: false, relayHas: new Map() });

/**
 * The serial orders entries; the id in the key keeps two pages of this browser that sync the same
 * plan (a panel and a tab) from overwriting each other's entries.
 */
const outboxKey = (e: OutboxEntry) => `${OUTBOX_PREFIX}${String(e.serial).padStart(15, '0')}-${toHex(e.id)}`;
const time = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);

export async function loadCursor(store: RelayStore): Promise<RelayCursor> {
  const v = (await store.get(CURSOR_KEY)) as Record<string, unknown> | undefined;
  if (!v || typeof v !== 'object') return emptyCursor();
  const id = (x: unknown) => (typeof x === 'string' && /^[0-9a-f]{32}$/.test(x) ? fromHex(x) : ZERO_ID);
  const lastSeq = typeof v.lastSeq === 'number' && Number.isSafeInteger(v.lastSeq) && v.lastSeq >= 0 ? v.lastSeq : 0;
  return { logId: id(v.logId), lastSeq, snapshotId: id(v.snapshotId), lastSentAt: time(v.lastSentAt), lastHeardAt: time(v.lastHeardAt), gone: v.gone === true, relayHas: clocks(v.relayHas) };
}

/** A stored state vector ([client, clock] pairs); anything malformed is left out (storage is untrusted). */
function clocks(v: unknown): Map<number, number> {
  const out = new Map<number, number>();
  if (!Array.isArray(v)) return out;
  for (const pair of v) {
    if (Array.isArray(pair) && pair.length === 2 && pair.every((n) => Number.isSafeInteger(n) && n >= 0)) out.set(pair[0], pair[1]);
  }
  return out;
}

export function saveCursor(store: RelayStore, c: RelayCursor): Promise<void> {
  return store.set(CURSOR_KEY, { logId: toHex(c.logId), lastSeq: c.lastSeq, snapshotId: toHex(c.snapshotId), lastSentAt: c.lastSentAt, lastHeardAt: c.lastHeardAt, gone: c.gone, relayHas: [...c.relayHas] });
}

export async function loadOutbox(store: RelayStore): Promise<OutboxEntry[]> {
  const keys = await store.keys(OUTBOX_PREFIX);
  const entries: OutboxEntry[] = [];
  for (const key of keys) {
    const v = (await store.get(key)) as { id?: unknown; data?: unknown } | undefined;
    const serial = Number(key.slice(OUTBOX_PREFIX.length).split('-')[0]);
    if (v && v.id instanceof Uint8Array && v.id.length === 16 && v.data instanceof Uint8Array && Number.isSafeInteger(serial)) {
      entries.push({ serial, id: v.id, data: v.data });
    }
  }
  // Two pages' entries may share a serial: the same id twice is one envelope.
  const seen = new Set<string>();
  return entries.sort((a, b) => a.serial - b.serial).filter((e) => !seen.has(toHex(e.id)) && seen.add(toHex(e.id)));
}

export const saveOutboxEntry = (store: RelayStore, e: OutboxEntry) => store.set(outboxKey(e), { id: e.id, data: e.data });
export const deleteOutboxEntry = (store: RelayStore, e: OutboxEntry) => store.delete(outboxKey(e));

/**
 * The relay's records in a plan's database (persistence.ts's extras). Each membership epoch has
 * its own relay room, so its own records: epoch 0 (and every plan shared before membership) keeps
 * the unprefixed keys; a later epoch's are under `relay-epoch-<n>:`.
 */
export function planRelayStore(
  p: {
    readExtra(key: string): Promise<unknown>;
    writeExtra(key: string, value: unknown): Promise<void>;
    deleteExtra(key: string): Promise<void>;
    extraKeys(prefix: string): Promise<string[]>;
  },
  epoch = 0,
): RelayStore {
  const scope = epoch === 0 ? '' : `relay-epoch-${epoch}:`;
  return {
    get: (k) => p.readExtra(scope + k),
    set: (k, v) => p.writeExtra(scope + k, v),
    delete: (k) => p.deleteExtra(scope + k),
    keys: async (prefix) => (await p.extraKeys(scope + prefix)).map((k) => k.slice(scope.length)),
  };
}
