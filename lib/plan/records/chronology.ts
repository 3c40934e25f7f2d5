/** The multi-agency chronology. */
import type * as Y from 'yjs';
import { defineRecord } from '../record-spec.ts';
import { COMMAND_ORIGIN } from '../origin.ts';

/** One entry of the multi-agency chronology. */
export const ChronologyEntry = defineRecord('chronology-entry', {
  date: 'string',
  event: 'string',
  agency: 'string',
  sourceLink: 'string',
  addedBy: 'string',
}, { label: 'Chronology entry', section: 'chronology', elementPrefix: 'entry' });

/** The fields of an entry a member edits (who added it never changes). */
export type ChronologyEdit = Partial<{ date: string; event: string; agency: string; sourceLink: string }>;

/**
 * Saves an edited entry in one transaction. Only the fields given are written, so a colleague's
 * concurrent edit of another field of the same entry survives.
 */
export function updateChronologyEntry(doc: Y.Doc, list: Y.Array<Y.Map<unknown>>, id: string, edit: ChronologyEdit): void {
  doc.transact(() => {
    for (const [field, value] of Object.entries(edit) as [keyof ChronologyEdit, string | undefined][]) {
      if (value !== undefined) ChronologyEntry.set(doc, list, id, field, value);
    }
  }, COMMAND_ORIGIN);
}
