/**
 * Plan documents for the checks' tests, built the way the editor builds them: `createPlan`, the
 * record commands, the arrangement commands, and rich text written as y-prosemirror writes it. A
 * `completePlan` raises no blocking finding, so each test can break exactly one thing.
 */
import * as Y from 'yjs';
import { prosemirrorJSONToYXmlFragment } from 'y-prosemirror';
import {
  Action,
  Meeting,
  Member,
  Outcome,
  createPlan,
  planRoots,
  richTextFragment,
  richTextSchema,
  setArrangementField,
  type RichTextField,
} from '../../../lib/plan/index.ts';
import { addOutcome } from '../../../lib/outcomes/outcome-commands.ts';

/** A Monday. */
export const TODAY = '2026-03-02';
/** The review conference booked for the plan. */
export const REVIEW = '2026-05-28';

/** A new plan for the Testington family, with Ava and Leo. */
export function newPlan(): Y.Doc {
  const doc = new Y.Doc();
  createPlan(doc, {
    familyName: 'Testington',
    children: [{ name: 'Ava Testington', dob: '2019-03-14' }, { name: 'Leo', dob: '2023-01-02' }],
    profileId: 'national',
    division: 'england-and-wales',
    createdBy: 'Sam Jones',
    createdAt: TODAY,
  });
  return doc;
}

/** Writes paragraphs into a rich-text field as the editor would (each string one paragraph; `**x**` is bold). */
export function writeRichText(doc: Y.Doc, field: RichTextField, paragraphs: string[]): void {
  const content = paragraphs.map((text) => ({
    type: 'paragraph',
    content: text.split(/(\*\*[^*]+\*\*)/).filter(Boolean).map((part) =>
      part.startsWith('**') ? { type: 'text', text: part.slice(2, -2), marks: [{ type: 'strong' }] } : { type: 'text', text: part },
    ),
  }));
  prosemirrorJSONToYXmlFragment(richTextSchema, { type: 'doc', content }, richTextFragment(doc, field));
}

export function addMember(doc: Y.Doc, name: string, agency: string, role = ''): string {
  return Member.add(doc, planRoots(doc).members, { name, agency, role });
}

export function bookReview(doc: Y.Doc, date = REVIEW): string {
  return Meeting.add(doc, planRoots(doc).meetings, { kind: 'rcpc', date, scheduled: true });
}

/** Adds an outcome with its fields and returns its id and its actions list. */
export function addFullOutcome(doc: Y.Doc, fields: { statement: string; measure: string; dueDate: string; sustainability: string }) {
  const list = planRoots(doc).outcomes;
  const id = addOutcome(doc, { domain: 'developmental-needs' });
  for (const [field, value] of Object.entries(fields)) Outcome.set(doc, list, id, field as keyof typeof fields, value);
  const map = Outcome.liveMaps(list).find((m) => m.get('id') === id)!;
  return { id, actions: Outcome.list(map, 'actions') };
}

/** A plan with everything the checks need and no blocking finding; ids to break things with. */
export function completePlan() {
  const doc = newPlan();
  const sw = addMember(doc, 'Sam Jones', 'Children’s Social Care', 'Lead social worker');
  const hv = addMember(doc, 'Priya Shah', 'Health', 'Health visitor');
  bookReview(doc);
  writeRichText(doc, 'harm-neglect', ['Ava has often gone to school hungry and in dirty clothes.']);
  writeRichText(doc, 'danger-statement', ['We are worried that Ava will be hurt if nothing changes.']);
  writeRichText(doc, 'contingency', ['If things do not get better by the review, Sam will ask for a legal planning meeting.']);
  setArrangementField(doc, { field: 'visitFrequency', value: 'Every 10 working days, at home' });
  setArrangementField(doc, { field: 'seenAlone', value: 'Ava in her bedroom at each visit' });
  const outcome = addFullOutcome(doc, {
    statement: 'Ava is at school on time every day',
    measure: 'School attendance above 95% each half term',
    dueDate: '2026-07-16',
    sustainability: 'Kept up for three months without reminders',
  });
  const actionId = Action.add(doc, outcome.actions, {
    description: 'Priya visits every two weeks at breakfast',
    ownerId: hv,
    dueDate: '2026-05-01',
    measure: 'Visit notes shared with the group',
    status: 'in-progress',
    agencyAgreed: true,
  });
  return { doc, members: { sw, hv }, outcomeId: outcome.id, actions: outcome.actions, actionId };
}
