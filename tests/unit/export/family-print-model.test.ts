import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { familyPrintModel } from '../../../lib/export/family-print-model.ts';
import { richTextToPlain } from '../../../lib/plan/rich-text.ts';
import { Member, createPlan, planRoots } from '../../../lib/plan/index.ts';
import { testingtonPlan, writeField } from './plan-fixture.ts';
import { computePlanDue } from '../../../lib/due/plan-deadlines.ts';
import { Meeting as MeetingRecord } from '../../../lib/plan/index.ts';

/** The plan's deadlines as the family print is given them. */
function deadlinesOf(doc: Y.Doc, today: string) {
  const due = computePlanDue(doc, [], today);
  return { deadlines: due.deadlines, rules: due.plan.profile.rules };
}

describe('familyPrintModel', () => {
  it('names the family and the children, born or expected', () => {
    const model = familyPrintModel(testingtonPlan().doc, '2026-06-01');
    expect(model.familyName).toBe('Testington');
    expect(model.children).toEqual([
      { name: 'Ava', born: 'Born 14 March 2019' },
      { name: 'Leo', born: 'Due 1 December 2026' },
    ]);
  });

  it('puts every piece of text into plain language', () => {
    const model = familyPrintModel(testingtonPlan().doc, '2026-06-01');
    expect(richTextToPlain(model.dangerStatement!)).toBe(
      'We are worried the first child protection conference plan will not be followed and Ava will miss more care.',
    );
    expect(richTextToPlain(model.contingency!)).toBe('If things do not improve the council will consider the formal steps before going to court.');
    expect(model.outcomes).toEqual([{ statement: 'Ava goes to every health appointment', byWhen: '1 August 2026', howWeWillKnow: 'Health visitor records attendance' }]);
    expect(model.actions).toEqual([
      { what: 'Remind Jo of appointments at the plan group', who: "Sam Sample (children's social care)", byWhen: '15 June 2026' },
    ]);
  });

  it('lists only the kinds of harm written about, with plain titles', () => {
    const model = familyPrintModel(testingtonPlan().doc, '2026-06-01');
    expect(model.worries.map((w) => [w.title, richTextToPlain(w.text)])).toEqual([['Neglect', 'Ava has missed three health appointments.']]);
    expect(richTextToPlain(model.strengths!)).toBe('Jo takes Ava to school every day.');
  });

  it('gives the next booked meeting in plain words', () => {
    expect(familyPrintModel(testingtonPlan().doc, '2026-06-01').nextMeeting).toBe('Plan meeting on 10 June 2026');
    expect(familyPrintModel(testingtonPlan().doc, '2026-06-11').nextMeeting).toBe('Review child protection conference on 1 August 2026');
    expect(familyPrintModel(testingtonPlan().doc, '2026-09-01').nextMeeting).toBeNull();
  });

  it('says when the next meeting must be held when none is booked, from the plan’s deadlines', () => {
    const doc = new Y.Doc();
    createPlan(doc, { familyName: 'Example', children: [{ name: 'Leo', dob: '2020-01-01' }], profileId: 'national', division: 'england-and-wales', createdBy: '', createdAt: '2026-11-23', conference: { date: '2026-11-23', scheduled: false } });
    // Monday 23 November + 10 working days: the first core group by Monday 7 December.
    expect(familyPrintModel(doc, '2026-11-24', deadlinesOf(doc, '2026-11-24'))).toMatchObject({
      nextMeeting: null,
      nextMeetingDue: 'The next plan meeting must be held by 7 December 2026.',
    });
    expect(familyPrintModel(doc, '2026-12-09', deadlinesOf(doc, '2026-12-09')).nextMeetingDue).toBe(
      'The next plan meeting should have been held by 7 December 2026. Ask your social worker when it will be.',
    );
    // A booked meeting comes first; without deadlines nothing is promised.
    MeetingRecord.add(doc, planRoots(doc).meetings, { kind: 'core-group', date: '2026-12-03', scheduled: true });
    expect(familyPrintModel(doc, '2026-11-24', deadlinesOf(doc, '2026-11-24'))).toMatchObject({ nextMeeting: 'Plan meeting on 3 December 2026', nextMeetingDue: null });
    expect(familyPrintModel(doc, '2026-12-04').nextMeetingDue).toBeNull();
  });

  it('names the lead social worker and how to reach them', () => {
    const { doc, ids } = testingtonPlan();
    expect(familyPrintModel(doc, '2026-06-01').contact).toEqual({
      who: "Your social worker is Sam Sample (children's social care).",
      reach: expect.stringContaining('Their phone number is not written in this plan yet. Ask them for it at their next visit'),
    });
    Member.set(doc, planRoots(doc).members, ids.memberId, 'contact', '0151 496 0000');
    expect(familyPrintModel(doc, '2026-06-01').contact.reach).toBe('You can contact them on: 0151 496 0000');
  });

  it('says how to find the social worker when the plan does not name one', () => {
    const { doc, ids } = testingtonPlan();
    Member.remove(doc, planRoots(doc).members, ids.memberId);
    expect(familyPrintModel(doc, '2026-06-01').contact).toEqual({
      who: 'The name of your social worker is not written in this plan yet.',
      reach: 'To find out who they are, phone your council’s children’s social care team (the number is on the council’s website) and give your family name.',
    });
  });

  it('includes the children’s views, in plain language', () => {
    const { doc } = testingtonPlan();
    expect(familyPrintModel(doc, '2026-06-01').childsViews).toBeNull();
    writeField(doc, 'childs-views', 'Ava told the HV she likes nursery and wants Mum at the core group.');
    expect(richTextToPlain(familyPrintModel(doc, '2026-06-01').childsViews!)).toBe(
      'Ava told the health visitor she likes nursery and wants Mum at the plan group.',
    );
  });

  it('says how often the social worker visits', () => {
    expect(familyPrintModel(testingtonPlan().doc, '2026-06-01').visits).toBe('Every 10 working days');
  });

  it('lists actions soonest first, undated last, and says when nobody owns one yet', () => {
    const { doc } = testingtonPlan();
    const outcome = planRoots(doc).outcomes.get(0);
    const actions = outcome.get('actions') as Y.Array<Y.Map<unknown>>;
    doc.transact(() => {
      const undated = new Y.Map<unknown>();
      undated.set('id', 'u');
      undated.set('order', 5);
      undated.set('description', 'Find a nursery place');
      const early = new Y.Map<unknown>();
      early.set('id', 'e');
      early.set('order', 6);
      early.set('description', 'Book the GP check');
      early.set('dueDate', '2026-06-02');
      actions.push([undated, early]);
    });
    expect(familyPrintModel(doc, '2026-06-01').actions.map((a) => [a.what, a.who, a.byWhen])).toEqual([
      ['Book the GP check', 'Not decided yet', '2 June 2026'],
      ['Remind Jo of appointments at the plan group', "Sam Sample (children's social care)", '15 June 2026'],
      ['Find a nursery place', 'Not decided yet', 'No date set yet'],
    ]);
  });

  it('still names the owner of an action after they leave the core group', () => {
    const { doc, ids } = testingtonPlan();
    Member.remove(doc, planRoots(doc).members, ids.memberId);
    expect(familyPrintModel(doc, '2026-06-01').actions[0]!.who).toBe("Sam Sample (children's social care)");
  });

  it('gives empty parts for a new plan, never failing', () => {
    const doc = new Y.Doc();
    createPlan(doc, { familyName: 'Example', children: [{ name: 'Leo', dob: '2020-01-01' }], profileId: 'national', division: 'england-and-wales', createdBy: '', createdAt: '2026-01-01' });
    expect(familyPrintModel(doc, '2026-06-01')).toMatchObject({
      worries: [], dangerStatement: null, strengths: null, outcomes: [], actions: [], contingency: null, nextMeeting: null, nextMeetingDue: null, visits: '', childsViews: null,
    });
  });
});
