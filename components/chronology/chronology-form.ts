/** The fields of a chronology entry's form, shared by adding and editing. */
import type { DraftFieldSpec } from '../meetings/draft-fields.ts';

/** `agencies`: agency names already in use, offered as suggestions. */
export function chronologyFields(agencies: readonly string[]): DraftFieldSpec[] {
  return [
    { name: 'date', label: 'Date', type: 'date' },
    { name: 'event', label: 'What happened', type: 'textarea', hint: 'For example an injury, a missed appointment, a hospital visit, a police call-out.' },
    { name: 'agency', label: 'Source agency', suggestions: agencies, keep: true },
    { name: 'sourceLink', label: 'Link to the source record (optional)', type: 'url', hint: 'A web address starting with https://' },
  ];
}
