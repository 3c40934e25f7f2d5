/**
 * One plan's IndexedDB database, written so that every failure is seen.
 *
 * The format is y-indexeddb 9's (plan-database.ts), which every reader keeps. y-indexeddb itself
 * writes each update in its own transaction but never reports a failed write (quota, a database
 * closed under it), its `whenSynced` never settles when the database cannot be opened, and opening
 * it writes. So the database is read by plan-database.ts, and every update is written here, one
 * tracked transaction each, reported to a SaveTracker.
 */
import { storeFirstScreen } from './first-screen-store.ts';
import { outOfSpace } from '../platform/storage-space.ts';
import type { FirstScreenRoots } from '../plan/first-screen.ts';
import * as Y from 'yjs';
import { PlanConnection, UPDATES_STORE, type StoredUpdates } from './plan-database.ts';
import { describeStorageError } from './save-state.ts';
import type { SaveTracker } from './save-tracker.ts';

/** After this many stored updates they are merged into one, as y-indexeddb does (its `PREFERRED_TRIM_SIZE`). */
export const TRIM_ABOVE = 500;

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
 * One plan's database: loaded by plan-database.ts, then every update written by `write`, one
 * tracked transaction each. A retry replaces the connection: whatever the old one still reports is
 * ignored.
 */
export class PlanStore {
  readonly doc: Y.Doc;
  readonly name: string;
  readonly saves: SaveTracker;
  /** Whether the device is out of space (lib/platform/storage-space.ts). */
  readonly space: () => Promise<boolean>;
  #connection!: PlanConnection;
  #trimTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(doc: Y.Doc, name: string, saves: SaveTracker, space: () => Promise<boolean> = outOfSpace) {
    this.doc = doc;
    this.name = name;
    this.saves = saves;
    this.space = space;
  }

  /**
   * Opens the database (again, on a retry) and loads it into the document; `during` words a
   * failure. `earlier`: the stored updates read before (early-open.ts), so only later ones are read.
   */
  open(during: 'open' | 'save' = 'open', earlier?: Promise<StoredUpdates | null>): Promise<void> {
    // Opening an empty document (every open but a retry): nothing can edit it before it is
    // loaded, so our writer starts listening only then. While a document has any 'update'
    // listener, Yjs encodes every transaction as an update for it, and encoding the whole stored
    // plan as it is loaded, only for us to ignore it, was a third of a large plan's cold open.
    const listenAfterLoad = this.doc.store.clients.size === 0;
    const connection = new PlanConnection(this.name);
    this.#connection = connection;
    if (!listenAfterLoad) this.doc.on('update', this.#onUpdate);
    const opened = connection.opened.then((db) =>
      watchForClose(db, () => {
        if (connection !== this.#connection) return;
        this.saves.fail(new DOMException('The database was closed', 'InvalidStateError'));
        // Chromium closes a full disk's database, and the write that found it full may never say
        // so: "out of space" is what the member can act on (it replaces "closed", save-tracker.ts).
        void this.space().then((full) => {
          if (full && connection === this.#connection) this.saves.fail(new DOMException('The device has no space left', 'QuotaExceededError'));
        });
      }),
    );
    const loaded = (async () => {
      const read = await earlier?.catch(() => null);
      // Edits made before loading are not in the database yet: stored with the first write.
      const editedBefore = listenAfterLoad && this.doc.store.clients.size > 0;
      await connection.load(this.doc, connection, read);
      if (!listenAfterLoad || connection !== this.#connection || connection.closed) return;
      this.doc.on('update', this.#onUpdate);
      if (editedBefore) {
        this.saves.dirty = true;
        this.#write(new Uint8Array());
      }
    })();
    return Promise.all([loaded, opened]).then(
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

  readonly #onUpdate = (update: Uint8Array, origin: unknown) => {
    if (origin !== this.#connection) this.#write(update);
  };

  /** Writes one update (or, when dirty, the whole state) in its own transaction. */
  #write(update: Uint8Array): void {
    const db = this.#connection.db;
    if (!db) return; // not open yet: written with the first write after loading (open)
    const wasDirty = this.saves.dirty;
    const payload = wasDirty ? Y.encodeStateAsUpdate(this.doc) : update;
    let tx: IDBTransaction;
    try {
      tx = db.transaction([UPDATES_STORE], 'readwrite');
      tx.objectStore(UPDATES_STORE).add(payload);
    } catch (error) {
      this.saves.fail(error);
      return;
    }
    const from = this.#connection;
    this.saves.started();
    tx.oncomplete = () => {
      if (from !== this.#connection) return; // a connection retry() replaced: it no longer counts
      this.#committed(wasDirty);
    };
    tx.onabort = () => {
      if (from !== this.#connection) return;
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

  /** After the 500th stored update, merges them into one (as y-indexeddb itself does). */
  #scheduleTrim(): void {
    if (++this.#connection.size < TRIM_ABOVE) return;
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
    const connection = this.#connection;
    const db = connection.db;
    if (!db) return Promise.resolve(false);
    return new Promise((resolve, reject) => {
      let compacted = false;
      let tx: IDBTransaction;
      try {
        tx = db.transaction([UPDATES_STORE], 'readwrite');
      } catch (error) {
        reject(error);
        return;
      }
      const updates = tx.objectStore(UPDATES_STORE);
      const keys = updates.getAllKeys();
      keys.onsuccess = () => {
        const stored = keys.result;
        if (stored.length === 0 || (above > 0 && stored.length <= above)) return;
        updates.add(Y.encodeStateAsUpdate(this.doc));
        updates.delete(IDBKeyRange.upperBound(stored[stored.length - 1]!));
        compacted = true;
      };
      tx.oncomplete = () => {
        if (compacted && connection === this.#connection) connection.size = 1;
        resolve(compacted);
      };
      tx.onabort = () => reject(tx.error ?? new DOMException('The stored plan could not be merged', 'AbortError'));
    });
  }

  /** Keeps `roots` as the first screen of what is stored now (first-screen-store.ts); nothing when closed. */
  keepFirstScreen(roots: FirstScreenRoots): Promise<void> {
    const db = this.#connection.db;
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
    await this.#disconnect();
    // A connection the browser closed may never report its last transactions (Chromium, disk
    // full): stop waiting for them, the whole document is stored again below.
    this.saves.pending = 0;
    this.saves.set({ kind: 'saving' });
    try {
      await this.open('save');
      // Store the whole document through our writer: "saved" only once committed.
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

  /** A value kept in the plan's database beside its updates (the `custom` store). */
  readExtra(key: string): Promise<unknown> {
    return this.#connection.get(key);
  }

  writeExtra(key: string, value: unknown): Promise<void> {
    return this.#connection.set(key, value);
  }

  deleteExtra(key: string): Promise<void> {
    return this.#connection.delete(key);
  }

  /** The extras' keys that start with `prefix`, in ascending order. */
  extraKeys(prefix: string): Promise<string[]> {
    return this.#connection.keys(prefix);
  }

  /** Stores what is pending, then closes the database. */
  async close(): Promise<void> {
    clearTimeout(this.#trimTimer);
    await this.flush().catch(() => {});
    this.saves.forgetListeners();
    await this.#disconnect();
  }

  /** Stops writing and closes the connection. */
  #disconnect(): Promise<void> {
    this.doc.off('update', this.#onUpdate);
    return this.#connection.close();
  }
}
