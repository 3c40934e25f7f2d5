/**
 * A copy poisoned before the guard (a stored update whose structs stay pending) is cleaned when the
 * plan is opened: the document holds nothing pending, and what is stored no longer holds the
 * poison, so the next open, the badge's read-only snapshot and a backup are all clean. A
 * quarantined update is kept in the plan's database across reopening.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { IndexeddbPersistence } from 'y-indexeddb';
import { createPlan, planRoots, readMeta } from '../../../../lib/plan/index.ts';
import { createPlanSession, openPlanSession } from '../../../../lib/sync/plan-session.ts';
import { planDatabaseName } from '../../../../lib/sync/persistence.ts';
import { readStoredPlan } from '../../../../lib/sync/read-stored-plan.ts';
import { encodeRangesV1 } from '../../../../lib/sync/guard/delete-set.ts';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

const seed = { familyName: 'Testington', children: [{ name: 'Ava', dob: '2019-03-14' }, { name: 'Leo', dob: '2021-01-02' }], profileId: 'national', division: 'england-and-wales' as const, createdBy: 'Sam', createdAt: '2026-03-02' };

describe('opening a plan', () => {
  it('drops pending structs stored before the guard, from the document and from storage', async () => {
    const created = await createPlanSession('p1', (doc) => createPlan(doc, seed));
    const colleague = new Y.Doc();
    Y.applyUpdate(colleague, Y.encodeStateAsUpdate(created.doc));
    await created.close();
    planRoots(colleague).meta.set('address', 'never sent');
    const sv = Y.encodeStateVector(colleague);
    planRoots(colleague).meta.set('address', '5 Fictional Road');
    const poison = Y.encodeStateAsUpdate(colleague, sv);
    // Stored as an unguarded copy would have: straight into y-indexeddb.
    const raw = new Y.Doc();
    const stored = new IndexeddbPersistence(planDatabaseName('p1'), raw);
    await stored.whenSynced;
    Y.applyUpdate(raw, poison);
    expect(raw.store.pendingStructs).not.toBeNull();
    await new Promise((r) => setTimeout(r, 50));
    await stored.destroy();

    const session = await openPlanSession('p1');
    expect(session.doc.store.pendingStructs).toBeNull();
    expect(readMeta(session.doc).familyName).toBe('Testington');
    await session.close();
    const snapshot = (await readStoredPlan('p1'))!;
    expect(snapshot.store.pendingStructs).toBeNull();
    expect(readMeta(snapshot).familyName).toBe('Testington');
  });

  it('keeps a quarantined update in the plan’s database until a member decides', async () => {
    const created = await createPlanSession('p2', (doc) => createPlan(doc, seed));
    const client = [...created.doc.store.clients.keys()][0]!;
    const wipe = Uint8Array.from([0, ...encodeRangesV1(new Map([[client, [{ clock: 1, len: Y.getState(created.doc.store, client) - 1 }]]]))]);
    expect(created.guard.applyRemoteUpdate(wipe, 'peer').kind).toBe('quarantined');
    await new Promise((r) => setTimeout(r, 50));
    await created.close();
    const reopened = await openPlanSession('p2');
    await reopened.guard.loaded;
    expect(reopened.guard.quarantined).toHaveLength(1);
    await reopened.guard.keep(reopened.guard.quarantined[0]!.id);
    await reopened.close();
    const again = await openPlanSession('p2');
    await again.guard.loaded;
    expect(again.guard.quarantined).toHaveLength(0);
    expect(again.guard.applyRemoteUpdate(wipe, 'peer').kind).toBe('applied');
    expect(readMeta(again.doc).familyName).toBe('Testington');
    await again.close();
  });
});
