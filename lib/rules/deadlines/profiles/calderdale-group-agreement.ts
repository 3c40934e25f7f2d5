/**
 * Calderdale "Multi-Agency Group Agreement and Expectations of members of all Multi-Agency
 * Meetings" (seed 002). Rules cite the heading and the numbered paragraph under it.
 *
 * The agreement leaves core group frequency and how the notes are circulated to each group to set
 * ("Frequency of meetings: ____"), so T9 and T11 are absent: a group clones this profile and adds
 * its own figures. Paragraph 2 of "Core Groups and Child Protection Plan" gives two timescales: the
 * outline plan on the case system (CASS) within 24 hours (T2), and circulation to those who
 * attended the ICPC within 15 working days, read as the conference record (T3).
 */
import type { Profile, Rule } from './types.ts';

const SOURCE = 'Calderdale, Multi-Agency Group Agreement and Expectations of members of all Multi-Agency Meetings';
const cite = (section: string) => ({ source: `${SOURCE}, ${section}`, section });

const rules: Rule[] = [
  {
    id: 'T2', title: 'Outline plan on the case system (CASS)', figure: 24, unit: 'hours', direction: 'after',
    from: ['icpc'], due: ['plan-circulated'], ...cite('"Core Groups and Child Protection Plan" 2'),
    wording: 'A copy of the Outline Child Protection Plan is available on Children Assessment and Safeguarding System (CASS) within 24 hours of the ICPC',
  },
  {
    id: 'T3', title: 'Conference record circulated to those who attended', figure: 15, unit: 'working-days', direction: 'after',
    from: ['icpc'], due: ['minutes-circulated'], ...cite('"Core Groups and Child Protection Plan" 2'),
    wording: 'and will be circulated to all those attending the ICPC within 15 working days',
  },
  {
    id: 'T21', title: 'Plan action', figure: 0, unit: 'calendar-days', direction: 'after',
    from: ['action'], due: 'action', whilePlan: true, ...cite('"All Multi-Agency Meetings and Plans" 3(b)'),
    wording: 'All actions should … Have appropriate timescales to monitor and review progress',
  },
];

export const calderdaleGroupAgreement: Profile = {
  id: 'calderdale-group-agreement',
  name: 'Calderdale Multi-Agency Group Agreement',
  source: SOURCE,
  short: 'Calderdale Group Agreement',
  dayZero: 'event',
  rules,
};
