/**
 * Reads a plan stored on this device without opening it for editing: for the background's badge
 * and the plan list's "what's due", which only need a snapshot of each plan.
 *
 * The plan's database is y-indexeddb's (lib/sync/persistence.ts): an `updates` store of Yjs
 * updates, applied in key order. We read that store in one read-only transaction instead of
 * opening y-indexeddb's `IndexeddbPersistence`, because opening one writes: it stores the
 * document's state as a new update on every open (a background check every day, or on every
 * change, would grow the store with empty updates) and it creates the database when it is
 * missing (a check racing a delete would bring back an empty database for a deleted plan). Here a
 * missing database is not created: the upgrade that would create it is aborted.
 */
import * as Y from 'yjs';
import { planDatabaseName } from './persistence.ts';

/** The object store y-indexeddb keeps a document's updates in (y-indexeddb 9, `updatesStoreName`). */
const UPDATES_STORE = 'updates';

/**
 * The stored plan as a new Y.Doc (the caller destroys it), or `undefined` when this device has no
 * database for the plan. Rejects when the database cannot be read or holds a damaged update.
 */
export async function readStoredPlan(planId: string, factory: IDBFactory = globalThis.indexedDB): Promise<Y.Doc | undefined> {
  const db = await openExisting(planDatabaseName(planId), factory);
  if (!db) return undefined;
  try {
    if (!db.objectStoreNames.contains(UPDATES_STORE)) return undefined;
    const updates = await getAll(db.transaction([UPDATES_STORE], 'readonly').objectStore(UPDATES_STORE));
    const doc = new Y.Doc();
    try {
      Y.transact(doc, () => {
        for (const update of updates) Y.applyUpdate(doc, update as Uint8Array);
      });
    } catch (error) {
      doc.destroy();
      throw error;
    }
    return doc;
  } finally {
    db.close();
  }
}

/**
 * Where the stored plan is at, without reading it: the key of its last stored update. Every write
 * (an edit, a merge of updates, even opening it for editing) stores an update under a new, higher
 * key, and a database never gives a key twice, so while the database lasts an unchanged key means
 * an unchanged plan.
 * `undefined` when this device has no database for the plan; 0 when it holds no update.
 */
export async function storedPlanVersion(planId: string, factory: IDBFactory = globalThis.indexedDB): Promise<number | undefined> {
  const db = await openExisting(planDatabaseName(planId), factory);
  if (!db) return undefined;
  try {
    if (!db.objectStoreNames.contains(UPDATES_STORE)) return undefined;
    const store = db.transaction([UPDATES_STORE], 'readonly').objectStore(UPDATES_STORE);
    return await new Promise((resolve, reject) => {
      const request = store.openKeyCursor(null, 'prev');
      request.onsuccess = () => resolve(typeof request.result?.key === 'number' ? request.result.key : 0);
      request.onerror = () => reject(request.error ?? new Error('The stored plan could not be read'));
    });
  } finally {
    db.close();
  }
}

/** Opens a database that exists; resolves `undefined` (creating nothing) when it does not. */
function openExisting(name: string, factory: IDBFactory): Promise<IDBDatabase | undefined> {
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

function getAll(store: IDBObjectStore): Promise<unknown[]> {
  return new Promise((resolve, reject) => {
    const request = store.getAll();
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('The stored plan could not be read'));
  });
}
