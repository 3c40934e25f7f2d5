/**
 * Checking what the chair types for a recommendation that the plan ends, before it is recorded:
 * every problem at once, each by its field, in words for the chair. Dissent from it is checked
 * like any dissent (checkDissentDraft, lib/meetings/meeting-entries.ts).
 */
import { isIsoDate } from '../dates/iso-date.ts';
import type { FieldProblem } from '../plan/index.ts';

export interface EndRecommendationDraft {
  reasons: string;
  /** yyyy-MM-dd, as a date input gives it ('' when empty). */
  reviewBy: string;
}

/** Problems with `draft` for a core group held on `meetingDate`; empty when it can be recorded. */
export function checkEndRecommendation(draft: EndRecommendationDraft, meetingDate: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (draft.reasons.trim() === '') {
    problems.push({ field: 'reasons', message: 'Record why the core group recommends that the plan ends.' });
  }
  if (draft.reviewBy === '') {
    problems.push({ field: 'reviewBy', message: 'Enter the date the review conference should be held by.' });
  } else if (!isIsoDate(draft.reviewBy)) {
    problems.push({ field: 'reviewBy', message: 'Enter a real date, for example 17 March 2027.' });
  } else if (isIsoDate(meetingDate) && draft.reviewBy <= meetingDate) {
    problems.push({ field: 'reviewBy', message: 'The review conference must be after this core group.' });
  }
  return problems;
}
