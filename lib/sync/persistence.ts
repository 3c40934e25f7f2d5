/**
 * Local persistence of one plan: y-indexeddb, with the failures it swallows made visible.
 *
 * y-indexeddb 9 writes each update in its own IndexedDB transaction but never reports a failed
 * write (quota, a database closed under it) and its `whenSynced` never settles when the database
 * cannot be opened. We keep its storage format and loading, and replace its per-update writer with
 * one that tracks each transaction: `state` is 'saved' only once every update has been committed.
 * A failed write marks the plan dirty; the next write (or `retry()`) stores the whole document
 * state, so nothing typed is lost while the window stays open. y-indexeddb is pinned to 9.0.x
 * because this reaches into its `_storeUpdate`, `_db` and `_dbsize` fields.
 */
import * as Y from 'yjs';
import { IndexeddbPersistence, PREFERRED_TRIM_SIZE, storeState } from 'y-indexeddb';
import { describeStorageError, type SaveState } from './save-state.ts';

/** The IndexedDB database that holds a plan's document. */
export function planDatabaseName(planId: string): string {
  return `plan:${planId}`;
}

export interface PlanPersistence {
  /** Resolves once the stored plan is in the document; rejects (with a SaveState error) if it cannot be opened. */
  readonly whenLoaded: Promise<void>;
  readonly state: SaveState;
  /** Calls `listener` on every change of `state`; returns the unsubscribe. */
  onState(listener: (state: SaveState) => void): () => void;
  /** Stores anything not yet committed; resolves when it is committed (or rejects). */
  flush(): Promise<void>;
  /** After an error: reopens the database and stores the whole document again. */
  retry(): Promise<void>;
  destroy(): Promise<void>;
}

/** How long y-indexeddb waits after the 500th stored update before merging them (its own default). */
const TRIM_DELAY_MS = 1000;

