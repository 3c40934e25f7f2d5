import { describe, expect, it } from 'vitest';
import { readablePlan } from '../../../lib/export/readable-plan.ts';
import { ChronologyEntry, planRoots } from '../../../lib/plan/index.ts';
import { testingtonPlan } from './plan-fixture.ts';

describe('readablePlan', () => {
  it('holds the plan’s short fields, records and rich text as plain JSON', () => {
    const { doc } = testingtonPlan();
    const plan = readablePlan(doc);
    expect(plan.meta).toMatchObject({ familyName: 'Testington', address: '1 Fictional Road', status: 'outline', endReason: '' });
    expect(plan.categories).toEqual({ primary: 'neglect', secondary: ['emotional'], secondaryReason: 'Shouting witnessed at home' });
    expect((plan.children as { name: string }[]).map((c) => c.name)).toEqual(['Ava', 'Leo']);
    expect((plan.text as Record<string, string>)['harm-neglect']).toBe('Ava has missed three health appointments.');
    expect((plan.text as Record<string, string>)['childs-views']).toBe('');
  });

  it('nests actions and their notes in outcomes, and a meeting’s lists in the meeting', () => {
    const plan = readablePlan(testingtonPlan().doc);
    const outcome = (plan.outcomes as { actions: { description: string; notes: { text: string }[] }[] }[])[0]!;
    expect(outcome.actions[0]!.description).toBe('Remind Jo of appointments at the core group');
    expect(outcome.actions[0]!.notes[0]!.text).toBe('Reminder sent');
    const icpc = (plan.meetings as { kind: string; decisions: { text: string }[]; minutes: string }[])[0]!;
    expect(icpc).toMatchObject({ kind: 'icpc', decisions: [{ text: 'Child protection plan under the category of neglect' }], minutes: '' });
    const report = (plan.reports as Record<string, unknown>[])[0]!;
    expect(report['parenting-capacity']).toBe('Jo loves the children but misses appointments.');
  });

  it('leaves removed records out', () => {
    const { doc } = testingtonPlan();
    const list = planRoots(doc).chronology;
    ChronologyEntry.remove(doc, list, ChronologyEntry.readAll(list)[0]!.id);
    expect((readablePlan(doc).chronology as { event: string }[]).map((e) => e.event)).toEqual(['Referral received']);
  });

  it('survives a JSON round trip unchanged (nothing but plain values)', () => {
    const plan = readablePlan(testingtonPlan().doc);
    expect(JSON.parse(JSON.stringify(plan))).toEqual(plan);
  });
});
