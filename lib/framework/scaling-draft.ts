/**
 * Checks a scaling score a member typed before it is added. Strengthening Families asks each
 * person "on a scale of 0 to 10" how safe the child is; the scale only means something as whole
 * numbers on a real day, so anything else is explained, never stored. Never throws.
 */
import { isIsoDate } from '../dates/iso-date.ts';
import type { FieldProblem } from '../plan/index.ts';

/** What the add-a-score form holds: the score as typed, so "4.5" or "" can be explained. */
export interface ScalingDraft {
  person: string;
  agency: string;
  score: string;
  date: string;
  note: string;
}

/** A checked score, ready for `ScalingScore.add`. */
export interface ScalingValues {
  person: string;
  agency: string;
  score: number;
  date: string;
  note: string;
}

/** The scale's ends (seed 002): 0 is so unsafe the child cannot stay at home, 10 safe enough to close. */
export const SCALE_MIN = 0;
export const SCALE_MAX = 10;

export type ScalingCheck = { ok: true; value: ScalingValues } | { ok: false; problems: FieldProblem[] };

/** Field names in problems: 'person', 'score', 'date'. `today` is yyyy-MM-dd. */
export function checkScalingDraft(draft: ScalingDraft, today: string): ScalingCheck {
  const problems: FieldProblem[] = [];
  const person = draft.person.trim();
  if (person === '') problems.push({ field: 'person', message: 'Enter whose score this is.' });

  const typed = draft.score.trim();
  const score = Number(typed);
  if (typed === '') {
    problems.push({ field: 'score', message: `Enter a score from ${SCALE_MIN} to ${SCALE_MAX}.` });
  } else if (!/^-?\d+(\.\d+)?$/.test(typed) || !Number.isFinite(score)) {
    problems.push({ field: 'score', message: `The score must be a number from ${SCALE_MIN} to ${SCALE_MAX}.` });
  } else if (!Number.isInteger(score)) {
    problems.push({ field: 'score', message: `The score must be a whole number from ${SCALE_MIN} to ${SCALE_MAX}, like 4 or 5.` });
  } else if (score < SCALE_MIN || score > SCALE_MAX) {
    problems.push({ field: 'score', message: `The score must be from ${SCALE_MIN} to ${SCALE_MAX}.` });
  }

  const date = draft.date.trim();
  if (date === '') problems.push({ field: 'date', message: 'Enter the date the score was given.' });
  else if (!isIsoDate(date)) problems.push({ field: 'date', message: 'The date the score was given is not a real date.' });
  else if (date > today) problems.push({ field: 'date', message: 'The date the score was given is in the future.' });

  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, value: { person, agency: draft.agency.trim(), score, date, note: draft.note.trim() } };
}
