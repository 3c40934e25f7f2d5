/**
 * The whole plan for professionals: everything the plan holds, with its category of abuse or
 * neglect and its sources (who recorded what, where the chronology's information came from).
 * Wording is as the core group wrote it; only stored ids become labels. Plain data for
 * components/print/ProfessionalPrint.svelte.
 */
import type * as Y from 'yjs';
import type { Node as PMNode } from 'prosemirror-model';
import {
  RICH_TEXT_TITLES,
  Action,
  ContactArrangement,
  Meeting,
  Member,
  Outcome,
  Person,
  ProgressNote,
  ScalingScore,
  planRoots,
  readAgreement,
  readArrangements,
  readCategorisation,
  readChildren,
  readMeta,
  readPlanEnding,
  richTextFragment,
  type AgreementField,
  type RichTextField,
} from '../plan/index.ts';
import { CATEGORY_LABELS } from '../framework/categorisation-draft.ts';
import { END_REASON_LABELS, STATUS_LABELS } from '../framework/plan-status-draft.ts';
import { PERSON_KIND_LABELS, personKind } from '../framework/person-draft.ts';
import { ACTION_STATUS_LABELS, DOMAIN_LABELS, isActionStatus, isDomain } from '../outcomes/labels.ts';
import { describeOwner, memberLabel, readMemberDirectory } from '../outcomes/owners.ts';
import { dateInWords } from '../dates/date-words.ts';
import { meetingTitle } from '../meetings/meeting-title.ts';
import { isBlank, readRichText } from '../plan/rich-text.ts';
import { nextMeeting } from './next-meeting.ts';
import { chronologyForPrint, meetingsForPrint, reportsForPrint, type PrintChronologyEntry, type PrintMeeting, type PrintReportSummary } from './print-records.ts';

export interface LabelledValue {
  label: string;
  value: string;
}

export interface ProfessionalAction {
  description: string;
  /** "Name (Agency)" of the member who owns it. */
  owner: string;
  /** The agency doing it, when not the owner's own; '' otherwise. */
  agency: string;
  dueDate: string;
  measure: string;
  status: string;
  agencyAgreed: boolean;
  notes: { date: string; text: string; addedBy: string }[];
}

export interface ProfessionalOutcome {
  domain: string;
  statement: string;
  measure: string;
  dueDate: string;
  sustainability: string;
  actions: ProfessionalAction[];
}

export interface ProfessionalPrintModel {
  familyName: string;
  address: string;
  status: string;
  createdAt: string;
  categories: { primary: string; secondary: string[]; reason: string };
  children: { name: string; dob: string; edd: string; school: string; gp: string }[];
  people: { name: string; kind: string; relationship: string; contact: string }[];
  members: { name: string; agency: string; role: string; contact: string; roles: string }[];
  agreement: LabelledValue[];
  framework: { title: string; text: PMNode | null }[];
  scaling: { person: string; agency: string; score: number; date: string; note: string }[];
  outcomes: ProfessionalOutcome[];
  contingency: PMNode | null;
  seeingTheChild: LabelledValue[];
  contacts: { who: string; withWhom: string; frequency: string; seenAlone: boolean; notes: string }[];
  nextMeeting: string | null;
  meetings: PrintMeeting[];
  chronology: PrintChronologyEntry[];
  reports: PrintReportSummary[];
}

/** The framework's headings (seed 002), in the order the plan shows them. */
const FRAMEWORK: { field: RichTextField; title: string }[] = (
  ['strengths', 'harm-physical', 'harm-emotional', 'harm-sexual', 'harm-neglect', 'grey-areas', 'complicating-factors', 'childs-views', 'danger-statement'] as const
).map((field) => ({ field, title: RICH_TEXT_TITLES[field] }));

const AGREEMENT_LABELS: Record<AgreementField, string> = {
  frequency: 'Frequency of meetings',
  venueBookedBy: 'Who will book the venue',
  recordsKeptBy: 'How a record of the meeting will be kept',
  earlierMeeting: 'Wish to call an earlier meeting',
  cannotAttend: 'Is unable to attend the meeting',
  dissatisfied: 'Is dissatisfied with the running of the meeting',
};

const inWords = (date: string) => dateInWords(date, '');

function field(doc: Y.Doc, name: RichTextField): PMNode | null {
  const node = readRichText(richTextFragment(doc, name));
  return isBlank(node) ? null : node;
}

function statusText(doc: Y.Doc): string {
  const status = readMeta(doc).status;
  if (status !== 'ended') return STATUS_LABELS[status];
  const ending = readPlanEnding(doc);
  const reason = ending.endReason ? `: ${END_REASON_LABELS[ending.endReason]}` : '';
  return `Ended${ending.endedOn ? ` on ${inWords(ending.endedOn)}` : ''}${reason}`;
}

