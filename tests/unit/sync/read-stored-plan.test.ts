import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { readMeta, setMetaField } from '../../../lib/plan/index.ts';
import { createPlanSession, openPlanSession } from '../../../lib/sync/plan-session.ts';
import { planDatabaseName } from '../../../lib/sync/persistence.ts';
import { readStoredPlan } from '../../../lib/sync/read-stored-plan.ts';
import { createPlan } from '../../../lib/plan/index.ts';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

const seed = { familyName: 'Testington', children: [{ name: 'Ava', dob: '2019-03-14' }], profileId: 'national', division: 'england-and-wales' as const, createdBy: 'Sam', createdAt: '2026-03-02' };

async function databaseNames(): Promise<string[]> {
  return (await indexedDB.databases()).map((d) => d.name ?? '');
}

async function updateCount(planId: string): Promise<number> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(planDatabaseName(planId));
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const count = await new Promise<number>((resolve) => {
    const request = db.transaction(['updates'], 'readonly').objectStore('updates').count();
    request.onsuccess = () => resolve(request.result);
  });
  db.close();
  return count;
}

describe('readStoredPlan', () => {
  it('reads a plan stored by the plan’s own persistence, with every edit', async () => {
    const session = await createPlanSession('p1', (doc) => createPlan(doc, seed));
    setMetaField(session.doc, { field: 'familyName', value: 'Testington-Jones' });
    await session.persistence.flush();
    const doc = await readStoredPlan('p1');
    expect(doc && readMeta(doc).familyName).toBe('Testington-Jones');
    doc?.destroy();
    await session.close();
  });

  it('writes nothing to the plan’s database, however often it reads', async () => {
    const session = await createPlanSession('p1', (doc) => createPlan(doc, seed));
    await session.close();
    const before = await updateCount('p1');
    for (let i = 0; i < 3; i += 1) (await readStoredPlan('p1'))?.destroy();
    expect(await updateCount('p1')).toBe(before);
  });

  it('answers undefined for a plan with no database, and creates none', async () => {
    expect(await readStoredPlan('never-stored')).toBeUndefined();
    expect(await databaseNames()).not.toContain(planDatabaseName('never-stored'));
  });

  it('reads a plan while a page has it open', async () => {
    const session = await openPlanSession('p2');
    createPlan(session.doc, seed);
    await session.persistence.flush();
    const doc = await readStoredPlan('p2');
    expect(doc && readMeta(doc).familyName).toBe('Testington');
    doc?.destroy();
    await session.close();
  });
});
