/**
 * Wirral Safeguarding Children Board, "Multi-agency Standards for Child Protection", July 2016
 * (seed 003). Sections are cited as chapter.standard: "3.2" is chapter 3 (Child Protection
 * Conferences), standard 2.
 */
import type { EventKind } from '../timeline.ts';
import type { Profile, Rule } from './types.ts';

const SOURCE = 'Wirral Safeguarding Children Board, Multi-agency Standards for Child Protection (2016)';
const cite = (section: string) => ({ source: `${SOURCE}, ${section}`, section });

/** Every conference: 5.1 and 5.2 say "the conference" and "each Conference" without distinction. */
const CONFERENCES: EventKind[] = ['icpc', 'rcpc', 'pre-birth-conference', 'transfer-in-conference'];
/** Conferences that start a plan: a pre-birth (3.14) or transfer-in (3.2, 3.15) conference is an initial conference. */
const INITIAL: EventKind[] = ['icpc', 'pre-birth-conference', 'transfer-in-conference'];

const rules: Rule[] = [
  {
    id: 'T1', title: 'Initial child protection conference', figure: 15, unit: 'working-days', direction: 'after',
    from: ['strategy'], due: ['icpc'], anchor: 'starts-s47', unborn: false, ...cite('2.6, 3.2'),
    wording: 'convene an Initial Child Protection Conference within 15 working days of the strategy discussion',
  },
  {
    id: 'T2', title: 'Chair’s letter and outline plan sent', figure: 1, unit: 'working-days', direction: 'after',
    from: CONFERENCES, due: ['plan-circulated'], ...cite('5.1'),
    wording: 'A chair’s letter will be sent following each Conference … within one working day of the conference.',
  },
  {
    id: 'T3', title: 'Conference minutes sent', figure: 15, unit: 'working-days', direction: 'after',
    from: CONFERENCES, due: ['minutes-circulated'], ...cite('5.2, 3.13'),
    wording: 'Sent within 15 working days of the conference.',
  },
  {
    id: 'T4', title: 'Agency reports to the chair', figure: 3, unit: 'working-days', direction: 'before',
    from: INITIAL, due: ['report-submitted'], ...cite('3.8, 4.1'),
    wording: 'made available to the Chair three working days before the ICPC',
  },
  {
    id: 'T5', title: 'Agency reports to the chair', figure: 5, unit: 'working-days', direction: 'before',
    from: ['rcpc'], due: ['report-submitted'], ...cite('3.8, 4.1'),
    wording: 'five working days before a review conference (RCPC)',
  },
  {
    id: 'T6', title: 'Reports shared with parents', figure: 2, unit: 'working-days', direction: 'before',
    from: INITIAL, due: ['report-shared'], ...cite('3.8, 4.2'),
    wording: 'shared … with parents (and child if appropriate) at least two working days before the ICPC',
  },
  {
    id: 'T7', title: 'Reports shared with parents', figure: 5, unit: 'working-days', direction: 'before',
    from: ['rcpc'], due: ['report-shared'], ...cite('3.8, 4.2'),
    wording: 'and five working days before an RCPC',
  },
  {
    id: 'T8', title: 'First core group', figure: 10, unit: 'working-days', direction: 'after',
    from: INITIAL, due: ['core-group'], whilePlan: true, ...cite('6.3, 7.3'),
    wording: 'meet within 10 working days from the initial child protection conference',
    note: '7.3 says "within 10 days"; 6.3 says 10 working days, which is the national figure, so that is used.',
  },
  {
    id: 'T9', title: 'Next core group', figure: 6, unit: 'weeks', direction: 'after',
    from: ['core-group'], due: ['core-group'], recurring: true, whilePlan: true,
    typical: { figure: 4, unit: 'weeks' }, ...cite('7.3'),
    wording: 'at a minimum of once every six weeks, and typically once every 4 weeks',
  },
  {
    id: 'T10', title: 'Core group before the review conference', figure: 10, unit: 'calendar-days', direction: 'before',
    from: ['rcpc'], due: ['core-group'], whilePlan: true, lookBack: { figure: 4, unit: 'weeks' }, ...cite('7.4'),
    wording: 'The Core Group must meet 10 days prior to a review conference being held.',
    note: 'Read as a core group held in the 4 weeks up to that date (the typical interval, 7.3): an earlier one is the group’s routine meeting, not the one that prepares the review.',
  },
  {
    id: 'T12', title: 'First review conference', figure: 3, unit: 'months', direction: 'after',
    from: ['icpc', 'transfer-in-conference'], due: ['rcpc'], whilePlan: true, ...cite('3.2'),
    wording: 'The first review conference takes place within three months of the ICPC.',
    note: 'After a pre-birth conference the first review follows 3.14 (T17) instead. 3.2 refers to "standard 15" for this, which appears to mean standard 14 (pre-birth); 15 is transfer-in.',
  },
  {
    id: 'T13', title: 'Next review conference', figure: 6, unit: 'months', direction: 'after',
    from: ['rcpc'], due: ['rcpc'], recurring: true, whilePlan: true, ...cite('3.2'),
    wording: 'Subsequent reviews are held at intervals of not more than six months',
  },
  {
    id: 'T14', title: 'Social worker visit (child seen, alone where possible)', figure: 3, unit: 'weeks', direction: 'after',
    from: [...INITIAL, 'visit'], due: ['visit'], recurring: true, whilePlan: true, ...cite('7.2, 3.11'),
    wording: 'The frequency of visits will be stipulated in the Child Protection Plan … but will never exceed intervals of more than 3 weeks.',
    note: 'The plan may set visits more often; 3 weeks is the longest gap allowed. The first visit counts from the conference that made the plan.',
  },
  {
    id: 'T15', title: 'Transfer-in conference', figure: 15, unit: 'working-days', direction: 'after',
    from: ['transfer-notified'], due: ['transfer-in-conference'], anchor: 'first', ...cite('3.15, 3.2'),
    wording: 'The Transfer in CPC will be held within 15 working days of being notified of the move.',
  },
  {
    id: 'T16', title: 'Pre-birth conference', figure: 15, unit: 'calendar-days', direction: 'after',
    from: ['strategy'], due: ['pre-birth-conference'], anchor: 'starts-s47', unborn: true,
    notBeforeGestationWeeks: 16, ...cite('3.14'),
    wording: 'Must be held within 15 days of a Strategy Discussion Meeting decision that an unborn child is at risk. … can only be called when the pregnancy has at least reached 16 weeks',
    note: '"15 days" is read as calendar days, the stricter reading of a document that says "working days" where it means them.',
  },
  {
    id: 'T17', title: 'First review after a pre-birth conference', figure: 3, unit: 'months', direction: 'after',
    from: ['pre-birth-conference'], due: ['rcpc'], sooner: { figure: 1, unit: 'months', from: 'birth' },
    whilePlan: true, ...cite('3.14'),
    wording: 'A RCPC will be held within one month of the child’s birth or within three months of the date of the Pre-Birth Conference, whichever is sooner.',
  },
  {
    id: 'T18', title: 'Ask for corrections to the minutes', figure: 10, unit: 'working-days', direction: 'after',
    from: ['minutes-received'], due: ['amendment-requested'], nature: 'window', ...cite('5.3'),
    wording: 'Parents and agencies should contact the Safeguarding unit within ten working days of receipt of the minutes where there are inaccuracies.',
  },
  {
    id: 'T18', title: 'Chair’s answer to corrections asked for', figure: 15, unit: 'working-days', direction: 'after',
    from: ['minutes-circulated'], due: ['amendment-answered'], requires: 'amendment-requested', ...cite('5.3'),
    wording: 'The Chairperson … will contact the family and agencies with a letter to this effect within fifteen working days of the minutes being sent out.',
  },
  {
    id: 'T19', title: 'Arrive 30 minutes early to read the reports', figure: 30, unit: 'minutes', direction: 'before',
    from: CONFERENCES, due: [], nature: 'reminder', ...cite('3.4'),
    wording: 'All professionals will arrive at least 30 minutes before the Conference begins and will read all the agency reports',
  },
  {
    id: 'T21', title: 'Plan action', figure: 0, unit: 'calendar-days', direction: 'after',
    from: ['action'], due: 'action', whilePlan: true, ...cite('7.6'),
    wording: 'the respective agency is responsible for ensuring that the action is carried out within the timescales agreed',
  },
];

export const wirral2016: Profile = {
  id: 'wirral-2016',
  name: 'Wirral Multi-agency Standards for Child Protection (2016)',
  source: 'Wirral Safeguarding Children Board, Multi-agency Standards for Child Protection (July 2016)',
  short: 'Wirral 2016',
  dayZero: 'event',
  rules,
};
