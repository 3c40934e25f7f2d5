/**
 * The plan's status as people say it, and the check on a status change before it is saved. Ending
 * a plan needs one of the reasons a plan can end (TIMESCALES.md, Wirral) and the day it ended.
 * Never throws. (Whether "agreed" is allowed while SMART findings block is decided beside the
 * status control, which has the findings.)
 */
import { isIsoDate } from '../dates/iso-date.ts';
import { END_REASONS, type EndReason, type FieldProblem, type PlanStatus } from '../plan/index.ts';

export const STATUS_LABELS: Record<PlanStatus, string> = {
  outline: 'Outline',
  detailed: 'Detailed',
  agreed: 'Agreed',
  ended: 'Ended',
};

/** What each status means in the life of a plan (Working Together; seed 002 items 1 and 3). */
export const STATUS_HINTS: Record<PlanStatus, string> = {
  outline: 'Made at the child protection conference.',
  detailed: 'Worked into a detailed plan by the core group, at its first meeting.',
  agreed: 'Agreed by the core group with the family.',
  ended: 'The child no longer needs a child protection plan.',
};

/** A plan ends when… (TIMESCALES.md, "Conferences and plans"). */
export const END_REASON_LABELS: Record<EndReason, string> = {
  'no-longer-at-risk': 'The child is no longer at continuing risk of significant harm',
  'moved-permanently': 'The child has moved permanently to another area (after the receiving area’s transfer-in conference)',
  'reached-18': 'The child has reached 18',
  died: 'The child has died',
  'left-uk': 'The child has left the UK permanently',
};

export interface StatusDraft {
  status: PlanStatus;
  endReason: EndReason | '';
  endedOn: string;
}

/** Field names in problems: 'endReason', 'endedOn'. `today` is yyyy-MM-dd. */
export function checkStatusDraft(draft: StatusDraft, today: string): FieldProblem[] {
  if (draft.status !== 'ended') return [];
  const problems: FieldProblem[] = [];
  if (!(END_REASONS as readonly string[]).includes(draft.endReason)) {
    problems.push({ field: 'endReason', message: 'Choose why the plan is ending.' });
  }
  const date = draft.endedOn.trim();
  if (date === '') problems.push({ field: 'endedOn', message: 'Enter the date the plan ended.' });
  else if (!isIsoDate(date)) problems.push({ field: 'endedOn', message: 'The date the plan ended is not a real date.' });
  else if (date > today) problems.push({ field: 'endedOn', message: 'The date the plan ended is in the future. Record the ending once it has happened.' });
  return problems;
}