function outcomesOf(doc: Y.Doc): ProfessionalOutcome[] {
  const roots = planRoots(doc);
  const directory = readMemberDirectory(roots.members);
  return Outcome.liveMaps(roots.outcomes).map((map) => {
    const o = Outcome.read(map);
    const actions = Action.liveMaps(Outcome.list(map, 'actions')).map((actionMap): ProfessionalAction => {
      const a = Action.read(actionMap);
      const owner = describeOwner(directory, a.ownerId);
      return {
        description: a.description,
        owner: owner ? `${memberLabel(owner)}${owner.former ? ' (former member)' : ''}` : 'No owner yet',
        // Only when it differs from the owner's own agency, which the owner's label already gives.
        agency: a.agency.trim() === (owner?.agency ?? '').trim() ? '' : a.agency.trim(),
        dueDate: inWords(a.dueDate),
        measure: a.measure,
        status: isActionStatus(a.status) ? ACTION_STATUS_LABELS[a.status] : 'Not started',
        agencyAgreed: a.agencyAgreed,
        notes: ProgressNote.readAll(Action.list(actionMap, 'notes')).map((n) => ({ date: inWords(n.date), text: n.text, addedBy: n.addedBy })),
      };
    });
    return {
      domain: isDomain(o.domain) ? DOMAIN_LABELS[o.domain] : 'Domain not chosen',
      statement: o.statement,
      measure: o.measure,
      dueDate: inWords(o.dueDate),
      sustainability: o.sustainability,
      actions,
    };
  });
}

/** The professional version of the plan; `today` (yyyy-MM-dd) picks the next meeting. */
export function professionalPrintModel(doc: Y.Doc, today: string): ProfessionalPrintModel {
  const roots = planRoots(doc);
  const meta = readMeta(doc);
  const categorisation = readCategorisation(doc);
  const agreement = readAgreement(doc);
  const arrangements = readArrangements(doc);
  const next = nextMeeting(Meeting.readAll(roots.meetings), today);
  return {
    familyName: meta.familyName.trim(),
    address: meta.address.trim(),
    status: statusText(doc),
    createdAt: inWords(meta.createdAt),
    categories: {
      primary: categorisation.primary ? CATEGORY_LABELS[categorisation.primary] : '',
      secondary: categorisation.secondary.map((c) => CATEGORY_LABELS[c]),
      reason: categorisation.secondaryReason,
    },
    children: readChildren(doc).map((c) => ({ name: c.name, dob: inWords(c.dob), edd: inWords(c.edd), school: c.school, gp: c.gp })),
    people: Person.readAll(roots.people).map((p) => ({ name: p.name, kind: PERSON_KIND_LABELS[personKind(p.kind)], relationship: p.relationship, contact: p.contact })),
    members: Member.readAll(roots.members).map((m) => ({
      name: m.name,
      agency: m.agency,
      role: m.role,
      contact: m.contact,
      roles: [m.chair && 'Chair', m.deputy && 'Deputy chair', m.minuteTaker && 'Minute-taker'].filter(Boolean).join(', '),
    })),
    agreement: (Object.keys(AGREEMENT_LABELS) as AgreementField[])
      .filter((f) => agreement[f].trim() !== '')
      .map((f) => ({ label: AGREEMENT_LABELS[f], value: agreement[f] })),
    framework: FRAMEWORK.map(({ field: name, title }) => ({ title, text: field(doc, name) })),
    scaling: ScalingScore.readAll(roots.scaling)
      .sort((a, b) => a.date.localeCompare(b.date) || a.order - b.order)
      .map((s) => ({ person: s.person, agency: s.agency, score: s.score, date: inWords(s.date), note: s.note })),
    outcomes: outcomesOf(doc),
    contingency: field(doc, 'contingency'),
    seeingTheChild: [
      { label: 'How often the lead social worker visits and sees the child', value: arrangements.visitFrequency },
      { label: 'How the child is seen alone', value: arrangements.seenAlone },
    ].filter((v) => v.value.trim() !== ''),
    contacts: ContactArrangement.readAll(roots.contacts).map((c) => ({ who: c.who, withWhom: c.withWhom, frequency: c.frequency, seenAlone: c.seenAlone, notes: c.notes })),
    nextMeeting: next ? meetingTitle(next) : null,
    meetings: meetingsForPrint(doc),
    chronology: chronologyForPrint(doc),
    reports: reportsForPrint(doc),
  };
}
