/**
 * One plan's IndexedDB database, written so that every failure is seen.
 *
 * y-indexeddb 9 writes each update in its own IndexedDB transaction but never reports a failed
 * write (quota, a database closed under it) and its `whenSynced` never settles when the database
 * cannot be opened. We keep its storage format and loading, and replace its per-update writer with
 * one that tracks each transaction and reports to a SaveTracker. y-indexeddb is pinned to 9.0.x
 * because this reaches into its `_storeUpdate`, `_db` and `_dbsize` fields.
 */
import { storeFirstScreen } from './first-screen-store.ts';
import { outOfSpace } from '../platform/storage-space.ts';
import type { FirstScreenRoots } from '../plan/first-screen.ts';
import * as Y from 'yjs';
import * as idb from 'lib0/indexeddb';
import { IndexeddbPersistence, PREFERRED_TRIM_SIZE } from 'y-indexeddb';
import { describeStorageError } from './save-state.ts';
import type { SaveTracker } from './save-tracker.ts';

/** How long y-indexeddb waits after the 500th stored update before merging them (its own default). */
const TRIM_DELAY_MS = 1000;

/** Calls `onClosed` when the browser closes the database under us (deleted, upgraded, disk gone). */
function watchForClose(db: IDBDatabase, onClosed: () => void): void {
  const closedUnderUs = () => {
    db.close();
    onClosed();
  };
  db.onversionchange = closedUnderUs;
  db.onclose = closedUnderUs;
}

/**
 * One plan's database: y-indexeddb opens and loads it (its format is kept); every update is then
 * written by `write`, one tracked transaction each. A retry replaces the y-indexeddb connection:
 * whatever the old one still reports is ignored.
 */
