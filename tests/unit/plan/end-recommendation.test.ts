import { describe, expect, it } from 'vitest';
import {
  Dissent, END_OF_PLAN_DISSENT, Meeting, addEndDissent, endRecommendationOf, findRecord, planRoots, recommendEnd,
  standingEndRecommendation, withdrawEndRecommendation,
} from '../../../lib/plan/index.ts';
import { addMeeting, newPlan } from '../due/plan-fixtures.ts';
import { connectedPeers } from '../helpers/two-peers.ts';

const record = (doc: ReturnType<typeof newPlan>, id: string) => findRecord(planRoots(doc).meetings, id)!;

describe('recommendEnd / endRecommendationOf', () => {
  it('keeps the recommendation on the core group with its reasons, the review date and the dissent from it', () => {
    const doc = newPlan();
    const id = addMeeting(doc, 'core-group', '2027-03-01');
    expect(endRecommendationOf(record(doc, id))).toBeNull();
    recommendEnd(doc, { meetingId: id, reasons: '  Ava has been safe at home for six months. ', reviewBy: '2027-03-15' });
    const dissentId = addEndDissent(doc, { meetingId: id, who: ' Jo Example ', agency: 'Health', reason: 'Too soon after the move.' });
    Dissent.add(doc, Meeting.list(record(doc, id), 'dissent'), { who: 'Kit', agency: 'School', reason: 'About the timetable.' });
    expect(endRecommendationOf(record(doc, id))).toEqual({
      meetingId: id,
      date: '2027-03-01',
      reasons: 'Ava has been safe at home for six months.',
      reviewBy: '2027-03-15',
      dissent: [{ id: dissentId, who: 'Jo Example', agency: 'Health', reason: 'Too soon after the move.' }],
    });
    expect(Dissent.readAll(Meeting.list(record(doc, id), 'dissent')).map((d) => d.about)).toEqual([END_OF_PLAN_DISSENT, '']);
  });

  it('refuses missing reasons or a date that is not one: the form checks them first', () => {
    const doc = newPlan();
    const id = addMeeting(doc, 'core-group', '2027-03-01');
    expect(() => recommendEnd(doc, { meetingId: id, reasons: ' ', reviewBy: '2027-03-15' })).toThrow(RangeError);
    expect(() => recommendEnd(doc, { meetingId: id, reasons: 'Safe', reviewBy: '2027-02-30' })).toThrow(RangeError);
    expect(Meeting.read(record(doc, id)).recommendsEnd).toBe(false);
  });

  it('is withdrawn without losing its reasons or dissent', () => {
    const doc = newPlan();
    const id = addMeeting(doc, 'core-group', '2027-03-01');
    recommendEnd(doc, { meetingId: id, reasons: 'Safe', reviewBy: '2027-03-15' });
    addEndDissent(doc, { meetingId: id, who: 'Jo', agency: '', reason: 'Too soon' });
    withdrawEndRecommendation(doc, { meetingId: id });
    expect(endRecommendationOf(record(doc, id))).toBeNull();
    expect(Meeting.read(record(doc, id)).endReasons).toBe('Safe');
    expect(Dissent.readAll(Meeting.list(record(doc, id), 'dissent'))).toHaveLength(1);
  });

  it('reaches every member: recorded on the chair’s copy, read on a colleague’s', () => {
    const [chair, member] = connectedPeers().docs;
    const id = addMeeting(chair!, 'core-group', '2027-03-01');
    recommendEnd(chair!, { meetingId: id, reasons: 'Safe', reviewBy: '2027-03-15' });
    addEndDissent(member!, { meetingId: id, who: 'Jo', agency: 'Health', reason: 'Too soon' });
    expect(endRecommendationOf(record(chair!, id))?.dissent.map((d) => d.who)).toEqual(['Jo']);
    expect(endRecommendationOf(record(member!, id))?.reviewBy).toBe('2027-03-15');
  });
});

describe('standingEndRecommendation', () => {
  it('is the latest held core group’s recommendation, until a later core group or a review conference', () => {
    const doc = newPlan();
    addMeeting(doc, 'icpc', '2026-12-01');
    const first = addMeeting(doc, 'core-group', '2027-01-10');
    recommendEnd(doc, { meetingId: first, reasons: 'Safe', reviewBy: '2027-02-01' });
    expect(standingEndRecommendation(doc)?.meetingId).toBe(first);
    // A booked core group does not replace it; one held later without a recommendation does.
    addMeeting(doc, 'core-group', '2027-01-30', { scheduled: true });
    expect(standingEndRecommendation(doc)?.meetingId).toBe(first);
    const second = addMeeting(doc, 'core-group', '2027-01-20');
    expect(standingEndRecommendation(doc)).toBeNull();
    recommendEnd(doc, { meetingId: second, reasons: 'Still safe', reviewBy: '2027-02-05' });
    expect(standingEndRecommendation(doc)?.meetingId).toBe(second);
    addMeeting(doc, 'rcpc', '2027-02-04');
    expect(standingEndRecommendation(doc)).toBeNull();
  });
});
