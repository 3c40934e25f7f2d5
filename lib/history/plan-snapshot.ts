/**
 * A plan read into plain, display-ready values: its short fields, its rich-text fields as text and
 * its lists of records. A past version is shown read-only from one of these, and two of them are
 * compared field by field (compare-snapshots.ts), so every value here is already in words (dates
 * as "3 March 2026", yes/no, labels for stored ids).
 *
 * Reads only; works on a live plan or on a version loaded into a scratch document.
 */
import type * as Y from 'yjs';
import {
  RICH_TEXT_TITLES,
  RICH_TEXT_FIELDS,
  AGREEMENT_FIELDS,
  ARRANGEMENT_FIELDS,
  planRoots,
  readMeta,
  readChildren,
  readCategorisation,
  readAgreement,
  readArrangements,
  richTextFragment,
  type RichTextField,
} from '../plan/index.ts';
import { STATUS_LABELS } from '../framework/plan-status-draft.ts';
import { CATEGORY_LABELS } from '../framework/categorisation-draft.ts';
import { plainText } from '../plan/rich-text.ts';
import { SNAPSHOT_LISTS, dateValue, type Entry, type RecordSnapshot } from './snapshot-lists.ts';

export type { Entry, RecordSnapshot } from './snapshot-lists.ts';

export interface ListSnapshot {
  key: string;
  title: string;
  records: RecordSnapshot[];
}

export interface PlanSnapshot {
  fields: Entry[];
  /** The plan's fixed rich-text fields, in the order the plan reads. */
  texts: Entry[];
  lists: ListSnapshot[];
}

/** What each fixed rich-text field is called on screen (the schema's titles). */
export const RICH_TEXT_LABELS = RICH_TEXT_TITLES;

const AGREEMENT_LABELS: Readonly<Record<(typeof AGREEMENT_FIELDS)[number], string>> = {
  frequency: 'Group agreement: frequency of meetings',
  venueBookedBy: 'Group agreement: who books the venue',
  recordsKeptBy: 'Group agreement: how a record is kept',
  earlierMeeting: 'Group agreement: calling an earlier meeting',
  cannotAttend: 'Group agreement: if unable to attend',
  dissatisfied: 'Group agreement: if dissatisfied',
};

const ARRANGEMENT_LABELS: Readonly<Record<(typeof ARRANGEMENT_FIELDS)[number], string>> = {
  visitFrequency: 'How often the lead social worker visits',
  seenAlone: 'How the child is seen alone',
};

/** The plan in `doc`, read into words. */
export function readPlanSnapshot(doc: Y.Doc): PlanSnapshot {
  const meta = readMeta(doc);
  const categories = readCategorisation(doc);
  const agreement = readAgreement(doc);
  const arrangements = readArrangements(doc);
  const fields: Entry[] = [
    { key: 'familyName', label: 'Family name', value: meta.familyName },
    { key: 'address', label: 'Address', value: meta.address },
    { key: 'status', label: 'Status of the plan', value: STATUS_LABELS[meta.status] },
    {
      key: 'category',
      label: 'Category of abuse or neglect',
      value: [categories.primary, ...categories.secondary].filter((c) => c !== '').map((c) => CATEGORY_LABELS[c]).join(', '),
    },
    { key: 'secondaryReason', label: 'Reason for more than one category', value: categories.secondaryReason },
    ...AGREEMENT_FIELDS.map((f) => ({ key: `agreement.${f}`, label: AGREEMENT_LABELS[f], value: agreement[f] })),
    ...ARRANGEMENT_FIELDS.map((f) => ({ key: `arrangements.${f}`, label: ARRANGEMENT_LABELS[f], value: arrangements[f] })),
  ];
  const texts = RICH_TEXT_FIELDS.map((f) => ({ key: f, label: RICH_TEXT_LABELS[f], value: plainText(richTextFragment(doc, f)) }));
  const roots = planRoots(doc);
  const children: ListSnapshot = {
    key: 'children',
    title: 'Children',
    records: readChildren(doc).map((c) => ({
      id: c.id,
      label: c.name || 'Unnamed child',
      fields: [
        { key: 'name', label: 'Name', value: c.name },
        { key: 'dob', label: 'Date of birth', value: dateValue(c.dob) },
        { key: 'edd', label: 'Expected date of delivery', value: dateValue(c.edd) },
        { key: 'school', label: 'School or nursery', value: c.school },
        { key: 'gp', label: 'GP', value: c.gp },
      ],
      texts: [],
    })),
  };
  return { fields, texts, lists: [children, ...SNAPSHOT_LISTS.map((spec) => ({ key: spec.key, title: spec.title, records: spec.read(roots) }))] };
}
