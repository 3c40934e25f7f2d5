/**
 * A readable copy of a plan, as plain JSON, for the backup file: what a person (or another system)
 * reads without Yjs. It is a copy for reading only: import restores from the Yjs state beside it,
 * which keeps the history, removed records and everything this version does not know about.
 */
import type * as Y from 'yjs';
import {
  AgencyReport,
  Action,
  AttendanceEntry,
  ChronologyEntry,
  ContactArrangement,
  Decision,
  Dissent,
  Meeting,
  Member,
  Outcome,
  Person,
  PlanChange,
  ProgressNote,
  RICH_TEXT_FIELDS,
  ScalingScore,
  planRoots,
  readAgreement,
  readArrangements,
  readCategorisation,
  readChildren,
  readMeta,
  readPlanEnding,
  richTextFragment,
  type RecordType,
  type FieldsSpec,
} from '../plan/index.ts';
import { readRichText, richTextToPlain } from '../plan/rich-text.ts';

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
export type ReadablePlan = { [key: string]: Json };

/** A record's fields and its rich-text fields as text; nested lists by `nested`. */
function readRecord<F extends FieldsSpec>(
  type: RecordType<F>,
  map: Y.Map<unknown>,
  nested: Record<string, (list: Y.Array<Y.Map<unknown>>) => Json[]> = {},
): { [key: string]: Json } {
  const { order: _order, ...fields } = type.read(map) as Record<string, Json>;
  const out: { [key: string]: Json } = { ...fields };
  for (const field of type.richText) {
    try {
      out[field] = richTextToPlain(readRichText(type.fragment(map, field)));
    } catch {
      out[field] = '';
    }
  }
  for (const [field, read] of Object.entries(nested)) {
    try {
      out[field] = read(type.list(map, field));
    } catch {
      out[field] = [];
    }
  }
  return out;
}

const all =
  <F extends FieldsSpec>(type: RecordType<F>, nested?: Record<string, (list: Y.Array<Y.Map<unknown>>) => Json[]>) =>
  (list: Y.Array<Y.Map<unknown>>): Json[] =>
    type.liveMaps(list).map((map) => readRecord(type, map, nested));

/**
 * The plan's live content as plain JSON: short fields, every record (removed ones left out) in
 * display order, and rich text as plain text (paragraphs separated by blank lines).
 */
export function readablePlan(doc: Y.Doc): ReadablePlan {
  const roots = planRoots(doc);
  const text = Object.fromEntries(RICH_TEXT_FIELDS.map((field) => [field, richTextToPlain(readRichText(richTextFragment(doc, field)))]));
  const categorisation = readCategorisation(doc);
  return {
    meta: { ...readMeta(doc), ...readPlanEnding(doc) },
    categories: { primary: categorisation.primary, secondary: categorisation.secondary, secondaryReason: categorisation.secondaryReason },
    children: readChildren(doc).map((child) => ({ ...child })),
    people: all(Person)(roots.people),
    members: all(Member)(roots.members),
    agreement: readAgreement(doc),
    arrangements: readArrangements(doc),
    contacts: all(ContactArrangement)(roots.contacts),
    text,
    scaling: all(ScalingScore)(roots.scaling),
    outcomes: all(Outcome, { actions: all(Action, { notes: all(ProgressNote) }) })(roots.outcomes),
    meetings: all(Meeting, {
      attendance: all(AttendanceEntry),
      decisions: all(Decision),
      dissent: all(Dissent),
      changes: all(PlanChange),
    })(roots.meetings),
    reports: all(AgencyReport)(roots.reports),
    chronology: all(ChronologyEntry)(roots.chronology),
  };
}
