/**
 * A plan as one profile stores it (y-indexeddb's `updates` store of `plan:<id>`), read into a Y.Doc
 * in the test, and one more update written beside it (or in its place): what another copy of the
 * extension (an older or damaged one) would have stored.
 */
import * as Y from 'yjs';
import type { Page } from '@playwright/test';

/** The plan as stored in this profile (y-indexeddb's updates), read from an extension page. */
export async function storedPlan(page: Page, planId: string): Promise<Y.Doc> {
  const updates = await page.evaluate(
    (name) =>
      new Promise<number[][]>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const all = open.result.transaction('updates', 'readonly').objectStore('updates').getAll();
          all.onsuccess = () => resolve((all.result as Uint8Array[]).map((u) => [...u]));
          all.onerror = () => reject(all.error);
        };
      }),
    `plan:${planId}`,
  );
  const doc = new Y.Doc();
  for (const update of updates) Y.applyUpdate(doc, Uint8Array.from(update));
  return doc;
}

/** The key of the last update stored for the plan (null when none): it moves on with every write. */
export function lastStoredKey(page: Page, planId: string): Promise<IDBValidKey | null> {
  return page.evaluate(
    (name) =>
      new Promise<IDBValidKey | null>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const last = open.result.transaction('updates', 'readonly').objectStore('updates').openKeyCursor(null, 'prev');
          last.onsuccess = () => {
            open.result.close();
            resolve(last.result?.key ?? null);
          };
          last.onerror = () => reject(last.error);
        };
      }),
    `plan:${planId}`,
  );
}

/** Appends `update` to the plan's stored updates, as y-indexeddb itself writes them. */
export function appendStoredUpdate(page: Page, planId: string, update: Uint8Array): Promise<void> {
  return writeStoredUpdate(page, planId, update, false);
}

/** Replaces everything stored for the plan with `update`: a copy that stored its state merged. */
export function replaceStoredPlan(page: Page, planId: string, update: Uint8Array): Promise<void> {
  return writeStoredUpdate(page, planId, update, true);
}

async function writeStoredUpdate(page: Page, planId: string, update: Uint8Array, replace: boolean): Promise<void> {
  await page.evaluate(
    ({ name, bytes, replace }) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('updates', 'readwrite');
          if (replace) tx.objectStore('updates').clear();
          tx.objectStore('updates').add(Uint8Array.from(bytes));
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    { name: `plan:${planId}`, bytes: [...update], replace },
  );
}
