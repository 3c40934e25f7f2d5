/**
 * The plan's single-valued sections kept in root maps: the category and status (in `meta`), the
 * group agreement (seed 002) and the contact arrangements (how often the child is seen).
 */
import * as Y from 'yjs';
import { planRoots } from './roots.ts';
import { COMMAND_ORIGIN } from './origin.ts';
import { PLAN_STATUSES, type PlanStatus } from './types.ts';
import { CATEGORIES, type Category } from './records/family.ts';

/** Why a plan ends (TIMESCALES.md "A plan ends when…"). */
export const END_REASONS = [
  'no-longer-at-risk',
  'moved-permanently',
  'reached-18',
  'died',
  'left-uk',
] as const;
export type EndReason = (typeof END_REASONS)[number];

export const AGREEMENT_FIELDS = [
  'frequency',
  'venueBookedBy',
  'recordsKeptBy',
  'earlierMeeting',
  'cannotAttend',
  'dissatisfied',
] as const;
export type AgreementField = (typeof AGREEMENT_FIELDS)[number];

export const ARRANGEMENT_FIELDS = ['visitFrequency', 'seenAlone'] as const;
export type ArrangementField = (typeof ARRANGEMENT_FIELDS)[number];

export interface Categorisation {
  primary: Category | '';
  secondary: Category[];
  /** Required when there is more than one category: exceptional, with a recorded reason. */
  secondaryReason: string;
}

const str = (map: Y.Map<unknown>, key: string) => (typeof map.get(key) === 'string' ? (map.get(key) as string) : '');
const isCategory = (value: string): value is Category => (CATEGORIES as readonly string[]).includes(value);

export function readCategorisation(doc: Y.Doc): Categorisation {
  const meta = planRoots(doc).meta;
  const primary = str(meta, 'category');
  const secondary = str(meta, 'secondaryCategories').split(',').filter(isCategory);
  return { primary: isCategory(primary) ? primary : '', secondary, secondaryReason: str(meta, 'secondaryReason') };
}

export function setCategorisation(doc: Y.Doc, args: Categorisation): void {
  if (args.primary !== '' && !isCategory(args.primary)) throw new RangeError(`setCategorisation: unknown category "${args.primary}"`);
  for (const c of args.secondary) if (!isCategory(c)) throw new RangeError(`setCategorisation: unknown category "${c}"`);
  doc.transact(() => {
    const meta = planRoots(doc).meta;
    meta.set('category', args.primary);
    meta.set('secondaryCategories', args.secondary.filter((c) => c !== args.primary).join(','));
    meta.set('secondaryReason', args.secondaryReason);
  }, COMMAND_ORIGIN);
}

export interface PlanEnding {
  endReason: EndReason | '';
  endedOn: string;
}

export function readPlanEnding(doc: Y.Doc): PlanEnding {
  const meta = planRoots(doc).meta;
  const reason = str(meta, 'endReason');
  return { endReason: (END_REASONS as readonly string[]).includes(reason) ? (reason as EndReason) : '', endedOn: str(meta, 'endedOn') };
}

/**
 * Sets the plan's status. Ending needs a reason and a date. Whether the plan may be marked
 * agreed (no blocking SMART findings) is decided by the caller, which has the checks.
 */
export function setPlanStatus(doc: Y.Doc, args: { status: PlanStatus; endReason?: EndReason; endedOn?: string }): void {
  if (!PLAN_STATUSES.includes(args.status)) throw new RangeError(`setPlanStatus: unknown status "${args.status}"`);
  if (args.status === 'ended' && (!args.endReason || !END_REASONS.includes(args.endReason) || !args.endedOn)) {
    throw new RangeError('setPlanStatus: ending a plan needs endReason and endedOn');
  }
  doc.transact(() => {
    const meta = planRoots(doc).meta;
    meta.set('status', args.status);
    meta.set('endReason', args.status === 'ended' ? args.endReason! : '');
    meta.set('endedOn', args.status === 'ended' ? args.endedOn! : '');
  }, COMMAND_ORIGIN);
}

/** Reads and writes a root map of named text fields: every field as a string, writes to known fields only. */
function textFieldsRoot<F extends string>(root: 'agreement' | 'arrangements', fields: readonly F[], command: string) {
  return {
    read(doc: Y.Doc): Record<F, string> {
      const map = planRoots(doc)[root];
      return Object.fromEntries(fields.map((f) => [f, str(map, f)])) as Record<F, string>;
    },
    set(doc: Y.Doc, args: { field: F; value: string }): void {
      if (!fields.includes(args.field)) throw new RangeError(`${command}: unknown field "${args.field}"`);
      doc.transact(() => planRoots(doc)[root].set(args.field, args.value), COMMAND_ORIGIN);
    },
  };
}

const agreement = textFieldsRoot('agreement', AGREEMENT_FIELDS, 'setAgreementField');
export const readAgreement = agreement.read;
export const setAgreementField = agreement.set;

/** The element id of an arrangement field's input. */
export const arrangementElementId = (field: ArrangementField): string => `arrangement-${field}`;

const arrangements = textFieldsRoot('arrangements', ARRANGEMENT_FIELDS, 'setArrangementField');
export const readArrangements = arrangements.read;
export const setArrangementField = arrangements.set;

/** Chair mode: the key in the `chair` root naming the meeting running now. */
const LIVE_MEETING_KEY = 'liveMeetingId';

/** The id of the meeting chair mode is running now ('' when none; the meeting may since have been removed). */
export function readLiveMeetingId(doc: Y.Doc): string {
  return str(planRoots(doc).chair, LIVE_MEETING_KEY);
}

/** Names the meeting running now; '' when none is. */
export function setLiveMeetingId(doc: Y.Doc, id: string): void {
  doc.transact(() => planRoots(doc).chair.set(LIVE_MEETING_KEY, id), COMMAND_ORIGIN);
}
