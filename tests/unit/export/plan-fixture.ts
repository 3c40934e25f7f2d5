/**
 * A fictional plan with something in every part, built through the plan's commands, for the export
 * tests. Rich text is written as y-prosemirror stores it (paragraph elements holding Y.XmlText).
 */
import * as Y from 'yjs';
import {
  Action,
  AgencyReport,
  AttendanceEntry,
  ChronologyEntry,
  Decision,
  Dissent,
  Meeting,
  Member,
  Outcome,
  Person,
  ProgressNote,
  ScalingScore,
  createPlan,
  planRoots,
  richTextFragment,
  setArrangementField,
  setCategorisation,
  setMetaField,
  type RichTextField,
} from '../../../lib/plan/index.ts';

/** One rich-text paragraph per string; `{ bold }` marks a run bold. */
export type Paragraph = string | (string | { bold: string })[];

/** Writes paragraphs into a fragment, as the editor would. */
export function writeParagraphs(fragment: Y.XmlFragment, paragraphs: Paragraph[]): void {
  fragment.doc!.transact(() => {
    for (const paragraph of paragraphs) {
      const element = new Y.XmlElement('paragraph');
      const text = new Y.XmlText();
      element.insert(0, [text]);
      fragment.push([element]);
      for (const run of typeof paragraph === 'string' ? [paragraph] : paragraph) {
        // Yjs carries the formatting before the cursor on unless told not to.
        if (typeof run === 'string') text.insert(text.length, run, { strong: null });
        else text.insert(text.length, run.bold, { strong: {} });
      }
    }
  });
}

export const writeField = (doc: Y.Doc, field: RichTextField, ...paragraphs: Paragraph[]) => writeParagraphs(richTextFragment(doc, field), paragraphs);

export interface FixtureIds {
  memberId: string;
  reportId: string;
  icpcId: string;
  rcpcId: string;
}

/** The Testington plan: two children, a core group, framework text, outcomes, meetings, reports and chronology. */
export function testingtonPlan(doc = new Y.Doc()): { doc: Y.Doc; ids: FixtureIds } {
  createPlan(doc, {
    familyName: 'Testington',
    children: [{ name: 'Ava', dob: '2019-03-14' }, { name: 'Leo', edd: '2026-12-01' }],
    profileId: 'national',
    division: 'england-and-wales',
    createdBy: 'Sam Sample',
    createdAt: '2026-05-01',
  });
  const roots = planRoots(doc);
  setMetaField(doc, { field: 'address', value: '1 Fictional Road' });
  setCategorisation(doc, { primary: 'neglect', secondary: ['emotional'], secondaryReason: 'Shouting witnessed at home' });
  setArrangementField(doc, { field: 'visitFrequency', value: 'Every 10 working days' });
  Person.add(doc, roots.people, { name: 'Jo Testington', relationship: 'Mother of Ava and Leo', kind: 'parent' });
  Person.add(doc, roots.people, { name: 'Pat Example', relationship: 'Grandparent', kind: 'significant' });
  const memberId = Member.add(doc, roots.members, { name: 'Sam Sample', agency: 'CSC', role: 'Lead social worker', chair: true });
  Member.add(doc, roots.members, { name: 'Hana Visitor', agency: 'Health', role: 'Health visitor' });

  writeField(doc, 'strengths', 'Jo takes Ava to school every day.');
  writeField(doc, 'harm-neglect', ['Ava has missed ', { bold: 'three' }, ' health appointments.']);
  writeField(doc, 'danger-statement', 'We are worried the ICPC plan will not be followed and Ava will miss more care.');
  writeField(doc, 'contingency', 'If things do not improve the LA will consider the PLO.');
  writeField(doc, 'grey-areas', 'Who else lives at the house.');

  const outcomeId = Outcome.add(doc, roots.outcomes, { domain: 'developmental-needs', statement: 'Ava goes to every health appointment', measure: 'HV records attendance', dueDate: '2026-08-01' });
  const outcome = roots.outcomes.toArray().find((m) => m.get('id') === outcomeId)!;
  const actionId = Action.add(doc, Outcome.list(outcome, 'actions'), { description: 'Remind Jo of appointments at the core group', ownerId: memberId, agency: 'CSC', dueDate: '2026-06-15', status: 'in-progress' });
  const action = Outcome.list(outcome, 'actions').toArray().find((m) => m.get('id') === actionId)!;
  ProgressNote.add(doc, Action.list(action, 'notes'), { date: '2026-05-20', text: 'Reminder sent', addedBy: 'Sam Sample' });

  const icpcId = Meeting.add(doc, roots.meetings, { kind: 'icpc', date: '2026-05-01' });
  const icpc = roots.meetings.toArray().find((m) => m.get('id') === icpcId)!;
  AttendanceEntry.add(doc, Meeting.list(icpc, 'attendance'), { memberId, name: 'Sam Sample', agency: 'CSC', status: 'present' });
  Decision.add(doc, Meeting.list(icpc, 'decisions'), { text: 'Child protection plan under the category of neglect' });
  Dissent.add(doc, Meeting.list(icpc, 'dissent'), { who: 'Jo Testington', agency: '', reason: 'Does not agree there is neglect' });
  const rcpcId = Meeting.add(doc, roots.meetings, { kind: 'rcpc', date: '2026-08-01', scheduled: true });
  Meeting.add(doc, roots.meetings, { kind: 'core-group', date: '2026-06-10', scheduled: true });

  const reportId = AgencyReport.add(doc, roots.reports, { meetingId: icpcId, agency: 'Health', author: 'Hana Visitor, health visitor', date: '2026-04-28', lengthOfInvolvement: 'Since 2019', viewOnHarm: 'Yes, from missed health care.', sharedWithParent: true, sharedWithParentOn: '2026-04-29' });
  const report = roots.reports.toArray().find((m) => m.get('id') === reportId)!;
  writeParagraphs(AgencyReport.fragment(report, 'parenting-capacity'), ['Jo loves the children but misses appointments.']);
  writeParagraphs(AgencyReport.fragment(report, 'contribution'), ['Monthly home visits.']);

  ChronologyEntry.add(doc, roots.chronology, { date: '2026-03-02', event: 'Missed 2-year check', agency: 'Health', sourceLink: 'https://example.org/record/1', addedBy: 'Hana Visitor' });
  ChronologyEntry.add(doc, roots.chronology, { date: '2026-04-10', event: 'Referral received', agency: 'CSC', addedBy: 'Sam Sample' });
  ScalingScore.add(doc, roots.scaling, { person: 'Jo Testington', score: 4, date: '2026-05-01' });
  return { doc, ids: { memberId, reportId, icpcId, rcpcId } };
}

/** A fresh document with one rich-text fragment, filled by `build` in one transaction. */
export function fragmentWith(build: (fragment: Y.XmlFragment) => void): { doc: Y.Doc; fragment: Y.XmlFragment } {
  const doc = new Y.Doc();
  const fragment = doc.getXmlFragment('text:test');
  doc.transact(() => build(fragment));
  return { doc, fragment };
}

/** A bullet or numbered list of one-paragraph items, as y-prosemirror stores it. */
export function listOf(kind: 'bullet_list' | 'ordered_list', items: string[]): Y.XmlElement {
  const element = new Y.XmlElement(kind);
  element.insert(0, items.map((item) => {
    const li = new Y.XmlElement('list_item');
    const p = new Y.XmlElement('paragraph');
    p.insert(0, [new Y.XmlText(item)]);
    li.insert(0, [p]);
    return li;
  }));
  return element;
}
