/**
 * How much of the plan an update's delete set would remove: records (a Y.Map in a Y.Array, not
 * already removed by tombstone), characters of rich text, and saved versions, counted over what is
 * live in this copy now. Read from the store only; the whole plan is counted only when an update
 * removes enough to matter. Records an update hides by tombstone are counted in soft-removal.ts
 * and added to the same records figure.
 */
import * as Y from 'yjs';
import { planRoots } from '../../plan/index.ts';
import { visitLiveInRanges, type Ranges } from './delete-set.ts';

export interface Removal {
  records: number;
  text: number;
  versions: number;
}

/** The share above which an update is quarantined, and the least that counts (a tiny plan). */
export const MASS_DELETION = { share: 0.3, minRecords: 2, minText: 100 } as const;

function measure(removal: Removal, item: Y.Item, versions: unknown, amount: number): void {
  if (item.parent === versions) removal.versions += 1;
  const content = item.content;
  if (content instanceof Y.ContentType && content.type instanceof Y.Map && item.parent instanceof Y.Array) {
    if (content.type.get('deleted') !== true) removal.records += 1;
  }
  else if (content instanceof Y.ContentString) removal.text += amount;
}

/** What `ranges` would remove from `doc` that is live now. */
export function measureRemoval(doc: Y.Doc, ranges: Ranges): Removal {
  const removal: Removal = { records: 0, text: 0, versions: 0 };
  const versions = planRoots(doc).versions;
  visitLiveInRanges(doc, ranges, (item, amount) => measure(removal, item, versions, amount));
  return removal;
}

/** Everything live in `doc`, counted the same way. */
export function measureLive(doc: Y.Doc): Removal {
  const live: Removal = { records: 0, text: 0, versions: 0 };
  const versions = planRoots(doc).versions;
  for (const structs of doc.store.clients.values()) {
    for (const item of structs) if (item instanceof Y.Item && !item.deleted) measure(live, item, versions, item.length);
  }
  return live;
}

/** Whether removing `removal` from `doc` is a mass deletion (or touches a saved version). */
export function isMassDeletion(doc: Y.Doc, removal: Removal): boolean {
  if (removal.versions > 0) return true;
  if (removal.records < MASS_DELETION.minRecords && removal.text < MASS_DELETION.minText) return false;
  const live = measureLive(doc);
  return (
    (removal.records >= MASS_DELETION.minRecords && removal.records > live.records * MASS_DELETION.share) ||
    (removal.text >= MASS_DELETION.minText && removal.text > live.text * MASS_DELETION.share)
  );
}
