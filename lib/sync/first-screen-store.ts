/**
 * Where a large plan's first screen (lib/plan/first-screen.ts) is kept: records in the plan's own
 * database, beside its updates (y-indexeddb's `custom` store), one per root and one saying when
 * they were kept, so a section reads only its own roots, and removing the plan from the device
 * removes them too.
 *
 * The record says which update was the last one stored when it was written. It is read only while
 * that is still the last one: any update stored since (this page's typing, another tab, the
 * background copy receiving a colleague's edits, a compaction) makes it out of date, and an out of
 * date first screen is never shown. Writing reads that key in the same transaction as it puts the
 * record, and IndexedDB runs it after every write this page started before it.
 */
import type { FirstScreenRoots } from '../plan/first-screen.ts';

export const FIRST_SCREEN_KEY = 'first-screen';

/** Which update was stored last when the first screen was kept; each root is a record of its own beside it. */
interface FirstScreenRecord {
  lastUpdate: IDBValidKey | null;
}

/** Puts `roots` in `db` as the first screen for what is stored now; resolves once committed. */
export function storeFirstScreen(db: IDBDatabase, roots: FirstScreenRoots): Promise<void> {
  return new Promise((resolve, reject) => {
    const tx = db.transaction(['updates', 'custom'], 'readwrite');
    const last = tx.objectStore('updates').openKeyCursor(null, 'prev');
    last.onsuccess = () => {
      const custom = tx.objectStore('custom');
      for (const [name, update] of Object.entries(roots)) custom.put(update, `${FIRST_SCREEN_KEY}:${name}`);
      custom.put({ lastUpdate: last.result?.key ?? null } satisfies FirstScreenRecord, FIRST_SCREEN_KEY);
    };
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('The first screen could not be kept'));
    tx.onabort = () => reject(tx.error ?? new Error('The first screen could not be kept'));
  });
}

/** What a plan's database holds for a first screen: whether it exists (known first), then the roots read if up to date. */
export interface StoredFirstScreen {
  exists: Promise<boolean>;
  roots: Promise<FirstScreenRoots | null>;
}

/**
 * Roots `names` of the first screen kept in database `name`, if there and up to date, and whether
 * the database exists at all (known as soon as it opens: quicker than indexedDB.databases()).
 * Never creates the database. A failure reads as no first screen: the page waits for the plan.
 */
export function readFirstScreen(name: string, names: readonly string[], factory: IDBFactory = globalThis.indexedDB): StoredFirstScreen {
  let exists!: (value: boolean) => void;
  const existing = new Promise<boolean>((resolve) => (exists = resolve));
  const roots = new Promise<FirstScreenRoots | null>((resolve) => {
    const fail = (found: boolean) => {
      exists(found);
      resolve(null);
    };
    let request: IDBOpenDBRequest;
    let created = false;
    try {
      request = factory.open(name);
    } catch {
      return fail(false);
    }
    // No such database: undo its creation.
    request.onupgradeneeded = () => {
      created = true;
      request.transaction?.abort();
    };
    request.onerror = () => fail(!created);
    request.onblocked = () => fail(true);
    request.onsuccess = () => {
      const db = request.result;
      exists(true);
      if (names.length === 0) {
        db.close();
        return resolve(null);
      }
      const done = (value: FirstScreenRoots | null) => {
        db.close();
        resolve(value);
      };
      try {
        const tx = db.transaction(['updates', 'custom'], 'readonly');
        const custom = tx.objectStore('custom');
        const stored = custom.get(FIRST_SCREEN_KEY);
        const updates = names.map((root) => [root, custom.get(`${FIRST_SCREEN_KEY}:${root}`)] as const);
        const last = tx.objectStore('updates').openKeyCursor(null, 'prev');
        tx.oncomplete = () => {
          const record = stored.result as Partial<FirstScreenRecord> | undefined;
          const fresh = !!record && sameKey(factory, record.lastUpdate, last.result?.key ?? null);
          const read: Record<string, Uint8Array> = {};
          for (const [root, request] of updates) if (request.result instanceof Uint8Array) read[root] = request.result;
          done(fresh ? read : null);
        };
        tx.onerror = () => done(null);
        tx.onabort = () => done(null);
      } catch {
        done(null);
      }
    };
  });
  return { exists: existing, roots };
}

function sameKey(factory: IDBFactory, a: IDBValidKey | null | undefined, b: IDBValidKey | null): boolean {
  if (a === undefined || a === null || b === null) return false;
  try {
    return factory.cmp(a, b) === 0;
  } catch {
    return false;
  }
}
