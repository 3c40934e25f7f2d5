import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { professionalPrintModel } from '../../../lib/export/professional-print-model.ts';
import { richTextToPlain } from '../../../lib/plan/rich-text.ts';
import {
  Action, Dissent, Meeting, Outcome, addEndDissent, createPlan, findRecord, planRoots, recommendEnd, setPlanStatus,
} from '../../../lib/plan/index.ts';
import { testingtonPlan } from './plan-fixture.ts';

describe('professionalPrintModel', () => {
  const model = () => professionalPrintModel(testingtonPlan().doc, '2026-06-01');

  it('gives the categories of abuse or neglect, with the reason for a second one', () => {
    expect(model().categories).toEqual({ primary: 'Neglect', secondary: ['Emotional abuse'], reason: 'Shouting witnessed at home' });
  });

  it('keeps the wording as the core group wrote it (no plain-language rewriting)', () => {
    const framework = model().framework;
    expect(richTextToPlain(framework.find((f) => f.title === 'Danger statement')!.text!)).toContain('the ICPC plan');
    expect(framework.find((f) => f.title === 'Complicating factors')!.text).toBeNull();
    expect(model().outcomes[0]!.measure).toBe('HV records attendance');
  });

  it('gives each chronology entry its source, oldest first', () => {
    expect(model().chronology).toEqual([
      { date: '2 March 2026', event: 'Missed 2-year check', source: 'Health', sourceLink: 'https://example.org/record/1', addedBy: 'Hana Visitor' },
      { date: '10 April 2026', event: 'Referral received', source: 'CSC', sourceLink: '', addedBy: 'Sam Sample' },
    ]);
  });

  it('records meetings with attendance, decisions and dissent, oldest first', () => {
    const meetings = model().meetings;
    expect(meetings.map((m) => m.title)).toEqual([
      'Initial child protection conference, 1 May 2026',
      'Core group meeting, 10 June 2026',
      'Review child protection conference, 1 August 2026',
    ]);
    expect(meetings[0]).toMatchObject({
      held: 'Held',
      attendance: [{ name: 'Sam Sample', agency: 'CSC', status: 'Present' }],
      decisions: ['Child protection plan under the category of neglect'],
      dissent: [{ who: 'Jo Testington', agency: '', reason: 'Does not agree there is neglect' }],
    });
    expect(meetings[2]!.held).toBe('Scheduled');
  });

  it('prints a core group’s recommendation that the plan ends with its reasons and dissent, apart from other dissent', () => {
    const { doc } = testingtonPlan();
    const coreGroup = Meeting.readAll(planRoots(doc).meetings).find((m) => m.kind === 'core-group')!.id;
    recommendEnd(doc, { meetingId: coreGroup, reasons: 'Ava has been safe for six months.', reviewBy: '2026-06-24' });
    addEndDissent(doc, { meetingId: coreGroup, who: 'Hana Visitor', agency: 'Health', reason: 'Too soon after the move.' });
    Dissent.add(doc, Meeting.list(findRecord(planRoots(doc).meetings, coreGroup)!, 'dissent'), { who: 'Kit', agency: 'School', reason: 'Venue' });
    const printed = professionalPrintModel(doc, '2026-06-20').meetings.find((m) => m.id === coreGroup)!;
    expect(printed.endRecommendation).toEqual({
      reasons: 'Ava has been safe for six months.',
      reviewBy: '24 June 2026',
      dissent: [{ who: 'Hana Visitor', agency: 'Health', reason: 'Too soon after the move.' }],
    });
    expect(printed.dissent).toEqual([{ who: 'Kit', agency: 'School', reason: 'Venue' }]);
    expect(model().meetings.every((m) => m.endRecommendation === null)).toBe(true);
  });

  it('summarises the agency reports with their conference and sharing', () => {
    expect(model().reports).toEqual([
      expect.objectContaining({
        agency: 'Health',
        author: 'Hana Visitor, health visitor',
        conference: 'Initial child protection conference, 1 May 2026',
        date: '28 April 2026',
        shared: 'Shared with the parent on 29 April 2026. Not shared with the child.',
      }),
    ]);
  });

  it('gives actions their owner, status and progress notes', () => {
    expect(model().outcomes[0]!.actions[0]).toEqual({
      description: 'Remind Jo of appointments at the core group',
      owner: 'Sam Sample (CSC)',
      agency: '',
      dueDate: '15 June 2026',
      measure: '',
      status: 'In progress',
      agencyAgreed: false,
      notes: [{ date: '20 May 2026', text: 'Reminder sent', addedBy: 'Sam Sample' }],
    });
    expect(model().outcomes[0]!.domain).toBe("The child's developmental needs");
  });

  it('gives an action’s agency only when it is not the owner’s own', () => {
    const { doc } = testingtonPlan();
    const actions = Outcome.list(planRoots(doc).outcomes.get(0), 'actions');
    Action.set(doc, actions, Action.readAll(actions)[0]!.id, 'agency', 'Family support');
    expect(professionalPrintModel(doc, '2026-06-01').outcomes[0]!.actions[0]).toMatchObject({ owner: 'Sam Sample (CSC)', agency: 'Family support' });
  });

  it('names the core group roles and the people around the child', () => {
    expect(model().members[0]).toMatchObject({ name: 'Sam Sample', roles: 'Chair' });
    expect(model().people).toEqual([
      { name: 'Jo Testington', kind: 'Parent', relationship: 'Mother of Ava and Leo', contact: '' },
      { name: 'Pat Example', kind: 'Other significant person', relationship: 'Grandparent', contact: '' },
    ]);
  });

  it('says when and why a plan ended', () => {
    const { doc } = testingtonPlan();
    setPlanStatus(doc, { status: 'ended', endReason: 'reached-18', endedOn: '2026-07-01' });
    expect(professionalPrintModel(doc, '2026-07-02').status).toBe('Ended on 1 July 2026: The child has reached 18');
  });

  it('reads a new, empty plan without failing', () => {
    const doc = new Y.Doc();
    createPlan(doc, { familyName: 'Example', children: [{ name: 'Leo', dob: '2020-01-01' }], profileId: 'national', division: 'england-and-wales', createdBy: '', createdAt: '2026-01-01' });
    expect(professionalPrintModel(doc, '2026-06-01')).toMatchObject({ status: 'Outline', meetings: [], chronology: [], reports: [], contingency: null });
  });
});
