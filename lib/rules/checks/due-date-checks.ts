/**
 * Time-scaled checks on one due date (seed 002: "appropriate timescales to monitor and review
 * progress"; TIMESCALES.md T21: each action's own due date, inside the review period). Shared by
 * actions and outcomes, which differ only in how hard the review-date rule bites.
 */
import type { Finding } from './findings.ts';
import { describeDate } from '../../dates/date-words.ts';
import { isIsoDate } from '../../dates/iso-date.ts';

export interface DueDateInput {
  dueDate: unknown;
  /** A valid yyyy-MM-dd date (the caller has asserted it). */
  today: string;
  nextReviewDate: unknown;
  /** Closed actions are not nagged about dates that have passed. */
  open: boolean;
  /**
   * `blocking` for actions (each must be done, or progress judged, by the review conference);
   * `advice` for outcomes, whose change may rightly take longer; `none` to skip the rule.
   */
  afterReview: 'blocking' | 'advice' | 'none';
  /** What the date belongs to, for messages: "action" or "outcome". */
  subject: string;
}

/**
 * Findings on the `dueDate` field: missing or not a real date (blocking, timebound), after the next
 * review conference (per `afterReview`, with a fix setting it to the review date), or already past
 * while still open (advice, realistic).
 */
export function checkDueDate(input: DueDateInput): Finding[] {
  const { dueDate, today, nextReviewDate, open, afterReview, subject } = input;
  const base = { field: 'dueDate' } as const;
  if (typeof dueDate !== 'string' || dueDate.trim() === '') {
    return [{ ...base, rule: 'timebound', severity: 'blocking', message: `Say when this ${subject} will be done by.` }];
  }
  if (!isIsoDate(dueDate)) {
    return [
      {
        ...base,
        rule: 'timebound',
        severity: 'blocking',
        message: `“${dueDate.slice(0, 40)}” is not a date the plan can use. Choose the due date from the calendar.`,
      },
    ];
  }
  const findings: Finding[] = [];
  const review = typeof nextReviewDate === 'string' && isIsoDate(nextReviewDate) ? nextReviewDate : null;
  if (review && afterReview !== 'none' && dueDate > review) {
    const when = `This ${subject} is due on ${describeDate(dueDate)}, after the next review conference on ${describeDate(review)}.`;
    findings.push({
      ...base,
      rule: 'timebound',
      severity: afterReview,
      message:
        afterReview === 'blocking'
          ? `${when} Set a date on or before the review, so the conference can see it done.`
          : `${when} That can be right for a lasting change, but add an action due by the review so progress can be judged.`,
      suggestion: review,
      fix: { kind: 'set-due-date', value: review },
    });
  }
  if (open && dueDate < today) {
    findings.push({
      ...base,
      rule: 'realistic',
      severity: 'advice',
      message: `This ${subject} was due on ${describeDate(dueDate)}, which has passed. Record whether it was done, or agree a new date.`,
    });
  }
  return findings;
}
