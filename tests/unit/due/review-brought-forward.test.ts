import { describe, expect, it } from 'vitest';
import { recommendEnd } from '../../../lib/plan/index.ts';
import { computePlanDue } from '../../../lib/due/plan-deadlines.ts';
import { bringReviewForward } from '../../../lib/due/review-brought-forward.ts';
import type { Deadline } from '../../../lib/rules/deadlines/deadline.ts';
import { addMeeting, newPlan } from './plan-fixtures.ts';

/** The review conference item still open (a met one is history). */
const review = (deadlines: readonly Deadline[]) => deadlines.find((d) => (d.ruleId === 'T13' || d.ruleId === 'T12') && d.status !== 'met');

describe('What’s due with a recommendation that the plan ends', () => {
  it('brings the next review conference forward to the date the core group asked for', () => {
    const doc = newPlan();
    addMeeting(doc, 'icpc', '2026-09-01');
    addMeeting(doc, 'rcpc', '2026-11-24');
    const before = review(computePlanDue(doc, [], '2027-03-02').deadlines)!;
    expect(before).toMatchObject({ ruleId: 'T13', due: '2027-05-24', status: 'upcoming' });

    const coreGroup = addMeeting(doc, 'core-group', '2027-03-01');
    recommendEnd(doc, { meetingId: coreGroup, reasons: 'Safe', reviewBy: '2027-03-15' });
    const after = review(computePlanDue(doc, [], '2027-03-08').deadlines)!;
    expect(after).toMatchObject({ key: before.key, ruleId: 'T13', title: 'Next review conference, brought forward', due: '2027-03-15', status: 'upcoming' });
    expect(after.detail).toBe(
      'The core group on Monday 1 March 2027 recommended that the plan ends and asked for the review conference by Monday 15 March 2027 (otherwise due Monday 24 May 2027).',
    );
    // Friday 12 March: due within two working days.
    expect(review(computePlanDue(doc, [], '2027-03-12').deadlines)?.status).toBe('due-soon');
    expect(review(computePlanDue(doc, [], '2027-03-16').deadlines)?.status).toBe('overdue');
    expect(review(computePlanDue(doc, [], '2027-03-15').deadlines)?.status).toBe('due-today');
  });

  it('brings the first review forward too, and says whether a booked review is in time', () => {
    const doc = newPlan();
    addMeeting(doc, 'icpc', '2027-01-04');
    addMeeting(doc, 'rcpc', '2027-03-22', { scheduled: true });
    const coreGroup = addMeeting(doc, 'core-group', '2027-02-01');
    recommendEnd(doc, { meetingId: coreGroup, reasons: 'Safe', reviewBy: '2027-03-01' });
    const first = review(computePlanDue(doc, [], '2027-02-02').deadlines)!;
    expect(first).toMatchObject({ ruleId: 'T12', due: '2027-03-01' });
    expect(first.booked).toMatchObject({ date: '2027-03-22', inTime: false });
  });

  it('leaves the review alone when the date asked for is later than it is due anyway, and after a review is held', () => {
    const doc = newPlan();
    addMeeting(doc, 'icpc', '2027-01-04');
    const coreGroup = addMeeting(doc, 'core-group', '2027-02-01');
    recommendEnd(doc, { meetingId: coreGroup, reasons: 'Safe', reviewBy: '2027-06-01' });
    expect(review(computePlanDue(doc, [], '2027-02-02').deadlines)).toMatchObject({ ruleId: 'T12', due: '2027-04-04' });
    recommendEnd(doc, { meetingId: coreGroup, reasons: 'Safe', reviewBy: '2027-02-20' });
    addMeeting(doc, 'rcpc', '2027-02-18');
    const due = computePlanDue(doc, [], '2027-02-19').deadlines;
    expect(due.find((d) => d.ruleId === 'T12')).toMatchObject({ status: 'met', due: '2027-04-04' });
    expect(due.some((d) => d.title.endsWith('brought forward'))).toBe(false);
  });

  it('returns the list unchanged without a recommendation, and keeps the engine’s order with one', () => {
    const doc = newPlan();
    addMeeting(doc, 'icpc', '2026-09-01');
    addMeeting(doc, 'rcpc', '2026-11-24');
    const { deadlines, timeline } = computePlanDue(doc, [], '2027-03-02');
    expect(bringReviewForward(deadlines, timeline, null, '2027-03-02', 'england-and-wales')).toEqual(deadlines);
    const moved = bringReviewForward(
      deadlines,
      timeline,
      { meetingId: 'cg', date: '2027-03-01', reasons: 'Safe', reviewBy: '2027-03-03', dissent: [] },
      '2027-03-02',
      'england-and-wales',
    );
    expect(review(moved)?.status).toBe('due-soon');
    const open = moved.filter((d) => d.status !== 'overdue').map((d) => d.due);
    expect(open).toEqual([...open].sort());
  });
});
