import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { COMPACT_AFTER_LOAD_MS, COMPACT_ON_OPEN_ABOVE, deletePlanData, persistPlan, planDatabaseName, type PlanPersistence } from '../../../lib/sync/persistence.ts';
import type { SaveState } from '../../../lib/sync/save-state.ts';

// A fresh, empty IndexedDB for every test.
beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

const open: PlanPersistence[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((p) => p.destroy().catch(() => {})));
});

function persisted(doc: Y.Doc, planId = 'p1') {
  const p = persistPlan(doc, planId, undefined);
  open.push(p);
  return p;
}

async function reopen(planId = 'p1') {
  const doc = new Y.Doc();
  const p = persisted(doc, planId);
  await p.whenLoaded;
  return doc;
}

describe('persistPlan', () => {
  it('is loading until the stored plan is in the document, then saved', async () => {
    const doc = new Y.Doc();
    const p = persisted(doc);
    expect(p.state.kind).toBe('loading');
    await p.whenLoaded;
    expect(p.state.kind).toBe('saved');
  });

  it('stores every edit, so a new copy opened later has them all before it renders', async () => {
    const doc = new Y.Doc();
    const p = persisted(doc);
    await p.whenLoaded;
    doc.getText('t').insert(0, 'hello');
    doc.getText('t').insert(5, ' world');
    await p.flush();
    expect((await reopen()).getText('t').toString()).toBe('hello world');
  });

  it('loads a stored plan without encoding it again for its own writer (a large plan opens faster)', async () => {
    const first = new Y.Doc();
    const p = persisted(first);
    await p.whenLoaded;
    first.getText('t').insert(0, 'stored');
    await p.flush();

    const doc = new Y.Doc();
    const listenersWhileLoading: number[] = [];
    doc.on('afterTransaction', (tr: Y.Transaction) => {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      if (tr.changed.size > 0) listenersWhileLoading.push((doc as any)._observers.get('update')?.size ?? 0);
    });
    const q = persisted(doc);
    await q.whenLoaded;
    expect(doc.getText('t').toString()).toBe('stored');
    expect(listenersWhileLoading).toEqual([0]);
    // …and from then on every edit is stored.
    doc.getText('t').insert(6, ' and edited');
    await q.flush();
    expect((await reopen()).getText('t').toString()).toBe('stored and edited');
  });

  it('goes saving → saved as an edit is committed, and tells listeners', async () => {
    const doc = new Y.Doc();
    const p = persisted(doc);
    await p.whenLoaded;
    const seen: SaveState['kind'][] = [];
    p.onState((s) => seen.push(s.kind));
    doc.getMap('m').set('k', 1);
    expect(p.state.kind).toBe('saving');
    await p.flush();
    expect(seen).toEqual(['saving', 'saved']);
  });

  it('keeps edits made before the database opened', async () => {
    const doc = new Y.Doc();
    const p = persisted(doc);
    doc.getText('t').insert(0, 'early');
    await p.whenLoaded;
    await p.flush();
    expect((await reopen()).getText('t').toString()).toBe('early');
  });

  it('reports a database closed under it as a clear error, then saves everything again on retry', async () => {
    const doc = new Y.Doc();
    const p = persisted(doc);
    await p.whenLoaded;
    doc.getText('t').insert(0, 'kept ');
    await p.flush();
    // Another page deletes the database while this one has it open.
    await deletePlanData('p1');
    doc.getText('t').insert(5, 'in memory');
    expect(p.state).toMatchObject({ kind: 'error', reason: 'closed' });
    expect((p.state as { message: string }).message).toMatch(/still in this window/);
    await p.retry();
    expect(p.state.kind).toBe('saved');
    expect((await reopen()).getText('t').toString()).toBe('kept in memory');
  });

  it('finishes "Try again" even when the closed connection never reports its last write (Chromium, disk full)', async () => {
    const doc = new Y.Doc();
    const p = persisted(doc);
    await p.whenLoaded;
    doc.getText('t').insert(0, 'kept ');
    await p.flush();
    // Chromium may fire neither complete nor abort for a write on a connection it closes for a
    // full disk: silence the next transaction's events the same way.
    const transaction = IDBDatabase.prototype.transaction;
    let silence = true;
    IDBDatabase.prototype.transaction = function (this: IDBDatabase, ...args: Parameters<IDBDatabase['transaction']>) {
      const tx = transaction.apply(this, args);
      if (silence) for (const prop of ['oncomplete', 'onabort']) Object.defineProperty(tx, prop, { get: () => null, set: () => {} });
      return tx;
    };
    try {
      doc.getText('t').insert(5, 'in flight ');
      silence = false;
      await deletePlanData('p1');
      expect(p.state).toMatchObject({ kind: 'error', reason: 'closed' });
      await p.retry();
      expect(p.state.kind).toBe('saved');
    } finally {
      IDBDatabase.prototype.transaction = transaction;
    }
    expect((await reopen()).getText('t').toString()).toBe('kept in flight ');
  });

  it('keeps the first failure as the message: the refusals that follow it on a closed connection name no cause', async () => {
    const doc = new Y.Doc();
    const p = persisted(doc);
    await p.whenLoaded;
    await deletePlanData('p1');
    doc.getText('t').insert(0, 'typed after');
    const first = p.state;
    expect(first).toMatchObject({ kind: 'error', reason: 'closed' });
    // Every further edit is refused by the closed connection; the message stays the same object.
    doc.getText('t').insert(0, 'and more ');
    expect(p.state).toBe(first);
    await p.retry();
    expect((await reopen()).getText('t').toString()).toBe('and more typed after');
  });

  it('merges hundreds of small updates (y-indexeddb trimming) without losing any', async () => {
    const doc = new Y.Doc();
    const p = persisted(doc);
    await p.whenLoaded;
    const text = doc.getText('t');
    for (let i = 0; i < 600; i++) text.insert(text.length, 'x');
    await p.flush();
    await new Promise((r) => setTimeout(r, 1200)); // the trim runs 1 s after the 500th update
    await p.flush();
    expect((await reopen()).getText('t').length).toBe(600);
  });

  it('merges the stored updates into one, which loads as before', async () => {
    const doc = new Y.Doc();
    const p = persisted(doc);
    await p.whenLoaded;
    const text = doc.getText('t');
    for (let i = 0; i < 30; i++) text.insert(text.length, `${i} `);
    await p.flush();
    expect(await storedUpdates()).toBe(30); // one per edit: opening stored nothing
    expect(await p.compact()).toBe(true);
    expect(await storedUpdates()).toBe(1);
    expect((await reopen()).getText('t').toString()).toBe(text.toString());
  });

  it('loses no edit made while the updates are being merged', async () => {
    const doc = new Y.Doc();
    const p = persisted(doc);
    await p.whenLoaded;
    const text = doc.getText('t');
    text.insert(0, 'before ');
    // Written but not yet committed when the merge starts, then typed while it runs.
    text.insert(text.length, 'pending ');
    const merging = p.compact(0);
    text.insert(text.length, 'during ');
    await Promise.resolve();
    text.insert(text.length, 'still during');
    expect(await merging).toBe(true);
    text.insert(text.length, ' after');
    await p.flush();
    expect((await reopen()).getText('t').toString()).toBe('before pending during still during after');
  });

  it('leaves a few stored updates as they are', async () => {
    const doc = new Y.Doc();
    const p = persisted(doc);
    await p.whenLoaded;
    doc.getText('t').insert(0, 'a');
    await p.flush();
    const before = await storedUpdates();
    expect(await p.compact(before)).toBe(false);
    expect(await storedUpdates()).toBe(before);
  });

  it('merges a plan stored as many updates once it has opened, not while it loads', async () => {
    const first = new Y.Doc();
    const p = persisted(first);
    await p.whenLoaded;
    for (let i = 0; i < COMPACT_ON_OPEN_ABOVE + 5; i++) first.getText('t').insert(0, 'x');
    await p.destroy();
    const stored = await storedUpdates();
    expect(stored).toBeGreaterThan(COMPACT_ON_OPEN_ABOVE);

    const doc = new Y.Doc();
    const again = persisted(doc);
    await again.whenLoaded;
    expect(await storedUpdates()).toBeGreaterThanOrEqual(stored);
    await new Promise((r) => setTimeout(r, COMPACT_AFTER_LOAD_MS + 300));
    expect(await storedUpdates()).toBe(1);
    expect((await reopen()).getText('t').length).toBe(COMPACT_ON_OPEN_ABOVE + 5);
  });

  it('stops writing after destroy', async () => {
    const doc = new Y.Doc();
    const p = persistPlan(doc, 'p1', undefined);
    await p.whenLoaded;
    doc.getText('t').insert(0, 'a');
    await p.destroy();
    doc.getText('t').insert(1, 'b');
    expect((await reopen()).getText('t').toString()).toBe('a');
  });
});

describe('deletePlanData', () => {
  it('removes the plan database and nothing else', async () => {
    for (const id of ['p1', 'p2']) {
      const doc = new Y.Doc();
      const p = persistPlan(doc, id, undefined);
      await p.whenLoaded;
      await p.destroy();
    }
    await deletePlanData('p1');
    const names = (await indexedDB.databases()).map((d) => d.name);
    expect(names).toEqual([planDatabaseName('p2')]);
  });
});

/** How many updates the plan's database holds (y-indexeddb's `updates` store). */
async function storedUpdates(planId = 'p1'): Promise<number> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(planDatabaseName(planId));
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  try {
    return await new Promise<number>((resolve, reject) => {
      const count = db.transaction(['updates'], 'readonly').objectStore('updates').count();
      count.onsuccess = () => resolve(count.result);
      count.onerror = () => reject(count.error);
    });
  } finally {
    db.close();
  }
}
