import { describe, expect, it } from 'vitest';
import { getPlanSummary, listPlans, putPlanSummary, removePlanSummary, touchesPlanIndex, type PlanSummary } from '../../../lib/library/plan-index.ts';
import { memoryArea } from '../helpers/memory-area.ts';

const summary = (id: string, familyName: string): PlanSummary => ({ id, familyName, childNames: ['Ava'], profileId: 'national', division: 'england-and-wales', createdAt: '2026-11-22' });

describe('listPlans', () => {
  it('lists every plan by family name and skips other keys and damaged entries', async () => {
    const area = memoryArea();
    await putPlanSummary(area, summary('b', 'Zedford'));
    await putPlanSummary(area, summary('a', 'Appleby'));
    await area.set({ identity: { name: 'Sam' }, 'plan/broken': { id: 3 } });
    expect((await listPlans(area)).map((p) => p.familyName)).toEqual(['Appleby', 'Zedford']);
  });
});

describe('removePlanSummary', () => {
  it('removes one plan and leaves the others', async () => {
    const area = memoryArea();
    await putPlanSummary(area, summary('a', 'Appleby'));
    await putPlanSummary(area, summary('b', 'Zedford'));
    await removePlanSummary(area, 'a');
    expect(await getPlanSummary(area, 'a')).toBeUndefined();
    expect(await getPlanSummary(area, 'b')).toMatchObject({ familyName: 'Zedford' });
  });
});

describe('touchesPlanIndex', () => {
  it('is true only for changes to plan entries', () => {
    expect(touchesPlanIndex({ 'plan/a': { newValue: 1 } })).toBe(true);
    expect(touchesPlanIndex({ identity: { newValue: 1 } })).toBe(false);
  });
});
