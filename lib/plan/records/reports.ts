/** Agency reports to conferences (seed 001, Appendix 1). */
import { defineRecord } from '../record-spec.ts';

/** An agency's report to a conference (seed 001, Appendix 1). */
export const AgencyReport = defineRecord(
  'agency-report',
  {
    meetingId: 'string',
    agency: 'string',
    author: 'string',
    date: 'string',
    lengthOfInvolvement: 'string',
    viewOnHarm: 'string',
    sharedWithParent: 'boolean',
    sharedWithParentOn: 'string',
    sharedWithChild: 'boolean',
    sharedWithChildOn: 'string',
  },
  {
    richText: [
      'involvement',
      'developmental-needs',
      'parenting-capacity',
      'family-environment',
      'what-needs-to-change',
      'contribution',
    ],
  },
);