export function persistPlan(doc: Y.Doc, planId: string, win: Window | undefined = globalThis.window): PlanPersistence {
  const name = planDatabaseName(planId);
  const listeners = new Set<(state: SaveState) => void>();
  let state: SaveState = { kind: 'loading' };
  let provider: IndexeddbPersistence;
  let pending = 0;
  let dirty = false;
  let trimTimer: ReturnType<typeof setTimeout> | undefined;
  const settled = new Set<() => void>();

  const setState = (next: SaveState) => {
    state = next;
    for (const listener of listeners) listener(next);
  };
  const fail = (error: unknown) => {
    dirty = true;
    // The first failure names the cause (a full disk); what follows it (the browser closing the
    // connection, later writes refused on it) would only hide that. retry() clears the error.
    if (state.kind !== 'error') setState(describeStorageError(error, 'save'));
  };
  const settle = () => {
    if (pending > 0) return;
    if (!dirty && state.kind !== 'error') setState({ kind: 'saved' });
    for (const done of settled) done();
    settled.clear();
  };

  /** Writes one update (or, when dirty, the whole state) in its own transaction. */
  const write = (update: Uint8Array) => {
    const db = provider.db;
    if (!db) return; // not open yet: y-indexeddb stores the full state when it opens
    const payload = dirty ? Y.encodeStateAsUpdate(doc) : update;
    let tx: IDBTransaction;
    try {
      tx = db.transaction(['updates'], 'readwrite');
      tx.objectStore('updates').add(payload);
    } catch (error) {
      fail(error);
      return;
    }
    pending++;
    const wasDirty = dirty;
    const from = provider;
    if (state.kind !== 'error') setState({ kind: 'saving' });
    tx.oncomplete = () => {
      if (from !== provider) return; // a connection retry() replaced: it no longer counts
      pending--;
      if (wasDirty) {
        dirty = false;
        setState({ kind: 'saving' });
      }
      scheduleTrim();
      settle();
    };
    tx.onabort = () => {
      if (from !== provider) return;
      pending--;
      fail(tx.error ?? new DOMException('The save was cancelled', 'AbortError'));
      settle();
    };
  };

  const scheduleTrim = () => {
    if (++provider._dbsize < PREFERRED_TRIM_SIZE) return;
    clearTimeout(trimTimer);
    const current = provider;
    trimTimer = setTimeout(() => {
      storeState(current, false).catch(fail);
    }, TRIM_DELAY_MS);
  };

  const onUpdate = (update: Uint8Array, origin: unknown) => {
    if (origin !== provider) write(update);
  };

  const attach = (during: 'open' | 'save' = 'open'): Promise<void> => {
    // Opening an empty document (every open but a retry): nothing can edit it before it is
    // loaded, so our writer starts listening only then. While a document has any 'update'
    // listener, Yjs encodes every transaction as an update for it, and encoding the whole stored
    // plan as it is loaded, only for us to ignore it, was a third of a large plan's cold open.
    const listenAfterLoad = doc.store.clients.size === 0;
    provider = new IndexeddbPersistence(name, doc);
    // Replace y-indexeddb's silent writer with ours; its destroy() unregisters whatever is here.
    doc.off('update', provider._storeUpdate);
    provider._storeUpdate = onUpdate;
    const current = provider;
    if (listenAfterLoad) void current.whenSynced.then(() => current === provider && !current._destroyed && doc.on('update', onUpdate), () => {});
    else doc.on('update', onUpdate);
    const opened = current._db.then((db) => {
      const closedUnderUs = () => {
        db.close();
        if (current === provider) fail(new DOMException('The database was closed', 'InvalidStateError'));
      };
      db.onversionchange = closedUnderUs;
      db.onclose = closedUnderUs;
    });
    return Promise.all([current.whenSynced, opened]).then(
      () => {
        if (!dirty && pending === 0) setState({ kind: 'saved' });
      },
      (error: unknown) => {
        const failure = describeStorageError(error, during);
        setState(failure);
        throw failure;
      },
    );
  };

  const flush = (): Promise<void> => {
    if (dirty) write(new Uint8Array());
    if (pending === 0) return state.kind === 'error' ? Promise.reject(state) : Promise.resolve();
    return new Promise((resolve, reject) => settled.add(() => (state.kind === 'error' ? reject(state) : resolve())));
  };

  const onPageHide = () => void flush().catch(() => {});
  const onVisibility = () => {
    if (win?.document.visibilityState === 'hidden') onPageHide();
  };
  win?.addEventListener('pagehide', onPageHide);
  win?.document.addEventListener('visibilitychange', onVisibility);

  const whenLoaded = attach();
  whenLoaded.catch(() => {}); // reported through `state`; callers await whenLoaded themselves

  return {
    whenLoaded,
    get state() {
      return state;
    },
    onState(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    flush,
    async retry() {
      const cause = state;
      dirty = true;
      const old = provider;
      await old.destroy().catch(() => {});
      // A connection the browser closed may never report its last transactions (Chromium, disk
      // full): stop waiting for them, the whole document is stored again below.
      pending = 0;
      setState({ kind: 'saving' });
      try {
        await attach('save');
        // y-indexeddb's own first write on opening is not followed (whenSynced resolves before it
        // commits), so store the whole document through our writer: "saved" only once committed.
        await flush();
      } catch (failure) {
        // Chromium names no cause when it cannot reopen a full disk ("Internal error opening
        // backing store"): while the first cause may still hold, keep saying what it was.
        if (cause.kind === 'error' && state.kind === 'error' && state.reason === 'unknown') setState(cause);
        throw failure;
      }
    },
    async destroy() {
      clearTimeout(trimTimer);
      win?.removeEventListener('pagehide', onPageHide);
      win?.document.removeEventListener('visibilitychange', onVisibility);
      await flush().catch(() => {});
      listeners.clear();
      await provider.destroy();
    },
  };
}

/** Deletes a plan's database. Open copies in other pages are closed by the browser's versionchange. */
export function deletePlanData(planId: string, factory: IDBFactory = globalThis.indexedDB): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = factory.deleteDatabase(planDatabaseName(planId));
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error ?? new Error('The plan could not be deleted'));
  });
}
