/**
 * A one-page flow of the child protection process: strategy → conference → core group → review
 * conference (seed 004). Untitled; rules cite its stages.
 *
 * Reading: its "15 DAYS", "10 DAYS" and "7 days" do not say working days while "two working days"
 * does, so they are read as calendar days (the stricter reading). "10 WEEKS (3 months) before first
 * Review conference" counts 10 weeks from the first core group, itself 10 days after the
 * conference: the 3 months from the initial conference are the limit used (T12). "Every 4-6 weeks"
 * is 6 weeks at most, 4 typically.
 */
import type { Profile, Rule } from './types.ts';

const SOURCE = 'Child protection process flow (strategy, conference, core group, review)';
const cite = (stage: string) => ({ source: `${SOURCE}, stage "${stage}"`, section: `stage "${stage}"` });

const rules: Rule[] = [
  {
    id: 'T1', title: 'Initial child protection conference', figure: 15, unit: 'calendar-days', direction: 'after',
    from: ['strategy'], due: ['icpc'], anchor: 'last', ...cite('Conference'),
    wording: '15 DAYS after last strategy meeting',
  },
  {
    id: 'T6', title: 'Reports shared with parents and carers', figure: 2, unit: 'working-days', direction: 'before',
    from: ['icpc'], due: ['report-shared'], ...cite('Conference'),
    wording: 'Share report with parents and carers at least two working days before the conference',
  },
  {
    id: 'T8', title: 'First core group', figure: 10, unit: 'calendar-days', direction: 'after',
    from: ['icpc'], due: ['core-group'], whilePlan: true, ...cite('Core group'),
    wording: '10 DAYS later. Date for this meeting and first Review Conference is set at the Initial Conference',
  },
  {
    id: 'T9', title: 'Next core group', figure: 6, unit: 'weeks', direction: 'after',
    from: ['core-group'], due: ['core-group'], recurring: true, whilePlan: true,
    typical: { figure: 4, unit: 'weeks' }, ...cite('Core group'),
    wording: 'Initially meetings quite frequent but generally held about every 4-6 weeks',
  },
  {
    id: 'T12', title: 'First review conference', figure: 3, unit: 'months', direction: 'after',
    from: ['icpc'], due: ['rcpc'], whilePlan: true, ...cite('Review CP Conference'),
    wording: '10 WEEKS (3 months) before first Review conference',
    note: 'The 10 weeks run from the first core group; the limit used is 3 months from the initial conference.',
  },
  {
    id: 'T5', title: 'Report for the review conference', figure: 7, unit: 'calendar-days', direction: 'before',
    from: ['rcpc'], due: ['report-submitted'], ...cite('Review CP Conference'),
    wording: 'report needed and shared with parents/carers 7 days prior to conference',
  },
  {
    id: 'T7', title: 'Report shared with parents and carers', figure: 7, unit: 'calendar-days', direction: 'before',
    from: ['rcpc'], due: ['report-shared'], ...cite('Review CP Conference'),
    wording: 'report needed and shared with parents/carers 7 days prior to conference',
  },
  {
    id: 'T21', title: 'Plan action', figure: 0, unit: 'calendar-days', direction: 'after',
    from: ['action'], due: 'action', whilePlan: true, ...cite('Core group'),
    wording: 'The group complete the Child Protection Plan',
    note: 'The flow sets no action timescales of its own; each action’s own due date applies.',
  },
];

export const strategyToReviewFlow: Profile = {
  id: 'strategy-to-review-flow',
  name: 'Strategy to Review: one-page process flow',
  source: SOURCE,
  short: 'Process flow',
  dayZero: 'event',
  rules,
};
