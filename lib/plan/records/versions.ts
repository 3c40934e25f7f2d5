/** Named versions of the plan (lib/history/versions.ts saves, lists and loads them). */
import { defineRecord } from '../record-spec.ts';

/**
 * A named version: the whole plan as it was (`state`, a Yjs update, encodeStateAsUpdateV2), who
 * saved it (a declared name) and when. Listed in the order they were saved (the Y.Array's order).
 */
export const Version = defineRecord(
  'version',
  { name: 'string', savedBy: 'string', savedAt: 'string', state: 'bytes' },
  { label: 'Version', section: 'history', elementPrefix: 'version' },
);
