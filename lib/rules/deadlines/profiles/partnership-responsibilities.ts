/**
 * "Multi-Agency Partnership Responsibilities", a Safeguarding Children Unit's (SCU) professional
 * standards (seed 000). The document has no numbered sections: rules cite its headings.
 *
 * Reading: where it says "days" without "working" (conference within 15 days; reports 2 days
 * prior; review notes within 15 days) the figure is read as calendar days, the stricter reading,
 * because the same page says "15 working days" where it means working days. Its "24 hours" is kept
 * as hours (due the next calendar day), stricter than other boards' "1 working day".
 */
import type { Profile, Rule } from './types.ts';

const SOURCE = 'Safeguarding Children Unit, Multi-Agency Partnership Responsibilities';
const cite = (heading: string) => ({ source: `${SOURCE}, "${heading}"`, section: `"${heading}"` });

const rules: Rule[] = [
  {
    id: 'T1', title: 'Initial child protection conference', figure: 15, unit: 'calendar-days', direction: 'after',
    from: ['strategy'], due: ['icpc'], anchor: 'starts-s47', ...cite('Request for CP conference'),
    wording: 'the conference is arranged within 15 days of the initial strategy meeting agreeing the S47',
  },
  {
    id: 'T2', title: 'Outline plan shared with agencies', figure: 24, unit: 'hours', direction: 'after',
    from: ['icpc', 'rcpc'], due: ['plan-circulated'], ...cite('Initial Conference; Review Child Protection Conference'),
    wording: 'The outline Child protection plan will be shared with agencies within 24 hours of the meeting having taken place.',
  },
  {
    id: 'T3', title: 'Conference notes circulated', figure: 15, unit: 'working-days', direction: 'after',
    from: ['icpc'], due: ['minutes-circulated'], ...cite('Initial Conference'),
    wording: 'The notes from the conference will be circulated within 15 working days of the meeting.',
  },
  {
    id: 'T3', title: 'Review conference notes circulated', figure: 15, unit: 'calendar-days', direction: 'after',
    from: ['rcpc'], due: ['minutes-circulated'], ...cite('Review Child Protection Conference'),
    wording: 'The notes from the meeting will be circulated within 15 days of the meeting.',
  },
  {
    id: 'T4', title: 'Agency reports to the Safeguarding Children Unit', figure: 2, unit: 'calendar-days', direction: 'before',
    from: ['icpc'], due: ['report-submitted'], ...cite('Initial Conference'),
    wording: 'agencies will attend and provide a report 2 days prior to the date of the conference',
  },
  {
    id: 'T5', title: 'Agency reports to the Safeguarding Children Unit', figure: 2, unit: 'calendar-days', direction: 'before',
    from: ['rcpc'], due: ['report-submitted'], ...cite('Review Child Protection Conference'),
    wording: 'Agencies will submit their report to the Safeguarding Children’s Unit 2 days prior to the meeting.',
  },
  {
    id: 'T6', title: 'Reports shared with parents', figure: 2, unit: 'calendar-days', direction: 'before',
    from: ['icpc'], due: ['report-shared'], ...cite('Initial Conference'),
    wording: 'Agencies will share their report with parents 2 days prior to the conference',
  },
  {
    id: 'T7', title: 'Reports shared with the family', figure: 2, unit: 'calendar-days', direction: 'before',
    from: ['rcpc'], due: ['report-shared'], ...cite('Review Child Protection Conference'),
    wording: 'a report for the meeting which will have been shared with the family at least 2 days prior to the meeting',
  },
  {
    id: 'T9', title: 'Next core group', figure: 4, unit: 'weeks', direction: 'after',
    from: ['core-group'], due: ['core-group'], recurring: true, whilePlan: true, ...cite('Core Group'),
    wording: 'Core groups will take place every 4 weeks',
  },
  {
    id: 'T11', title: 'Core group notes circulated', figure: 15, unit: 'working-days', direction: 'after',
    from: ['core-group'], due: ['notes-circulated'], ...cite('Core Group'),
    wording: 'Notes from the core group will be circulated within 15 working days of the meeting',
  },
  {
    id: 'T15', title: 'Transfer-in conference', figure: 15, unit: 'working-days', direction: 'after',
    from: ['transfer-notified'], due: ['transfer-in-conference'], anchor: 'first', ...cite('Exceptional circumstances'),
    wording: 'The conference should convene within 15 working days of the information and application to transfer being made.',
  },
  {
    id: 'T20', title: 'IRO considers the child protection plan at the first looked-after review', figure: 0,
    unit: 'calendar-days', direction: 'after', from: ['looked-after'], due: ['lac-review'], nature: 'prompt',
    ...cite('Exceptional circumstances'),
    wording: 'Where a child has become looked after during a period of CP planning the IRO will consider the appropriateness of the CP within the first LAC meeting.',
    note: 'No figure: the prompt is live from the day the child becomes looked after until the first looked-after review is held.',
  },
  {
    id: 'T21', title: 'Plan action', figure: 0, unit: 'calendar-days', direction: 'after',
    from: ['action'], due: 'action', whilePlan: true, ...cite('Initial Conference; Core Group'),
    wording: 'Agencies will contribute to the child protection plan … update on progress to the plan',
    note: 'The document sets no action timescales of its own; each action’s own due date applies.',
  },
];

export const partnershipResponsibilities: Profile = {
  id: 'partnership-responsibilities',
  name: 'Multi-Agency Partnership Responsibilities (Safeguarding Children Unit)',
  source: 'Safeguarding Children Unit, Multi-Agency Partnership Responsibilities',
  short: 'SCU Partnership Responsibilities',
  dayZero: 'event',
  rules,
};
