/**
 * What's due when the core group has recommended that the plan ends: the review conference is
 * brought forward. Wirral 7.4 (seed 003): the core group meets before the review conference and
 * gives it its recommendations; a group recommending the end of the plan asks for the review by a
 * date of its choosing rather than waiting for the usual one (TIMESCALES.md T12, first review within
 * 3 months of the initial conference; T13, next review within 6 months of the last).
 *
 * Pure, after the engine: the open review items (T12, T13) counted from a conference before the
 * recommendation, and due after the date the group asked for, become due by that date, with their
 * status counted again against `today` and a sentence saying why. Anything met stays as it was.
 */
import { addWorkingDays, type Division } from '../rules/calendar/calendar.ts';
import type { Deadline, DeadlineStatus } from '../rules/deadlines/deadline.ts';
import { DEFAULT_DUE_SOON_DAYS, compareDeadlines } from '../rules/deadlines/deadlines.ts';
import type { TimelineEvent } from '../rules/deadlines/timeline.ts';
import type { EndRecommendation } from '../plan/index.ts';
import { dateWithDay } from '../dates/date-words.ts';

const REVIEW_RULES = new Set<Deadline['ruleId']>(['T12', 'T13']);

function statusOn(due: string, today: string, soon: string): DeadlineStatus {
  if (due < today) return 'overdue';
  if (due === today) return 'due-today';
  return due <= soon ? 'due-soon' : 'upcoming';
}

/**
 * `deadlines` with the review conference brought forward by `recommendation` (none: unchanged),
 * in the engine's order.
 */
export function bringReviewForward(
  deadlines: readonly Deadline[],
  timeline: readonly TimelineEvent[],
  recommendation: EndRecommendation | null,
  today: string,
  division: Division,
): Deadline[] {
  if (!recommendation || recommendation.reviewBy === '') return [...deadlines];
  const dateOf = new Map(timeline.map((event) => [event.id, event.date]));
  const soon = addWorkingDays(today, DEFAULT_DUE_SOON_DAYS, division);
  const { reviewBy } = recommendation;
  const brought = deadlines.map((deadline): Deadline => {
    if (!REVIEW_RULES.has(deadline.ruleId) || deadline.status === 'met' || deadline.metLateBy) return deadline;
    const from = dateOf.get(deadline.hangsOn[0] ?? '');
    if (from === undefined || from > recommendation.date || deadline.due <= reviewBy) return deadline;
    const moved: Deadline = {
      ...deadline,
      title: `${deadline.title}, brought forward`,
      due: reviewBy,
      status: statusOn(reviewBy, today, soon),
      detail: `The core group on ${dateWithDay(recommendation.date)} recommended that the plan ends and asked for the review conference by ${dateWithDay(reviewBy)} (otherwise due ${dateWithDay(deadline.due)}).`,
    };
    if (deadline.booked) moved.booked = { ...deadline.booked, inTime: deadline.booked.date <= reviewBy };
    return moved;
  });
  return brought.sort(compareDeadlines);
}
