/**
 * The plan's lists of records as history shows and compares them: for each list, how to read its
 * live records into words (a label to know each record by, its fields, its rich text). Removed
 * records (tombstones) are left out, so removing one reads as "removed" between versions.
 */
import type * as Y from 'yjs';
import {
  Action,
  AgencyReport,
  ChronologyEntry,
  ContactArrangement,
  Decision,
  Meeting,
  Member,
  Outcome,
  Person,
  PlanChange,
  ScalingScore,
  type planRoots,
} from '../plan/index.ts';
import { dateInWords } from '../dates/date-words.ts';
import { meetingTitle } from '../meetings/meeting-title.ts';
import { ACTION_STATUS_LABELS, DOMAIN_LABELS, isActionStatus, isDomain } from '../outcomes/labels.ts';
import { plainText } from '../plan/rich-text.ts';

export interface Entry {
  key: string;
  label: string;
  value: string;
}

export interface RecordSnapshot {
  id: string;
  /** What the record is known by in a list of changes ("Core group meeting, 3 March 2026"). */
  label: string;
  fields: Entry[];
  texts: Entry[];
}

type Roots = ReturnType<typeof planRoots>;

export interface SnapshotListSpec {
  key: string;
  title: string;
  read(roots: Roots): RecordSnapshot[];
}

/** A yyyy-MM-dd value in words; '' stays '' (not set). */
export const dateValue = (value: string): string => (value === '' ? '' : dateInWords(value, value));
const yesNo = (value: boolean): string => (value ? 'Yes' : 'No');
const shorten = (text: string, max = 60): string => (text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text);

/** A record's own rich text in words; '' when a peer's record lacks it (history never throws). */
function textOf(read: () => Y.XmlFragment): string {
  try {
    return plainText(read());
  } catch {
    return '';
  }
}

/** The texts of a nested list's live records, one a line; '' when the record lacks the list. */
function linesOf(read: () => string[]): string {
  try {
    return read().filter(Boolean).join('\n');
  } catch {
    return '';
  }
}

function actionsOf(outcome: Y.Map<unknown>) {
  try {
    return Action.readAll(Outcome.list(outcome, 'actions'));
  } catch {
    return [];
  }
}

const REPORT_TEXT_LABELS: Readonly<Record<string, string>> = {
  involvement: 'Chronology of agency involvement',
  'developmental-needs': 'The child’s developmental needs',
  'parenting-capacity': 'Parenting capacity',
  'family-environment': 'Family and environmental factors',
  'what-needs-to-change': 'What needs to change',
  contribution: 'How the agency can contribute',
};

