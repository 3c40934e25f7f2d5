/**
 * The root names of a plan's Y.Doc. Nothing outside lib/plan calls `doc.getMap('…')` with a literal:
 * read the roots through `planRoots(doc)`.
 *
 * Invariant: every container that more than one peer might create lives at the root (roots are
 * created lazily and merge), or inside a record created whole by one peer. Two peers each setting
 * `map.set('x', new Y.XmlFragment())` would race and one peer's text would be lost.
 */
import * as Y from 'yjs';

export const ROOT = {
  /**
   * Y.Map of PlanMeta fields (family name, status, profile, division, schema version…), and the
   * copy of a member's own profile the plan uses, under `profile:<id>` (plan-profile-copy.ts).
   */
  meta: 'meta',
  /** Y.Array of child records. */
  children: 'children',
  /** Y.Array of parents, carers and other significant people. */
  people: 'people',
  /** Y.Array of core group member records. */
  members: 'members',
  /** Y.Map of the group agreement's short fields (seed 002). */
  agreement: 'agreement',
  /** Y.Array of outcome records, each holding its own Y.Array of actions. */
  outcomes: 'outcomes',
  /** Y.Array of meeting records. */
  meetings: 'meetings',
  /** Y.Array of agency report records. */
  reports: 'reports',
  /** Y.Array of chronology entries. */
  chronology: 'chronology',
  /** Y.Array of scaling scores (person, score 0–10, date). */
  scaling: 'scaling',
  /** Y.Array of contact arrangements (who sees whom, how often). */
  contacts: 'contacts',
  /** Y.Map: how often the lead social worker sees the child, and alone. */
  arrangements: 'arrangements',
  /** Y.Map: chair mode — the id of the meeting running now ('' when none). */
  chair: 'chair',
  /** Y.Map: Yjs clientID → the identity its member declared (authors.ts). */
  authors: 'authors',
  /** Y.Array of named versions, each the plan's encoded state at that moment (lib/history/versions.ts). */
  versions: 'versions',
  /**
   * Y.Array of signed membership entries (Uint8Array each), append-only: the plan's members, their
   * devices and key epochs (lib/membership, membership-entries.ts).
   */
  membership: 'membership',
} as const;

/**
 * The plan's fixed rich-text fields. Each is a root Y.XmlFragment named `text:<field>`, bound to a
 * ProseMirror editor with y-prosemirror.
 */
export const RICH_TEXT_FIELDS = [
  'strengths',
  'harm-physical',
  'harm-emotional',
  'harm-sexual',
  'harm-neglect',
  'grey-areas',
  'complicating-factors',
  'childs-views',
  'danger-statement',
  'contingency',
] as const;

export type RichTextField = (typeof RICH_TEXT_FIELDS)[number];

/** What each fixed rich-text field is called in the plan (seed 002's framework headings). */
export const RICH_TEXT_TITLES: Readonly<Record<RichTextField, string>> = {
  strengths: 'Strengths and protective factors',
  'harm-physical': 'Harm or danger: physical abuse',
  'harm-emotional': 'Harm or danger: emotional abuse',
  'harm-sexual': 'Harm or danger: sexual abuse',
  'harm-neglect': 'Harm or danger: neglect',
  'grey-areas': 'Grey areas',
  'complicating-factors': 'Complicating factors',
  'childs-views': 'The child’s views, wishes and feelings',
  'danger-statement': 'Danger statement',
  contingency: 'Contingency plan',
};

/** The Y.XmlFragment holding one of the plan's fixed rich-text fields. */
export function richTextFragment(doc: Y.Doc, field: RichTextField): Y.XmlFragment {
  if (!RICH_TEXT_FIELDS.includes(field)) throw new RangeError(`richTextFragment: unknown field "${field}"`);
  return doc.getXmlFragment(`text:${field}`);
}

/** The plan's root containers, typed. */
export function planRoots(doc: Y.Doc) {
  return {
    meta: doc.getMap<unknown>(ROOT.meta),
    children: doc.getArray<Y.Map<unknown>>(ROOT.children),
    people: doc.getArray<Y.Map<unknown>>(ROOT.people),
    members: doc.getArray<Y.Map<unknown>>(ROOT.members),
    agreement: doc.getMap<unknown>(ROOT.agreement),
    outcomes: doc.getArray<Y.Map<unknown>>(ROOT.outcomes),
    meetings: doc.getArray<Y.Map<unknown>>(ROOT.meetings),
    reports: doc.getArray<Y.Map<unknown>>(ROOT.reports),
    chronology: doc.getArray<Y.Map<unknown>>(ROOT.chronology),
    scaling: doc.getArray<Y.Map<unknown>>(ROOT.scaling),
    contacts: doc.getArray<Y.Map<unknown>>(ROOT.contacts),
    arrangements: doc.getMap<unknown>(ROOT.arrangements),
    chair: doc.getMap<unknown>(ROOT.chair),
    authors: doc.getMap<unknown>(ROOT.authors),
    versions: doc.getArray<Y.Map<unknown>>(ROOT.versions),
    membership: doc.getArray<unknown>(ROOT.membership),
  };
}
