import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { IndexeddbPersistence } from 'y-indexeddb';
import { persistPlan, planDatabaseName } from '../../../lib/sync/persistence.ts';
import { readStoredUpdates } from '../../../lib/sync/plan-database.ts';
import { storedPlanVersion } from '../../../lib/sync/read-stored-plan.ts';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

const PLAN = 'c'.repeat(32);

/** Stores `text` in the plan as one edit per call, closing the copy after. */
async function store(...texts: string[]): Promise<void> {
  const doc = new Y.Doc();
  const p = persistPlan(doc, PLAN, undefined);
  await p.whenLoaded;
  const t = doc.getText('t');
  for (const text of texts) t.insert(t.length, text);
  await p.destroy();
}

async function open(earlier?: ReturnType<typeof readStoredUpdates>) {
  const doc = new Y.Doc();
  const p = persistPlan(doc, PLAN, undefined, earlier);
  await p.whenLoaded;
  return { doc, p };
}

async function databaseNames(): Promise<string[]> {
  return (await indexedDB.databases()).map((d) => d.name!);
}

describe('the plan’s database', () => {
  it('writes nothing when a plan is opened and closed without an edit', async () => {
    await store('one ', 'two');
    const before = await storedPlanVersion(PLAN);
    const { doc, p } = await open();
    expect(doc.getText('t').toString()).toBe('one two');
    await p.destroy();
    // y-indexeddb's own opening stored the document's state each time: the stored version moved on.
    expect(await storedPlanVersion(PLAN)).toBe(before);
  });

  it('loads a database that y-indexeddb itself wrote (the format every reader keeps)', async () => {
    const written = new Y.Doc();
    const provider = new IndexeddbPersistence(planDatabaseName(PLAN), written);
    await provider.whenSynced;
    written.getText('t').insert(0, 'stored by y-indexeddb');
    written.getMap('m').set('k', 1);
    await new Promise((r) => setTimeout(r, 20));
    await provider.destroy();
    const { doc, p } = await open();
    expect(doc.getText('t').toString()).toBe('stored by y-indexeddb');
    doc.getText('t').insert(0, 'And ');
    await p.destroy();
    // …and y-indexeddb loads what this wrote.
    const back = new Y.Doc();
    const again = new IndexeddbPersistence(planDatabaseName(PLAN), back);
    await again.whenSynced;
    expect(back.getText('t').toString()).toBe('And stored by y-indexeddb');
    expect(back.getMap('m').get('k')).toBe(1);
    await again.destroy();
  });

  it('reads ahead without creating a database for a plan not on this device', async () => {
    expect(await readStoredUpdates(planDatabaseName(PLAN))).toBeNull();
    expect(await databaseNames()).toEqual([]);
  });

  it('loads the updates read ahead and whatever was stored after them', async () => {
    await store('read ', 'ahead ');
    const earlier = readStoredUpdates(planDatabaseName(PLAN));
    expect((await earlier)?.updates).toHaveLength(2);
    await store('stored after');
    const { doc } = await open(earlier);
    expect(doc.getText('t').toString()).toBe('read ahead stored after');
  });

  it('loses nothing when another page merged the stored updates after they were read ahead', async () => {
    await store('a ', 'b ');
    const earlier = readStoredUpdates(planDatabaseName(PLAN));
    await earlier;
    // Another page adds an edit and merges everything stored into one update.
    const other = new Y.Doc();
    const q = persistPlan(other, PLAN, undefined);
    await q.whenLoaded;
    other.getText('t').insert(other.getText('t').length, 'c');
    await q.flush();
    expect(await q.compact(0)).toBe(true);
    await q.destroy();
    const { doc } = await open(earlier);
    expect(doc.getText('t').toString()).toBe('a b c');
  });

  it('loads everything itself when reading ahead found nothing', async () => {
    await store('all');
    const { doc } = await open(Promise.resolve(null));
    expect(doc.getText('t').toString()).toBe('all');
  });
});

describe('a damaged stored plan', () => {
  it('is refused with a clear message, not left loading, and nothing is written', async () => {
    await store('kept');
    // An update that cannot be read (cut short), stored after the plan's own.
    await new Promise<void>((resolve, reject) => {
      const request = indexedDB.open(planDatabaseName(PLAN));
      request.onsuccess = () => {
        const tx = request.result.transaction('updates', 'readwrite');
        tx.objectStore('updates').add(new Uint8Array([5]));
        tx.oncomplete = () => (request.result.close(), resolve());
        tx.onerror = () => reject(tx.error);
      };
    });
    const before = await storedPlanVersion(PLAN);
    const doc = new Y.Doc();
    const p = persistPlan(doc, PLAN, undefined);
    await expect(p.whenLoaded).rejects.toMatchObject({ kind: 'error', reason: 'open' });
    expect(p.state).toMatchObject({ kind: 'error', message: expect.stringMatching(/could not be opened.*Nothing has been changed/) });
    await p.destroy();
    expect(await storedPlanVersion(PLAN)).toBe(before);
  });
});
