/**
 * "Good Practice Guidance for the Multi-Agency Child Protection Conferencing Process", an LSCB's
 * Safeguarding and Quality Assurance Unit (seed 001). No numbered sections: rules cite headings.
 *
 * Reading: "The above guidance also applies to pre birth conferences", so every rule about the
 * initial conference covers a pre-birth conference too. Its minutes and record-of-decision rules sit
 * under the initial conference, so they are not extended to reviews. "Before the conference" with
 * no figure is due on the conference day (shared at the latest before it starts). The Appendix 1
 * template's "3 Days … or 5 Days" restates the body's working days.
 */
import type { EventKind } from '../timeline.ts';
import type { Profile, Rule } from './types.ts';

const SOURCE = 'LSCB, Good Practice Guidance for the Multi-Agency Child Protection Conferencing Process';
const cite = (heading: string) => ({ source: `${SOURCE}, "${heading}"`, section: `"${heading}"` });

const INITIAL: EventKind[] = ['icpc', 'pre-birth-conference'];

const rules: Rule[] = [
  {
    id: 'T2', title: 'Record of decision, category and outline plan circulated', figure: 1, unit: 'working-days',
    direction: 'after', from: INITIAL, due: ['plan-circulated'], ...cite('After the conference'),
    wording: 'Record of decision, category of abuse and outline plan to be circulated within 1 working day',
  },
  {
    id: 'T3', title: 'Conference minutes circulated', figure: 15, unit: 'working-days', direction: 'after',
    from: INITIAL, due: ['minutes-circulated'], ...cite('After the conference'),
    wording: 'Minutes of conference to be circulated within 15 working days of the conference',
  },
  {
    id: 'T4', title: 'Agency reports to the chair', figure: 3, unit: 'working-days', direction: 'before',
    from: INITIAL, due: ['report-submitted'], ...cite('Prior to the conference (initial)'),
    wording: 'made available to the Chair 3 working days in advance of the initial conference',
  },
  {
    id: 'T5', title: 'Agency reports to the chair', figure: 5, unit: 'working-days', direction: 'before',
    from: ['rcpc'], due: ['report-submitted'], ...cite('Prior to the conference (review)'),
    wording: 'made available to the chair 5 working days in advance of the review conference',
  },
  {
    id: 'T6', title: 'Reports shared with parents', figure: 0, unit: 'calendar-days', direction: 'before',
    from: INITIAL, due: ['report-shared'], ...cite('Prior to the conference (initial)'),
    wording: 'It must be shared with parents before the conference',
  },
  {
    id: 'T7', title: 'Reports shared with parents', figure: 0, unit: 'calendar-days', direction: 'before',
    from: ['rcpc'], due: ['report-shared'], ...cite('Prior to the conference (review)'),
    wording: 'All reports must be shared with parents prior to the review',
  },
  {
    id: 'T10', title: 'Core group before the review conference', figure: 10, unit: 'calendar-days', direction: 'before',
    from: ['rcpc'], due: ['core-group'], whilePlan: true, lookBack: { figure: 4, unit: 'weeks' }, ...cite('The Core Group'),
    wording: 'The core group will meet 10 days prior to the review conference',
    note: 'Read as a core group held in the 4 weeks up to that date: an earlier one is the group’s routine meeting, not the one that makes the recommendation to the review.',
  },
  {
    id: 'T11', title: 'Core group minutes circulated', figure: 5, unit: 'working-days', direction: 'after',
    from: ['core-group'], due: ['notes-circulated'], ...cite('The Core Group'),
    wording: 'The minutes of the core group will be circulated within 5 working days',
  },
  {
    id: 'T19', title: 'Arrive 30 minutes early to read the reports', figure: 30, unit: 'minutes', direction: 'before',
    from: ['icpc', 'rcpc', 'pre-birth-conference'], due: [], nature: 'reminder', ...cite('Prior to the conference'),
    wording: 'Conference members will be expected to arrive at least 30 minutes before the start of the conference to allow time to read reports.',
  },
  {
    id: 'T21', title: 'Plan action', figure: 0, unit: 'calendar-days', direction: 'after',
    from: ['action'], due: 'action', whilePlan: true, ...cite('The Child Protection Plan'),
    wording: 'include realistic strategies and specific actions to achieve the planned outcomes, with timescales',
  },
];

export const conferencingGoodPractice: Profile = {
  id: 'conferencing-good-practice',
  name: 'Good Practice Guidance: Multi-Agency CP Conferencing (LSCB)',
  source: 'LSCB Safeguarding and Quality Assurance Unit, Good Practice Guidance for the Multi-Agency Child Protection Conferencing Process',
  short: 'LSCB Good Practice Guidance',
  dayZero: 'event',
  rules,
};
