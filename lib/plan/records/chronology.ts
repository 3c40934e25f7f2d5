/** The multi-agency chronology. */
import { defineRecord } from '../record-spec.ts';

/** One entry of the multi-agency chronology. */
export const ChronologyEntry = defineRecord('chronology-entry', {
  date: 'string',
  event: 'string',
  agency: 'string',
  sourceLink: 'string',
  addedBy: 'string',
});
