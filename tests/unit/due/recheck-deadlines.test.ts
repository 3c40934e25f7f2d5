import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { saveClockOverride } from '../../../lib/settings/clock-override.ts';
import { NOTICE_ID, NOTICE_TITLE, recheckDeadlines } from '../../../lib/due/recheck-deadlines.ts';
import type { Badge } from '../../../lib/platform/badge.ts';
import type { Notifier } from '../../../lib/platform/notifications.ts';
import { memoryArea } from '../helpers/memory-area.ts';
import { storedPlans } from './stored-plans.ts';
import { addAction, addMeeting, newPlan } from './plan-fixtures.ts';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

/** A badge and a notifier that keep every string they are given. */
function fakes() {
  const shown: string[] = [];
  const badge: Badge & { text: string } = {
    text: '',
    async show(text, title) {
      this.text = text;
      shown.push(text, title);
    },
  };
  const notices: { id: string; title: string; message: string }[] = [];
  const cleared: string[] = [];
  const notifier: Notifier = {
    async notify(id, title, message) {
      notices.push({ id, title, message });
      shown.push(title, message);
    },
    onClicked: () => () => {},
    async clear(id) {
      cleared.push(id);
    },
  };
  return { badge, notifier, shown, notices, cleared };
}


/** A plan whose first core group was due on Monday 16 March 2026 and an action due on the 20th. */
function planWithDeadlines(familyName = 'Testington', child = 'Ava', action = 'Health visitor visits weekly') {
  const doc = newPlan({ familyName, children: [{ name: child, dob: '2019-03-14' }] });
  addMeeting(doc, 'icpc', '2026-03-02');
  addAction(doc, { description: action, dueDate: '2026-03-20' });
  return doc;
}

describe('recheckDeadlines', () => {
  it('shows on the badge how many items are overdue or due today, and says so without names', async () => {
    const area = memoryArea();
    const plans = storedPlans();
    await plans.store(area, planWithDeadlines(), { familyName: 'Testington', childNames: ['Ava'] });
    const f = fakes();
    const result = await recheckDeadlines({ area, badge: f.badge, notifier: f.notifier, readPlan: plans.readPlan, planVersion: plans.planVersion, kept: plans.kept, now: new Date(2026, 2, 20, 9) });
    expect(result.counts).toEqual({ overdue: 1, dueToday: 1, plans: 1 });
    expect(f.badge.text).toBe('2');
    expect(f.notices).toEqual([{ id: NOTICE_ID, title: NOTICE_TITLE, message: '1 item overdue and 1 due today in 1 plan' }]);
    expect(result.title).toBe('Open the core group plan. 1 item overdue and 1 due today in 1 plan');
  });

  it('counts from the pretend date when one is set', async () => {
    const area = memoryArea();
    const plans = storedPlans();
    await plans.store(area, planWithDeadlines(), { familyName: 'Testington', childNames: ['Ava'] });
    await saveClockOverride(area, '2026-03-02');
    const f = fakes();
    const result = await recheckDeadlines({ area, badge: f.badge, notifier: f.notifier, readPlan: plans.readPlan, planVersion: plans.planVersion, kept: plans.kept, now: new Date(2026, 2, 20, 9) });
    expect(result.today).toBe('2026-03-02');
    expect(f.badge.text).toBe('');
    expect(f.notices).toEqual([]);
  });

  it('announces items once a day, again when new ones appear, and takes the notice down when none are left', async () => {
    const area = memoryArea();
    const plans = storedPlans();
    await plans.store(area, planWithDeadlines(), { familyName: 'Testington', childNames: ['Ava'] });
    const f = fakes();
    const check = (day: number) => recheckDeadlines({ area, badge: f.badge, notifier: f.notifier, readPlan: plans.readPlan, planVersion: plans.planVersion, kept: plans.kept, now: new Date(2026, 2, day, 9) });
    await check(17); // the core group is overdue
    await check(17); // nothing new the same day
    expect(f.notices).toHaveLength(1);
    await check(20); // a new day, and the action is due today
    expect(f.notices.map((n) => n.message)).toEqual(['1 item overdue in 1 plan', '1 item overdue and 1 due today in 1 plan']);
    await saveClockOverride(area, '2026-03-03');
    await check(20);
    expect(f.cleared).toEqual([NOTICE_ID]);
    expect(f.badge.text).toBe('');
  });

  it('never puts a family name, child name or action in the badge, its tooltip or a notification', async () => {
    const name = fc.string({ minLength: 4, maxLength: 12, unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-’ ') })
      .filter((s) => s.trim().length >= 4 && !/item|plan|due|today|overdue|nothing|open|core|group|the/i.test(s));
    await fc.assert(
      fc.asyncProperty(fc.array(fc.record({ family: name, child: name, action: name }), { minLength: 1, maxLength: 4 }), async (families) => {
        globalThis.indexedDB = new IDBFactory();
        const area = memoryArea();
        const plans = storedPlans();
        for (const f of families) {
          await plans.store(area, planWithDeadlines(f.family, f.child, f.action), { familyName: f.family, childNames: [f.child] });
        }
        const f = fakes();
        await recheckDeadlines({ area, badge: f.badge, notifier: f.notifier, readPlan: plans.readPlan, planVersion: plans.planVersion, kept: plans.kept, now: new Date(2026, 2, 20, 9) });
        expect(f.notices).toHaveLength(1);
        for (const text of f.shown) {
          for (const family of families) {
            for (const words of [family.family, family.child, family.action]) expect(text).not.toContain(words.trim());
          }
        }
      }),
      { numRuns: 25 },
    );
  });
});
