import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { removePlanSummary } from '../../../lib/library/plan-index.ts';
import { KEPT_URGENT_KEY, urgentAcrossPlans } from '../../../lib/due/urgent-across-plans.ts';
import { storedPlanVersion } from '../../../lib/sync/read-stored-plan.ts';
import { planDatabaseName } from '../../../lib/sync/persistence.ts';
import { copyProfile, saveOwnProfile } from '../../../lib/settings/own-profiles.ts';
import { SHIPPED_PROFILES } from '../../../lib/rules/deadlines/profiles/shipped-profiles.ts';
import { memoryArea } from '../helpers/memory-area.ts';
import { addAction, addMeeting, newPlan } from './plan-fixtures.ts';
import { storedPlans } from './stored-plans.ts';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

/** A plan whose first core group was due on Monday 16 March 2026 and an action due on the 20th. */
function planWithDeadlines(familyName = 'Testington', child = 'Ava', action = 'Health visitor visits weekly') {
  const doc = newPlan({ familyName, children: [{ name: child, dob: '2019-03-14' }] });
  addMeeting(doc, 'icpc', '2026-03-02');
  addAction(doc, { description: action, dueDate: '2026-03-20' });
  return doc;
}

async function setUp() {
  const area = memoryArea();
  const plans = storedPlans();
  const first = planWithDeadlines();
  const a = await plans.store(area, first, { familyName: 'Testington', childNames: ['Ava'] });
  const b = await plans.store(area, planWithDeadlines('Sampleton', 'Ben', 'School nurse sees Ben'), { familyName: 'Sampleton', childNames: ['Ben'] });
  const urgent = (today = '2026-03-20') => urgentAcrossPlans(area, { today, kept: plans.kept, readPlan: plans.readPlan, planVersion: plans.planVersion });
  return { area, plans, a, b, first, urgent };
}

const count = (result: { deadlines: readonly unknown[] }[]) => result.reduce((sum, plan) => sum + plan.deadlines.length, 0);

describe('urgentAcrossPlans', () => {
  it('reads each plan once, then again only when its stored version moves on', async () => {
    const { plans, a, first, urgent } = await setUp();
    const before = await urgent();
    expect(before.map((p) => p.deadlines)).toEqual([
      [expect.objectContaining({ status: 'overdue' }), expect.objectContaining({ status: 'due-today' })],
      [expect.objectContaining({ status: 'overdue' }), expect.objectContaining({ status: 'due-today' })],
    ]);
    expect(plans.read).toHaveLength(2);

    expect(await urgent()).toEqual(before);
    expect(plans.read).toHaveLength(2); // nothing changed: nothing read

    // The first plan changes (an action is added): only that plan is read again.
    addAction(first, { description: 'Another visit', dueDate: '2026-04-30' });
    plans.replace(a, first);
    const after = await urgent();
    expect(plans.read.slice(2)).toEqual([a]);
    expect(count(after)).toBe(4);
    expect(after.find((p) => p.planId === a)!.deadlines).toHaveLength(2);
  });

  it('reads every plan again on a new day, or when the member changes one of their own profiles', async () => {
    const { area, plans, urgent } = await setUp();
    await urgent('2026-03-17');
    expect(count(await urgent('2026-03-17'))).toBe(2); // the core group is overdue; the action is not due yet
    expect(plans.read).toHaveLength(2);
    expect(count(await urgent('2026-03-20'))).toBe(4);
    expect(plans.read).toHaveLength(4);
    await saveOwnProfile(area, copyProfile(SHIPPED_PROFILES[0]!, 'Our local timescales'));
    await urgent('2026-03-20');
    expect(plans.read).toHaveLength(6);
  });

  it('keeps only rule keys and status: no family, child or action', async () => {
    const { plans, urgent } = await setUp();
    await urgent();
    const kept = JSON.stringify(await plans.kept.get(null));
    expect(kept).toContain('T');
    for (const words of ['Testington', 'Ava', 'Health visitor', 'Sampleton', 'Ben', 'School nurse']) expect(kept).not.toContain(words);
  });

  it('forgets a plan removed from the list', async () => {
    const { area, plans, a, b, urgent } = await setUp();
    await urgent();
    await removePlanSummary(area, a);
    expect((await urgent()).map((p) => p.planId)).toEqual([b]);
    expect(Object.keys((await plans.kept.get([KEPT_URGENT_KEY]))[KEPT_URGENT_KEY] as object)).toEqual([b]);
  });

  it('reads a plan again when what was kept for it is not what it keeps, or when its reading failed', async () => {
    const { plans, a, b, urgent } = await setUp();
    const before = await urgent();
    const kept = (await plans.kept.get([KEPT_URGENT_KEY]))[KEPT_URGENT_KEY] as Record<string, { urgent: unknown }>;
    await plans.kept.set({ [KEPT_URGENT_KEY]: { ...kept, [a]: { ...kept[a], urgent: [{ key: 'T8', status: 'on fire' }] }, [b]: 'nonsense' } });
    expect(await urgent()).toEqual(before);
    expect(plans.read.slice(2).sort()).toEqual([a, b].sort());

    const failing = storedPlans();
    const area = memoryArea();
    const id = await failing.store(area, planWithDeadlines(), { familyName: 'Testington', childNames: ['Ava'] });
    const readPlan = async () => {
      throw new Error('The stored plan could not be read');
    };
    await urgentAcrossPlans(area, { today: '2026-03-20', kept: failing.kept, readPlan, planVersion: failing.planVersion });
    expect((await failing.kept.get([KEPT_URGENT_KEY]))[KEPT_URGENT_KEY] ?? {}).toEqual({}); // nothing kept for it
    expect(count(await urgentAcrossPlans(area, { today: '2026-03-20', kept: failing.kept, readPlan: failing.readPlan, planVersion: failing.planVersion }))).toBe(2);
    expect(failing.read).toEqual([id]);
  });
});

describe('storedPlanVersion', () => {
  const open = (name: string) =>
    new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name, 1);
      request.onupgradeneeded = () => request.result.createObjectStore('updates', { autoIncrement: true });
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
  const add = (db: IDBDatabase, value: Uint8Array) =>
    new Promise<void>((resolve, reject) => {
      const tx = db.transaction(['updates'], 'readwrite');
      tx.objectStore('updates').add(value);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });

  it('is the last stored key, moves on with every write, and creates no database for a plan not stored here', async () => {
    expect(await storedPlanVersion('p1')).toBeUndefined();
    expect((await indexedDB.databases()).map((d) => d.name)).toEqual([]);
    const db = await open(planDatabaseName('p1'));
    expect(await storedPlanVersion('p1')).toBe(0);
    await add(db, new Uint8Array([0, 0]));
    await add(db, new Uint8Array([0, 0]));
    expect(await storedPlanVersion('p1')).toBe(2);
    // Merging: the whole state is added and the older updates deleted; the version still moves on.
    await new Promise<void>((resolve) => {
      const tx = db.transaction(['updates'], 'readwrite');
      tx.objectStore('updates').add(new Uint8Array([0, 0]));
      tx.objectStore('updates').delete(IDBKeyRange.upperBound(2));
      tx.oncomplete = () => resolve();
    });
    expect(await storedPlanVersion('p1')).toBe(3);
    db.close();
  });
});
