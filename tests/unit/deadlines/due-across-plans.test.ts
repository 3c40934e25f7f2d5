import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createNewPlan } from '../../../lib/library/plan-actions.ts';
import { putPlanSummary } from '../../../lib/library/plan-index.ts';
import { openPlanSession } from '../../../lib/sync/plan-session.ts';
import { Meeting, planRoots } from '../../../lib/plan/index.ts';
import { computeDueAcrossPlans } from '../../../lib/deadlines/due-across-plans.ts';
import { saveOwnProfile, copyProfile } from '../../../lib/settings/own-profiles.ts';
import { getShippedProfile } from '../../../lib/rules/profiles/index.ts';
import { memoryArea } from '../helpers/memory-area.ts';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

const input = (familyName: string, profileId = 'national') => ({
  familyName, children: [{ name: 'Ava', dob: '2019-03-14' }], profileId, division: 'england-and-wales' as const,
});

/** Records a held initial conference in a stored plan, as the Meetings section does. */
async function recordIcpc(planId: string, date: string): Promise<void> {
  const session = await openPlanSession(planId);
  Meeting.add(session.doc, planRoots(session.doc).meetings, { kind: 'icpc', date });
  await session.persistence.flush();
  await session.close();
}

describe('computeDueAcrossPlans', () => {
  it('counts every stored plan under its own profile, with no plan open', async () => {
    const area = memoryArea();
    const a = await createNewPlan(area, input('Testington'), 'Sam', '2026-03-02');
    const b = await createNewPlan(area, input('Exampleton', 'wirral-2016'), 'Sam', '2026-03-02');
    await recordIcpc(a, '2026-03-02');
    await recordIcpc(b, '2026-03-02');
    const entries = await computeDueAcrossPlans(area, { today: '2026-03-17' });
    expect(entries.map((e) => e.summary.familyName)).toEqual(['Exampleton', 'Testington']);
    const first = (i: number) => entries[i]!.due!.deadlines.find((d) => d.ruleId === 'T8')!;
    // 10 working days after Monday 2 March 2026 is Monday 16 March: overdue on the 17th.
    expect(first(1)).toMatchObject({ status: 'overdue', due: '2026-03-16' });
    expect(first(0).basis).toContain('Wirral 2016');
    expect(entries[1]!.due!.plan.profile.id).toBe('national');
  });

  it('counts a plan with the member’s own copy of a profile', async () => {
    const area = memoryArea();
    const copy = copyProfile(getShippedProfile('national')!, 'Our partnership');
    copy.rules.find((r) => r.id === 'T8')!.figure = 5;
    expect(await saveOwnProfile(area, copy)).toEqual([]);
    const id = await createNewPlan(area, input('Testington', copy.id), 'Sam', '2026-03-02');
    await recordIcpc(id, '2026-03-02');
    const [entry] = await computeDueAcrossPlans(area, { today: '2026-03-03' });
    expect(entry!.due!.deadlines.find((d) => d.ruleId === 'T8')?.due).toBe('2026-03-09');
    expect(entry!.due!.plan).toMatchObject({ own: true, missing: false });
  });

  it('lists a joined plan that has not arrived, and a plan that cannot be read, without deadlines', async () => {
    const area = memoryArea();
    await putPlanSummary(area, { id: 'a'.repeat(32), familyName: '', childNames: [], profileId: '', division: 'england-and-wales', createdAt: '2026-03-02' });
    await putPlanSummary(area, { id: 'b'.repeat(32), familyName: 'Broken', childNames: [], profileId: '', division: 'england-and-wales', createdAt: '2026-03-02' });
    const entries = await computeDueAcrossPlans(area, {
      today: '2026-03-03',
      readPlan: async (id) => {
        if (id.startsWith('b')) throw new Error('the database is damaged');
        return new Y.Doc();
      },
    });
    expect(entries.map((e) => [e.summary.familyName, e.due, e.failure])).toEqual([
      ['', undefined, undefined],
      ['Broken', undefined, 'the database is damaged'],
    ]);
  });
});
