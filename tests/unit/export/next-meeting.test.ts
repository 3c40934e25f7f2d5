import { describe, expect, it } from 'vitest';
import { nextMeeting, nextMeetingDue } from '../../../lib/export/next-meeting.ts';
import { computePlanDue } from '../../../lib/due/plan-deadlines.ts';
import { getShippedProfile } from '../../../lib/rules/deadlines/profiles/index.ts';
import { addMeeting, newPlan } from '../due/plan-fixtures.ts';

const m = (id: string, date: string, scheduled = true) => ({ id, kind: 'core-group', date, scheduled });

describe('nextMeeting', () => {
  it('is the earliest booked meeting from today on', () => {
    expect(nextMeeting([m('a', '2026-07-01'), m('b', '2026-06-10'), m('c', '2026-06-01', false)], '2026-06-01')?.id).toBe('b');
  });

  it('counts a meeting booked for today', () => {
    expect(nextMeeting([m('a', '2026-06-01')], '2026-06-01')?.id).toBe('a');
  });

  it('skips held meetings, past bookings and dates that are not real', () => {
    expect(nextMeeting([m('held', '2026-07-01', false), m('past', '2026-05-01'), m('bad', '2026-02-30'), m('none', '')], '2026-06-01')).toBeUndefined();
  });
});

describe('nextMeetingDue', () => {
  const national = getShippedProfile('national')!;

  function dueFor(meetings: [kind: 'icpc' | 'core-group' | 'rcpc', date: string][], today: string) {
    const doc = newPlan();
    for (const [kind, date] of meetings) addMeeting(doc, kind, date);
    const due = computePlanDue(doc, [], today);
    return nextMeetingDue({ deadlines: due.deadlines, rules: due.plan.profile.rules });
  }

  it('gives the first core group, 10 working days after the initial conference', () => {
    // Monday 23 November 2026 + 10 working days = Monday 7 December 2026.
    expect(dueFor([['icpc', '2026-11-23']], '2026-11-24')).toEqual({ kind: 'core-group', due: '2026-12-07', overdue: false });
  });

  it('says when it is overdue', () => {
    expect(dueFor([['icpc', '2026-11-23']], '2026-12-08')).toMatchObject({ kind: 'core-group', due: '2026-12-07', overdue: true });
  });

  it('moves on once the first core group is held: the review conference, as the national profile sets no core group interval', () => {
    expect(dueFor([['icpc', '2026-11-23'], ['core-group', '2026-12-03']], '2026-12-04')).toEqual({ kind: 'rcpc', due: '2027-02-23', overdue: false });
  });

  it('gives nothing without a conference, or without deadlines', () => {
    expect(dueFor([], '2026-11-24')).toBeUndefined();
    expect(nextMeetingDue({ deadlines: [], rules: national.rules })).toBeUndefined();
  });

  it('reads what meets a rule from the rule, not its id', () => {
    const [deadline] = computePlanDue(addedIcpc(), [], '2026-11-24').deadlines.filter((d) => d.ruleId === 'T8');
    const renamed = national.rules.map((r) => (r.id === 'T8' ? { ...r, due: ['visit' as const] } : r));
    expect(nextMeetingDue({ deadlines: [deadline!], rules: renamed })).toBeUndefined();
  });
});

function addedIcpc() {
  const doc = newPlan();
  addMeeting(doc, 'icpc', '2026-11-23');
  return doc;
}
