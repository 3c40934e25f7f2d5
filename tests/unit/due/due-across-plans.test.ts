import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createNewPlan } from '../../../lib/library/plan-actions.ts';
import { putPlanSummary } from '../../../lib/library/plan-index.ts';
import { createPlanSession, openPlanSession } from '../../../lib/sync/plan-session.ts';
import { Meeting, createPlan, planRoots } from '../../../lib/plan/index.ts';
import { computeDueAcrossPlans } from '../../../lib/due/due-across-plans.ts';
import { saveOwnProfile, copyProfile } from '../../../lib/settings/own-profiles.ts';
import { getShippedProfile } from '../../../lib/rules/deadlines/profiles/index.ts';
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
    expect(entry!.due!.plan).toMatchObject({ missing: false, profileId: copy.id });
    expect(entry!.due!.plan.profile).toEqual(copy);
  });

  it('counts a shared plan with the profile it carries on a colleague’s device, through the stored document', async () => {
    const creators = memoryArea();
    const copy = copyProfile(getShippedProfile('national')!, 'Our partnership');
    copy.rules.find((r) => r.id === 'T8')!.figure = 8;
    expect(await saveOwnProfile(creators, copy)).toEqual([]);
    // The colleague's device: the plan is listed and stored, the profile is not among theirs.
    const colleagues = memoryArea();
    const planId = 'c'.repeat(32);
    const session = await createPlanSession(planId, (doc) =>
      createPlan(doc, { ...input('Testington', copy.id), profile: copy, createdBy: 'Sam', createdAt: '2026-03-02' }),
    );
    await session.close();
    await putPlanSummary(colleagues, { id: planId, familyName: 'Testington', childNames: ['Ava'], profileId: copy.id, division: 'england-and-wales', createdAt: '2026-03-02' });
    await recordIcpc(planId, '2026-03-02');
    const [entry] = await computeDueAcrossPlans(colleagues, { today: '2026-03-03' });
    // 8 working days after Monday 2 March, not national's 10 (16 March).
    expect(entry!.due!.deadlines.find((d) => d.ruleId === 'T8')?.due).toBe('2026-03-12');
    expect(entry!.due!.plan).toMatchObject({ source: 'plan', missing: false });
  });

  it('counts each plan with its own version of a shared profile, in one batch', async () => {
    const area = memoryArea();
    const older = copyProfile(getShippedProfile('national')!, 'Our partnership');
    older.rules.find((r) => r.id === 'T8')!.figure = 8;
    const newer = structuredClone(older);
    newer.rules.find((r) => r.id === 'T8')!.figure = 5;
    const docs = new Map<string, Y.Doc>();
    for (const [letter, profile] of [['d', older], ['e', newer]] as const) {
      const id = letter.repeat(32);
      await putPlanSummary(area, { id, familyName: letter, childNames: ['Ava'], profileId: profile.id, division: 'england-and-wales', createdAt: '2026-03-02' });
      const doc = new Y.Doc();
      createPlan(doc, { ...input(letter, profile.id), profile, createdBy: 'Sam', createdAt: '2026-03-02' });
      Meeting.add(doc, planRoots(doc).meetings, { kind: 'icpc', date: '2026-03-02' });
      docs.set(id, doc);
    }
    const entries = await computeDueAcrossPlans(area, { today: '2026-03-03', readPlan: async (id) => docs.get(id) });
    expect(entries.map((e) => e.due!.deadlines.find((d) => d.ruleId === 'T8')?.due)).toEqual(['2026-03-12', '2026-03-09']);
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
