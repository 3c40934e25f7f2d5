/**
 * One plan's IndexedDB database, in y-indexeddb 9's format, which every reader of it keeps
 * (read-stored-plan.ts, the background, older versions of this extension): an `updates` store of
 * Yjs updates under increasing keys, and a `custom` store of values kept beside them.
 *
 * Our own reading rather than y-indexeddb's `IndexeddbPersistence`, because opening one writes:
 * it stores the document's state (two bytes for an empty one) before loading, so every open
 * moved the plan's stored version, which made the background count the plan again and left a
 * large plan's first screen out of date. Loading here reads only, in a read-only transaction, and
 * can take the updates read earlier (`readStoredUpdates`, while the page was still starting),
 * reading only what was stored since.
 */
import * as Y from 'yjs';

export const UPDATES_STORE = 'updates';
export const CUSTOM_STORE = 'custom';

/** Updates read from a plan's database, and the key of the last one (null when none were stored). */
export interface StoredUpdates {
  updates: Uint8Array[];
  lastKey: number | null;
}

/** Opens (creating when missing) a plan's database with y-indexeddb's stores. */
export function openPlanDatabase(name: string, factory: IDBFactory = globalThis.indexedDB): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    let request: IDBOpenDBRequest;
    try {
      request = factory.open(name);
    } catch (error) {
      reject(error);
      return;
    }
    request.onupgradeneeded = () => {
      const db = request.result;
      if (!db.objectStoreNames.contains(UPDATES_STORE)) db.createObjectStore(UPDATES_STORE, { autoIncrement: true });
      if (!db.objectStoreNames.contains(CUSTOM_STORE)) db.createObjectStore(CUSTOM_STORE);
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('The plan’s storage could not be opened'));
  });
}

/** The updates stored after key `after` (all of them when undefined), and how many are stored in all. */
export function readUpdatesAfter(db: IDBDatabase, after: number | null | undefined): Promise<StoredUpdates & { count: number }> {
  return new Promise((resolve, reject) => {
    let tx: IDBTransaction;
    try {
      tx = db.transaction([UPDATES_STORE], 'readonly');
    } catch (error) {
      reject(error);
      return;
    }
    const store = tx.objectStore(UPDATES_STORE);
    const range = after === null || after === undefined ? undefined : IDBKeyRange.lowerBound(after, true);
    const values = store.getAll(range);
    const last = store.openKeyCursor(null, 'prev');
    const count = store.count();
    tx.oncomplete = () => {
      const updates = (values.result as unknown[]).filter((u): u is Uint8Array => u instanceof Uint8Array);
      const key = last.result?.key;
      resolve({ updates, lastKey: typeof key === 'number' ? key : (after ?? null), count: count.result });
    };
    tx.onerror = () => reject(tx.error ?? new Error('The stored plan could not be read'));
    tx.onabort = () => reject(tx.error ?? new Error('The stored plan could not be read'));
  });
}

/** Opens a database that exists; resolves `undefined` (creating nothing) when it does not. */
export function openExisting(name: string, factory: IDBFactory): Promise<IDBDatabase | undefined> {
  return new Promise((resolve, reject) => {
    let missing = false;
    const request = factory.open(name);
    request.onupgradeneeded = () => {
      // Only a database that does not exist yet is upgraded when opened without a version.
      missing = true;
      request.transaction?.abort();
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = (event) => {
      if (missing) {
        event.preventDefault();
        resolve(undefined);
      } else {
        reject(request.error ?? new Error(`The stored plan ${name} could not be opened`));
      }
    };
  });
}

/**
 * Reads every update of an existing plan's database ahead of loading it (early-open.ts); resolves
 * null, creating nothing, when there is no such database or it cannot be read: loading then reads
 * everything itself.
 */
export async function readStoredUpdates(name: string, factory: IDBFactory = globalThis.indexedDB): Promise<StoredUpdates | null> {
  try {
    const db = await openExisting(name, factory);
    if (!db) return null;
    try {
      if (!db.objectStoreNames.contains(UPDATES_STORE)) return null;
      const { updates, lastKey } = await readUpdatesAfter(db, undefined);
      return { updates, lastKey };
    } finally {
      db.close();
    }
  } catch {
    return null;
  }
}

/**
 * One connection to a plan's database. `load` puts what is stored into the document, as one
 * transaction from `origin` (not local, as y-indexeddb loads), writing nothing.
 */
export class PlanConnection {
  db: IDBDatabase | null = null;
  closed = false;
  /** How many updates are stored, as far as this connection knows (for merging them, plan-store.ts). */
  size = 0;
  readonly opened: Promise<IDBDatabase>;

  constructor(name: string, factory: IDBFactory = globalThis.indexedDB) {
    this.opened = openPlanDatabase(name, factory).then((db) => {
      if (this.closed) db.close();
      else this.db = db;
      return db;
    });
  }

  /** Loads the stored plan into `doc`: `earlier` (read before) and whatever was stored after it. */
  async load(doc: Y.Doc, origin: unknown, earlier?: StoredUpdates | null): Promise<void> {
    const db = await this.opened;
    const read = await readUpdatesAfter(db, earlier ? earlier.lastKey : undefined);
    if (this.closed) return;
    this.size = read.count;
    const updates = earlier ? [...earlier.updates, ...read.updates] : read.updates;
    if (updates.length === 0) return;
    Y.transact(doc, () => {
      for (const update of updates) Y.applyUpdate(doc, update);
    }, origin, false);
  }

  get(key: string): Promise<unknown> {
    return this.#request(CUSTOM_STORE, 'readonly', (store) => store.get(key));
  }

  async set(key: string, value: unknown): Promise<void> {
    await this.#request(CUSTOM_STORE, 'readwrite', (store) => store.put(value, key));
  }

  async delete(key: string): Promise<void> {
    await this.#request(CUSTOM_STORE, 'readwrite', (store) => store.delete(key));
  }

  /** The custom store's string keys that start with `prefix`, in ascending order. */
  async keys(prefix: string): Promise<string[]> {
    const keys = (await this.#request(CUSTOM_STORE, 'readonly', (store) => store.getAllKeys(IDBKeyRange.bound(prefix, `${prefix}\uffff`)))) as IDBValidKey[];
    return keys.filter((k): k is string => typeof k === 'string');
  }

  async close(): Promise<void> {
    this.closed = true;
    this.db = null;
    try {
      (await this.opened).close();
    } catch {
      // never opened: nothing to close
    }
  }

  async #request<T>(name: string, mode: IDBTransactionMode, make: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
    const db = await this.opened;
    return new Promise((resolve, reject) => {
      const tx = db.transaction([name], mode);
      const request = make(tx.objectStore(name));
      // A write counts once committed; a read as soon as it has its answer.
      if (mode === 'readonly') request.onsuccess = () => resolve(request.result);
      else tx.oncomplete = () => resolve(request.result);
      const failed = () => reject(request.error ?? tx.error ?? new Error('The plan’s storage could not be used'));
      request.onerror = failed;
      tx.onabort = failed;
    });
  }
}
