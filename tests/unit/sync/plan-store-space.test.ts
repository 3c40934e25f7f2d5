import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import * as Y from 'yjs';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { PlanStore } from '../../../lib/sync/plan-store.ts';
import { SaveTracker } from '../../../lib/sync/save-tracker.ts';
import { deletePlanData, planDatabaseName } from '../../../lib/sync/persistence.ts';
import { NO_ROOM_BYTES, outOfSpace } from '../../../lib/platform/storage-space.ts';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

/** A plan store whose device is (or is not) out of space, with its database then closed under it. */
async function closedUnder(full: boolean): Promise<SaveTracker> {
  const saves = new SaveTracker();
  const store = new PlanStore(new Y.Doc(), planDatabaseName('p1'), saves, async () => full);
  await store.open();
  await deletePlanData('p1');
  return saves;
}

describe('a database the browser closes under the page', () => {
  it('is named "out of space" when the device has no room left (Chromium closes a full disk’s database)', async () => {
    const saves = await closedUnder(true);
    await vi.waitFor(() => expect(saves.state).toMatchObject({ kind: 'error', reason: 'quota' }));
  });

  it('is "closed" otherwise', async () => {
    const saves = await closedUnder(false);
    await new Promise((r) => setTimeout(r, 20));
    expect(saves.state).toMatchObject({ kind: 'error', reason: 'closed' });
  });
});

describe('outOfSpace', () => {
  const estimate = (quota: number | undefined, usage: number | undefined) => ({ estimate: async () => ({ quota, usage }) }) as unknown as StorageManager;
  it('reads the browser’s estimate: a quota down to what is used means a full disk', async () => {
    expect(await outOfSpace(estimate(248_207, 248_207))).toBe(true);
    expect(await outOfSpace(estimate(248_207 + NO_ROOM_BYTES - 1, 248_207))).toBe(true);
    expect(await outOfSpace(estimate(63_969_679, 248_207))).toBe(false);
  });
  it('is false when it cannot tell', async () => {
    expect(await outOfSpace(undefined)).toBe(false);
    expect(await outOfSpace(estimate(undefined, 10))).toBe(false);
    expect(await outOfSpace({ estimate: async () => Promise.reject(new Error('no')) } as unknown as StorageManager)).toBe(false);
  });
});
