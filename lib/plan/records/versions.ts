/** Named versions of the plan (lib/history/versions.ts saves, lists and loads them). */
import { defineRecord } from '../record-spec.ts';

/**
 * A named version: who saved it (a declared name), when, and what the plan was then. Listed in
 * the order they were saved (the Y.Array's order).
 *
 * What the plan was is one of:
 * - `snapshot`: a Yjs snapshot (encodeSnapshotV2) of this document, whose deleted content the
 *   document keeps while a version shows it (lib/history/keep-history.ts). Every version saved now.
 * - `state` with `base` '': the whole plan as a Yjs update (encodeStateAsUpdateV2): a version
 *   saved before snapshots, not yet converted.
 * - `state` with `base` the id of an earlier version: what this version added to that one (a Yjs
 *   update from its state vector), a converted full copy (lib/history/migrate-versions.ts).
 *
 * A removed version (`deleted`) carries the recorded decision: who removed it, when and why, and
 * once the plan has membership the remover's device and its signature of the decision
 * (lib/history/version-removal.ts).
 */
export const Version = defineRecord(
  'version',
  {
    name: 'string', savedBy: 'string', savedAt: 'string', state: 'bytes', snapshot: 'bytes', base: 'string',
    removedBy: 'string', removedAt: 'string', removedWhy: 'string', removedDevice: 'string', removedSig: 'bytes',
  },
  { label: 'Version', section: 'history', elementPrefix: 'version' },
);