export class PlanStore {
  readonly doc: Y.Doc;
  readonly name: string;
  readonly saves: SaveTracker;
  /** Whether the device is out of space (lib/platform/storage-space.ts). */
  readonly space: () => Promise<boolean>;
  #provider!: IndexeddbPersistence;
  #trimTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(doc: Y.Doc, name: string, saves: SaveTracker, space: () => Promise<boolean> = outOfSpace) {
    this.doc = doc;
    this.name = name;
    this.saves = saves;
    this.space = space;
  }

  /** Opens the database (again, on a retry) and loads it into the document; `during` words a failure. */
  open(during: 'open' | 'save' = 'open'): Promise<void> {
    // Opening an empty document (every open but a retry): nothing can edit it before it is
    // loaded, so our writer starts listening only then. While a document has any 'update'
    // listener, Yjs encodes every transaction as an update for it, and encoding the whole stored
    // plan as it is loaded, only for us to ignore it, was a third of a large plan's cold open.
    const listenAfterLoad = this.doc.store.clients.size === 0;
    const provider = new IndexeddbPersistence(this.name, this.doc);
    this.#provider = provider;
    this.#takeOverWriting(provider, listenAfterLoad);
    const opened = provider._db.then((db) =>
      watchForClose(db, () => {
        if (provider !== this.#provider) return;
        this.saves.fail(new DOMException('The database was closed', 'InvalidStateError'));
        // Chromium closes a full disk's database, and the write that found it full may never say
        // so: "out of space" is what the member can act on (it replaces "closed", save-tracker.ts).
        void this.space().then((full) => {
          if (full && provider === this.#provider) this.saves.fail(new DOMException('The device has no space left', 'QuotaExceededError'));
        });
      }),
    );
    return Promise.all([provider.whenSynced, opened]).then(
      () => {
        if (!this.saves.dirty && this.saves.pending === 0) this.saves.set({ kind: 'saved' });
      },
      (error: unknown) => {
        const failure = describeStorageError(error, during);
        this.saves.set(failure);
        throw failure;
      },
    );
  }

  /** Replaces y-indexeddb's silent writer with ours; its destroy() unregisters whatever is there. */
  #takeOverWriting(provider: IndexeddbPersistence, listenAfterLoad: boolean): void {
    this.doc.off('update', provider._storeUpdate);
    provider._storeUpdate = this.#onUpdate;
    if (!listenAfterLoad) {
      this.doc.on('update', this.#onUpdate);
      return;
    }
    const listen = () => provider === this.#provider && !provider._destroyed && this.doc.on('update', this.#onUpdate);
    void provider.whenSynced.then(listen, () => {});
  }

  readonly #onUpdate = (update: Uint8Array, origin: unknown) => {
    if (origin !== this.#provider) this.#write(update);
  };

  /** Writes one update (or, when dirty, the whole state) in its own transaction. */
  #write(update: Uint8Array): void {
    const db = this.#provider.db;
    if (!db) return; // not open yet: y-indexeddb stores the full state when it opens
    const wasDirty = this.saves.dirty;
    const payload = wasDirty ? Y.encodeStateAsUpdate(this.doc) : update;
    let tx: IDBTransaction;
    try {
      tx = db.transaction(['updates'], 'readwrite');
      tx.objectStore('updates').add(payload);
    } catch (error) {
      this.saves.fail(error);
      return;
    }
    const from = this.#provider;
    this.saves.started();
    tx.oncomplete = () => {
      if (from !== this.#provider) return; // a connection retry() replaced: it no longer counts
      this.#committed(wasDirty);
    };
    tx.onabort = () => {
      if (from !== this.#provider) return;
      this.saves.pending--;
      this.saves.fail(tx.error ?? new DOMException('The save was cancelled', 'AbortError'));
      this.saves.settle();
    };
  }

  /** A write is committed; one that stored the whole state makes the plan clean again. */
  #committed(wasDirty: boolean): void {
    this.saves.pending--;
    if (wasDirty) {
      this.saves.dirty = false;
      this.saves.set({ kind: 'saving' });
    }
    this.#scheduleTrim();
    this.saves.settle();
  }

  /** After y-indexeddb's 500th stored update, merges them into one (as y-indexeddb itself does). */
  #scheduleTrim(): void {
    const provider = this.#provider;
    if (++provider._dbsize < PREFERRED_TRIM_SIZE) return;
    clearTimeout(this.#trimTimer);
    this.#trimTimer = setTimeout(() => {
      this.compact().catch((error: unknown) => this.saves.fail(error));
    }, TRIM_DELAY_MS);
  }

  /**
   * Replaces the stored updates with one update of the whole document, when more than `above`
   * are stored (always, with `above` 0): opening then applies one update instead of hundreds.
   * Atomic and never loses an edit made meanwhile: one transaction reads which updates are stored,
   * encodes the document as it is at that moment (it holds every one of them, and every edit made
   * since), adds it and deletes only the keys it read. A write queued after this transaction gets
   * a later key and stays. Resolves with whether it compacted; a failure changes nothing stored.
   */
  compact(above = 1): Promise<boolean> {
    const provider = this.#provider;
    const db = provider.db;
    if (!db) return Promise.resolve(false);
    return new Promise((resolve, reject) => {
      let compacted = false;
      let tx: IDBTransaction;
      try {
        tx = db.transaction(['updates'], 'readwrite');
      } catch (error) {
        reject(error);
        return;
      }
      const updates = tx.objectStore('updates');
      const keys = updates.getAllKeys();
      keys.onsuccess = () => {
        const stored = keys.result;
        if (stored.length === 0 || (above > 0 && stored.length <= above)) return;
        updates.add(Y.encodeStateAsUpdate(this.doc));
        updates.delete(IDBKeyRange.upperBound(stored[stored.length - 1]!));
        compacted = true;
      };
      tx.oncomplete = () => {
        if (compacted && provider === this.#provider) provider._dbsize = 1;
        resolve(compacted);
      };
      tx.onabort = () => reject(tx.error ?? new DOMException('The stored plan could not be merged', 'AbortError'));
    });
  }

  /** Keeps `roots` as the first screen of what is stored now (first-screen-store.ts); nothing when closed. */
  keepFirstScreen(roots: FirstScreenRoots): Promise<void> {
    const db = this.#provider.db;
    if (!db) return Promise.resolve();
    try {
      return storeFirstScreen(db, roots);
    } catch (error) {
      return Promise.reject(error);
    }
  }

  /** Stores anything not yet committed; resolves when it is committed (or rejects). */
  flush(): Promise<void> {
    if (this.saves.dirty) this.#write(new Uint8Array());
    return this.saves.whenSettled();
  }

  /** After an error: reopens the database and stores the whole document again. */
  async retry(): Promise<void> {
    const cause = this.saves.state;
    this.saves.dirty = true;
    await this.#provider.destroy().catch(() => {});
    // A connection the browser closed may never report its last transactions (Chromium, disk
    // full): stop waiting for them, the whole document is stored again below.
    this.saves.pending = 0;
    this.saves.set({ kind: 'saving' });
    try {
      await this.open('save');
      // y-indexeddb's own first write on opening is not followed (whenSynced resolves before it
      // commits), so store the whole document through our writer: "saved" only once committed.
      await this.flush();
    } catch (failure) {
      // Chromium names no cause when it cannot reopen a full disk ("Internal error opening
      // backing store"): while the first cause may still hold, keep saying what it was.
      const now = this.saves.state;
      if (cause.kind === 'error' && now.kind === 'error' && now.reason === 'unknown') this.saves.set(cause);
      throw failure;
    }
  }

  /**
   * Replaces everything stored with the document's state as one update: after opening found
   * pending structs from before the update guard (dropped from the document), so the poisoned
   * update is gone from storage too.
   */
  async replaceStored(): Promise<void> {
    await this.compact(0);
  }

  /** A value kept in the plan's database beside its updates (y-indexeddb's `custom` store). */
  readExtra(key: string): Promise<unknown> {
    return this.#provider.get(key);
  }

  writeExtra(key: string, value: unknown): Promise<void> {
    return this.#provider.set(key, value as never).then(() => {});
  }

  deleteExtra(key: string): Promise<void> {
    return this.#provider.del(key).then(() => {});
  }

  /** The extras' keys that start with `prefix`, in ascending order. */
  async extraKeys(prefix: string): Promise<string[]> {
    const db = await this.#provider._db;
    const [custom] = idb.transact(db, ['custom'], 'readonly');
    const keys = await idb.getAllKeys(custom!, idb.createIDBKeyRangeBound(prefix, `${prefix}\uffff`, false, false));
    return keys.filter((k): k is string => typeof k === 'string');
  }

  /** Stores what is pending, then closes the database. */
  async close(): Promise<void> {
    clearTimeout(this.#trimTimer);
    await this.flush().catch(() => {});
    this.saves.forgetListeners();
    await this.#provider.destroy();
  }
}
