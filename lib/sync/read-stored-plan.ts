/**
 * Reads a plan stored on this device without opening it for editing: for the background's badge
 * and the plan list's "what's due", which only need a snapshot of each plan.
 *
 * The plan's database is in y-indexeddb's format (lib/sync/plan-database.ts): an `updates` store
 * of Yjs updates, applied in key order, read here in one read-only transaction. A missing
 * database is not created (a check racing a delete would bring back an empty database for a
 * deleted plan): the upgrade that would create it is aborted.
 */
import * as Y from 'yjs';
import { planDatabaseName } from './persistence.ts';
import { openExisting, readUpdatesAfter, UPDATES_STORE } from './plan-database.ts';

/**
 * The stored plan as a new Y.Doc (the caller destroys it), or `undefined` when this device has no
 * database for the plan. Rejects when the database cannot be read or holds a damaged update.
 */
export async function readStoredPlan(planId: string, factory: IDBFactory = globalThis.indexedDB): Promise<Y.Doc | undefined> {
  const db = await openExisting(planDatabaseName(planId), factory);
  if (!db) return undefined;
  try {
    if (!db.objectStoreNames.contains(UPDATES_STORE)) return undefined;
    const { updates } = await readUpdatesAfter(db, undefined);
    const doc = new Y.Doc();
    try {
      Y.transact(doc, () => {
        for (const update of updates) Y.applyUpdate(doc, update);
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
 * (an edit, a merge of updates; opening it writes nothing) stores an update under a new, higher
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