export const SNAPSHOT_LISTS: readonly SnapshotListSpec[] = [
  {
    key: 'people',
    title: 'Parents, carers and significant people',
    read: (roots) =>
      Person.readAll(roots.people).map((p) => ({
        id: p.id,
        label: p.name || 'Unnamed person',
        fields: [
          { key: 'name', label: 'Name', value: p.name },
          { key: 'relationship', label: 'Relationship', value: p.relationship },
          { key: 'contact', label: 'Contact', value: p.contact },
        ],
        texts: [],
      })),
  },
  {
    key: 'members',
    title: 'Core group members',
    read: (roots) =>
      Member.readAll(roots.members).map((m) => ({
        id: m.id,
        label: [m.name || 'Unnamed member', m.agency].filter(Boolean).join(', '),
        fields: [
          { key: 'name', label: 'Name', value: m.name },
          { key: 'agency', label: 'Agency', value: m.agency },
          { key: 'role', label: 'Role', value: m.role },
          { key: 'contact', label: 'Contact', value: m.contact },
          { key: 'chair', label: 'Chair', value: yesNo(m.chair) },
          { key: 'deputy', label: 'Deputy chair', value: yesNo(m.deputy) },
          { key: 'minuteTaker', label: 'Takes minutes', value: yesNo(m.minuteTaker) },
        ],
        texts: [],
      })),
  },
  {
    key: 'outcomes',
    title: 'Outcomes',
    read: (roots) =>
      Outcome.readAll(roots.outcomes).map((o) => ({
        id: o.id,
        label: shorten(o.statement) || 'An outcome with no statement yet',
        fields: [
          { key: 'domain', label: 'Domain', value: isDomain(o.domain) ? DOMAIN_LABELS[o.domain] : '' },
          { key: 'statement', label: 'Outcome', value: o.statement },
          { key: 'measure', label: 'How we will know', value: o.measure },
          { key: 'dueDate', label: 'By when', value: dateValue(o.dueDate) },
          { key: 'sustainability', label: 'How it will be sustained', value: o.sustainability },
        ],
        texts: [],
      })),
  },
  {
    key: 'actions',
    title: 'Actions',
    read: (roots) =>
      Outcome.liveMaps(roots.outcomes).flatMap((outcome) =>
        actionsOf(outcome).map((a) => ({
          id: a.id,
          label: shorten(a.description) || 'An action with no description yet',
          fields: [
            { key: 'description', label: 'Action', value: a.description },
            { key: 'agency', label: 'Agency', value: a.agency },
            { key: 'dueDate', label: 'By when', value: dateValue(a.dueDate) },
            { key: 'measure', label: 'How we will know', value: a.measure },
            { key: 'status', label: 'Progress', value: isActionStatus(a.status) ? ACTION_STATUS_LABELS[a.status] : '' },
            { key: 'agencyAgreed', label: 'Agreed by the agency', value: yesNo(a.agencyAgreed) },
          ],
          texts: [],
        })),
      ),
  },
  {
    key: 'meetings',
    title: 'Meetings',
    read: (roots) =>
      Meeting.liveMaps(roots.meetings).map((record) => {
        const m = Meeting.read(record);
        return {
          id: m.id,
          label: meetingTitle(m),
          fields: [
            { key: 'date', label: 'Date', value: dateValue(m.date) },
            { key: 'minutesCirculated', label: 'Minutes circulated', value: dateValue(m.minutesCirculated) },
            { key: 'planCirculated', label: 'Plan circulated', value: dateValue(m.planCirculated) },
          ],
          texts: [
            { key: 'minutes', label: 'Minutes', value: textOf(() => Meeting.fragment(record, 'minutes')) },
            { key: 'decisions', label: 'Decisions', value: linesOf(() => Decision.readAll(Meeting.list(record, 'decisions')).map((d) => d.text)) },
            { key: 'changes', label: 'Changes to the plan', value: linesOf(() => PlanChange.readAll(Meeting.list(record, 'changes')).map((c) => c.change)) },
          ],
        };
      }),
  },
  {
    key: 'chronology',
    title: 'Chronology',
    read: (roots) =>
      ChronologyEntry.readAll(roots.chronology).map((e) => ({
        id: e.id,
        label: `${dateInWords(e.date)}: ${shorten(e.event)}`,
        fields: [
          { key: 'date', label: 'Date', value: dateValue(e.date) },
          { key: 'event', label: 'What happened', value: e.event },
          { key: 'agency', label: 'Agency', value: e.agency },
          { key: 'sourceLink', label: 'Source', value: e.sourceLink },
          { key: 'addedBy', label: 'Added by', value: e.addedBy },
        ],
        texts: [],
      })),
  },
  {
    key: 'reports',
    title: 'Agency reports',
    read: (roots) =>
      AgencyReport.liveMaps(roots.reports).map((record) => {
        const r = AgencyReport.read(record);
        return {
          id: r.id,
          label: [r.agency || 'An agency', dateValue(r.date)].filter(Boolean).join(', '),
          fields: [
            { key: 'agency', label: 'Agency', value: r.agency },
            { key: 'author', label: 'Author', value: r.author },
            { key: 'date', label: 'Date', value: dateValue(r.date) },
          ],
          texts: AgencyReport.richText.map((field) => ({
            key: field,
            label: REPORT_TEXT_LABELS[field] ?? field,
            value: textOf(() => AgencyReport.fragment(record, field)),
          })),
        };
      }),
  },
  {
    key: 'scaling',
    title: 'Scaling scores',
    read: (roots) =>
      ScalingScore.readAll(roots.scaling).map((s) => ({
        id: s.id,
        label: `${s.person || 'Someone'}, ${dateInWords(s.date)}`,
        fields: [
          { key: 'score', label: 'Score', value: String(s.score) },
          { key: 'note', label: 'Note', value: s.note },
        ],
        texts: [],
      })),
  },
  {
    key: 'contacts',
    title: 'Contact arrangements',
    read: (roots) =>
      ContactArrangement.readAll(roots.contacts).map((c) => ({
        id: c.id,
        label: [c.who, c.withWhom].filter(Boolean).join(' with ') || 'A contact arrangement',
        fields: [
          { key: 'frequency', label: 'How often', value: c.frequency },
          { key: 'seenAlone', label: 'Seen alone', value: yesNo(c.seenAlone) },
          { key: 'notes', label: 'Notes', value: c.notes },
        ],
        texts: [],
      })),
  },
];
