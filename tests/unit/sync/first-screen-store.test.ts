import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import * as Y from 'yjs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { KEEP_FIRST_SCREEN_AFTER_MS, persistPlan, planDatabaseName } from '../../../lib/sync/persistence.ts';
import { openLargePlan } from '../helpers/large-plan.ts';
import { readFirstScreen } from '../../../lib/sync/first-screen-store.ts';
import { decodeFirstScreen, FIRST_SCREEN_ROOTS } from '../../../lib/plan/first-screen.ts';
import { readMeta, setMetaField } from '../../../lib/plan/index.ts';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});
afterEach(() => {
  vi.restoreAllMocks();
});

/** How many times the keep-when-quiet timer was armed since `spy` started. */
const keepTimers = (spy: { mock: { calls: unknown[][] } }) => spy.mock.calls.filter(([, ms]) => ms === KEEP_FIRST_SCREEN_AFTER_MS).length;

const PLAN = 'a'.repeat(32);
const NAME = planDatabaseName(PLAN);
const FAMILY = FIRST_SCREEN_ROOTS.family!;

async function familyNameShown(): Promise<string | null> {
  const roots = await readFirstScreen(NAME, FAMILY).roots;
  const doc = decodeFirstScreen(roots, 'family');
  return doc ? readMeta(doc).familyName : null;
}

describe('the kept first screen', () => {
  it('is read while nothing has been stored since it was kept', async () => {
    // Kept as the copy that stored the plan closed; opening the plan again wrote nothing, so it is still up to date.
    const { doc, persistence } = await openLargePlan(PLAN, 'Rowan');
    expect(await familyNameShown()).toBe('Rowan');

    // An edit stored since (here, another tab's or a colleague's would do the same) makes it out of date.
    setMetaField(doc, { field: 'familyName', value: 'Rowan-Hale' });
    await persistence.flush();
    expect(await familyNameShown()).toBeNull();
    await persistence.keepFirstScreen();
    expect(await familyNameShown()).toBe('Rowan-Hale');

    // A compaction rewrites what is stored: out of date again until kept.
    await persistence.compact(0);
    expect(await familyNameShown()).toBeNull();
    await persistence.destroy(); // closing keeps it
    expect(await familyNameShown()).toBe('Rowan-Hale');
  });

  it('is not kept for a small plan', async () => {
    const doc = new Y.Doc();
    const persistence = persistPlan(doc, PLAN, undefined);
    await persistence.whenLoaded;
    setMetaField(doc, { field: 'familyName', value: 'Rowan' });
    await persistence.keepFirstScreen();
    await persistence.destroy();
    expect(await readFirstScreen(NAME, FAMILY).exists).toBe(true);
    expect(await familyNameShown()).toBeNull();
  });

  it('arms its keep-when-quiet timer on each edit of a large plan, and never on a small plan’s (the timer runs per keystroke)', async () => {
    const small = new Y.Doc();
    const smallPersistence = persistPlan(small, 'b'.repeat(32), undefined);
    await smallPersistence.whenLoaded;
    const { doc, persistence } = await openLargePlan(PLAN, 'Rowan');
    const spy = vi.spyOn(globalThis, 'setTimeout');
    for (let i = 0; i < 5; i++) setMetaField(small, { field: 'familyName', value: `Rowan ${i}` });
    expect(keepTimers(spy)).toBe(0);
    for (let i = 0; i < 5; i++) setMetaField(doc, { field: 'familyName', value: `Rowan ${i}` });
    expect(keepTimers(spy)).toBe(5);
    spy.mockRestore();
    await smallPersistence.destroy();
    await persistence.destroy();
  });

  it('says a plan is not on this device without creating its database', async () => {
    const stored = readFirstScreen(NAME, FAMILY);
    expect(await stored.exists).toBe(false);
    expect(await stored.roots).toBeNull();
    expect(await indexedDB.databases()).toEqual([]);
  });
});
