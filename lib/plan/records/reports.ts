/** Agency reports to conferences (seed 001, Appendix 1). */
import type * as Y from 'yjs';
import { defineRecord } from '../record-spec.ts';
import { COMMAND_ORIGIN } from '../origin.ts';

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
    label: 'Agency report',
    section: 'reports',
    elementPrefix: 'report',
  },
);

/** Who a report can be shared with, and the fields that record it. */
const SHARING = {
  parent: { flag: 'sharedWithParent', date: 'sharedWithParentOn' },
  child: { flag: 'sharedWithChild', date: 'sharedWithChildOn' },
} as const;

/**
 * Records whether a report was shared with the parent or the child, and on what date, in one
 * transaction. Not shared clears the date, so a report never reads as shared on a date it was not.
 */
export function setReportSharing(
  doc: Y.Doc,
  list: Y.Array<Y.Map<unknown>>,
  id: string,
  sharing: { with: 'parent' | 'child'; shared: boolean; on: string },
): void {
  const fields = SHARING[sharing.with];
  doc.transact(() => {
    AgencyReport.set(doc, list, id, fields.flag, sharing.shared);
    AgencyReport.set(doc, list, id, fields.date, sharing.shared ? sharing.on : '');
  }, COMMAND_ORIGIN);
}
