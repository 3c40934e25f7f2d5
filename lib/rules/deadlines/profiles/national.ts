/**
 * The national timescales: Working Together to Safeguard Children 2023 (in force; no later edition
 * changed a child protection timescale). Chapter 3 ("Providing help, support and protection"),
 * section 3 (child protection) sets them. Working Together's own text is not among the seeds: the
 * figures are TIMESCALES.md's summary of it, and sections are cited by topic, not paragraph.
 * Working Together leaves the rest to local arrangements (core group frequency, visiting
 * frequency, report deadlines), so those rules are absent here; local profiles add them.
 */
import type { Profile, Rule } from './types.ts';

const SOURCE = 'Working Together to Safeguard Children 2023 (HM Government)';
const cite = (topic: string) => ({ source: `${SOURCE}, chapter 3, ${topic}`, section: `chapter 3, ${topic}` });

const rules: Rule[] = [
  {
    id: 'T1', title: 'Initial child protection conference', figure: 15, unit: 'working-days', direction: 'after',
    from: ['strategy'], due: ['icpc', 'pre-birth-conference'], anchor: 'starts-s47',
    ...cite('initial child protection conferences'),
    note: 'Counted from the strategy discussion that started section 47 enquiries when more than one was held. A pre-birth conference is the initial conference for an unborn child, so it meets this too.',
  },
  {
    id: 'T8', title: 'First core group', figure: 10, unit: 'working-days', direction: 'after',
    from: ['icpc', 'pre-birth-conference', 'transfer-in-conference'], due: ['core-group'], whilePlan: true,
    ...cite('the core group'),
  },
  {
    id: 'T12', title: 'First review conference', figure: 3, unit: 'months', direction: 'after',
    from: ['icpc', 'pre-birth-conference', 'transfer-in-conference'], due: ['rcpc'], whilePlan: true,
    ...cite('child protection review conferences'),
  },
  {
    id: 'T13', title: 'Next review conference', figure: 6, unit: 'months', direction: 'after',
    from: ['rcpc'], due: ['rcpc'], recurring: true, whilePlan: true,
    ...cite('child protection review conferences'),
  },
  {
    id: 'T15', title: 'Transfer-in conference', figure: 15, unit: 'working-days', direction: 'after',
    from: ['transfer-notified'], due: ['transfer-in-conference'], anchor: 'first',
    ...cite('children subject to a plan moving to another area'),
  },
  {
    id: 'T21', title: 'Plan action', figure: 0, unit: 'calendar-days', direction: 'after',
    from: ['action'], due: 'action', whilePlan: true,
    ...cite('the child protection plan'),
    note: 'The plan sets each action’s timescale; the action’s own due date applies.',
  },
];

export const national: Profile = {
  id: 'national',
  name: 'National: Working Together to Safeguard Children 2023',
  source: 'Working Together to Safeguard Children 2023 (HM Government)',
  short: 'Working Together 2023',
  dayZero: 'event',
  rules,
};
