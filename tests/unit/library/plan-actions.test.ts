import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { createNewPlan, deletePlan, renamePlan } from '../../../lib/library/plan-actions.ts';
import { getPlanSummary, listPlans } from '../../../lib/library/plan-index.ts';
import { openPlanSession } from '../../../lib/sync/plan-session.ts';
import { readChildren, readMeta } from '../../../lib/plan/index.ts';
import { memoryArea } from '../helpers/memory-area.ts';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

const input = { familyName: 'Testington', children: [{ name: 'Ava', dob: '2019-03-14' }], profileId: 'national', division: 'england-and-wales' as const };

describe('createNewPlan', () => {
  it('stores the plan document and lists it', async () => {
    const area = memoryArea();
    const id = await createNewPlan(area, input, 'Sam Sample', '2026-11-22');
    expect(await getPlanSummary(area, id)).toMatchObject({ familyName: 'Testington', childNames: ['Ava'] });
    const session = await openPlanSession(id);
    expect(readMeta(session.doc)).toMatchObject({ familyName: 'Testington', createdBy: 'Sam Sample', createdAt: '2026-11-22' });
    expect(readChildren(session.doc).map((c) => c.name)).toEqual(['Ava']);
    await session.close();
  });
});

describe('renamePlan', () => {
  it('renames in the document and in the list', async () => {
    const area = memoryArea();
    const id = await createNewPlan(area, input, '', '2026-11-22');
    await renamePlan(area, id, 'Testington-Jones ');
    expect((await getPlanSummary(area, id))?.familyName).toBe('Testington-Jones');
    const session = await openPlanSession(id);
    expect(readMeta(session.doc).familyName).toBe('Testington-Jones');
    await session.close();
  });
});

describe('deletePlan', () => {
  it('removes the database and the list entry', async () => {
    const area = memoryArea();
    const id = await createNewPlan(area, input, '', '2026-11-22');
    await deletePlan(area, id);
    expect(await listPlans(area)).toEqual([]);
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain(`plan:${id}`);
  });
});
