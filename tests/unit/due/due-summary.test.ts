import { describe, expect, it } from 'vitest';
import type { Deadline, DeadlineStatus } from '../../../lib/rules/deadlines/deadline.ts';
import { badgeText, collectAttention, countUrgent, urgentKeys, urgentSummary } from '../../../lib/due/due-summary.ts';

let n = 0;
const item = (status: DeadlineStatus, due: string, ruleId: Deadline['ruleId'] = 'T8'): Deadline => ({
  key: `${ruleId}:e${n++}`, ruleId, nature: 'deadline', title: 'First core group', due, status,
  basis: 'First core group within 10 working days of the initial conference (Working Together 2023, chapter 3).',
  source: 'Working Together to Safeguard Children 2023', hangsOn: [],
});

describe('collectAttention', () => {
  it('lists overdue, due-today and due-soon items of every plan, overdue first, then by date', () => {
    const a = [item('upcoming', '2026-05-01'), item('due-soon', '2026-03-04'), item('met', '2026-01-01')];
    const b = [item('overdue', '2026-03-10'), item('due-today', '2026-03-02'), item('overdue', '2026-02-01')];
    const listed = collectAttention([{ planId: 'a', deadlines: a }, { planId: 'b', deadlines: b }]);
    expect(listed.map((i) => [i.planId, i.deadline.status, i.deadline.due])).toEqual([
      ['b', 'overdue', '2026-02-01'],
      ['b', 'overdue', '2026-03-10'],
      ['b', 'due-today', '2026-03-02'],
      ['a', 'due-soon', '2026-03-04'],
    ]);
  });

  it('orders the same item in two plans by plan, so the list is stable', () => {
    const shared = item('due-today', '2026-03-02');
    const listed = collectAttention([{ planId: 'z', deadlines: [shared] }, { planId: 'm', deadlines: [shared] }]);
    expect(listed.map((i) => i.planId)).toEqual(['m', 'z']);
  });
});

describe('countUrgent', () => {
  it('counts items overdue and due today, and the plans that have any', () => {
    const counts = countUrgent([
      { planId: 'a', deadlines: [item('overdue', '2026-02-01'), item('due-soon', '2026-03-04')] },
      { planId: 'b', deadlines: [item('due-today', '2026-03-02'), item('due-today', '2026-03-02')] },
      { planId: 'c', deadlines: [item('upcoming', '2026-05-01'), item('met', '2026-01-01')] },
    ]);
    expect(counts).toEqual({ overdue: 1, dueToday: 2, plans: 2 });
  });
});

describe('urgentKeys', () => {
  it('names items by plan id and rule key only, sorted', () => {
    const d = item('overdue', '2026-02-01');
    expect(urgentKeys([{ planId: 'p2', deadlines: [d, item('upcoming', '2026-05-01')] }, { planId: 'p1', deadlines: [d] }]))
      .toEqual([`p1 ${d.key}`, `p2 ${d.key}`]);
  });
});

describe('urgentSummary', () => {
  it.each([
    [{ overdue: 0, dueToday: 0, plans: 0 }, 'Nothing is overdue or due today.'],
    [{ overdue: 0, dueToday: 2, plans: 1 }, '2 items due today in 1 plan'],
    [{ overdue: 0, dueToday: 1, plans: 1 }, '1 item due today in 1 plan'],
    [{ overdue: 3, dueToday: 0, plans: 2 }, '3 items overdue in 2 plans'],
    [{ overdue: 1, dueToday: 4, plans: 3 }, '1 item overdue and 4 due today in 3 plans'],
  ])('says %o as “%s”', (counts, words) => {
    expect(urgentSummary(counts)).toBe(words);
  });
});

describe('badgeText', () => {
  it.each([
    [0, 0, ''],
    [1, 0, '1'],
    [2, 3, '5'],
    [999, 0, '999'],
    [600, 400, '999+'],
  ])('shows %i overdue and %i due today as “%s”', (overdue, dueToday, text) => {
    expect(badgeText({ overdue, dueToday, plans: 1 })).toBe(text);
  });
});
