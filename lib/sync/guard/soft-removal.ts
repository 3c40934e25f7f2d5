/**
 * Removals the app makes with a tombstone: a Remove button sets `deleted: true` on the record's
 * Y.Map (record-spec.ts) instead of deleting it, so an update that hides every record has no
 * delete set at all, only new map entries. Read here from the update's structs, without applying
 * it: the records it newly marks removed that are live (not removed) in this copy now.
 */
import * as Y from 'yjs';
import { coversId, type Ranges } from './delete-set.ts';
import { isId } from './pending.ts';
import type { DecodedUpdate } from './well-formed.ts';

const KEY = 'deleted';

/** A record in `doc`: a live Y.Map held in a Y.Array. */
function recordOf(item: Y.Item | null): Y.Map<unknown> | null {
  if (!item || item.deleted || !(item.parent instanceof Y.Array)) return null;
  const content = item.content;
  return content instanceof Y.ContentType && content.type instanceof Y.Map ? (content.type as Y.Map<unknown>) : null;
}

const storedItem = (doc: Y.Doc, id: Y.ID): Y.Item | null => {
  if (id.clock >= Y.getState(doc.store, id.client)) return null;
  const found = Y.getItem(doc.store, id);
  return found instanceof Y.Item ? found : null;
};

/** Whether `item` writes the value `true`. */
const setsTrue = (item: Y.Item) => item.content instanceof Y.ContentAny && item.content.getContent().at(-1) === true;

/**
 * The records `decoded` would newly mark removed, with the ids of the entries that do it. Items
 * this copy already has are skipped (Yjs skips them too), so an update decided once is not counted
 * again when a colleague's copy sends it with every sync.
 */
export function softRemovals(doc: Y.Doc, decoded: DecodedUpdate, ranges: Ranges): { records: Y.Map<unknown>[]; entries: Y.ID[] } {
  /** The update's own items by id, built only when an entry's parent has to be found through them. */
  let own: Map<number, Map<number, Y.Item>> | null = null;
  const inUpdate = (id: Y.ID): Y.Item | undefined => {
    if (!own) {
      own = new Map();
      for (const struct of decoded.structs) {
        if (!(struct instanceof Y.Item)) continue;
        let clocks = own.get(struct.id.client);
        if (!clocks) own.set(struct.id.client, (clocks = new Map()));
        clocks.set(struct.id.clock, struct);
      }
    }
    return own.get(id.client)?.get(id.clock);
  };
  /** The record whose `deleted` key `item` writes (found through the entry it overwrites when its parent is not written). */
  const targetOf = (item: Y.Item, depth: number): Y.Map<unknown> | null => {
    const parent = item.parent as unknown; // an ID, a root's name or null, as decoded
    if (item.parentSub === KEY && isId(parent)) return recordOf(storedItem(doc, parent));
    if (item.parentSub !== null || parent !== null || depth > 8) return null;
    for (const id of [item.origin, item.rightOrigin]) {
      if (!id) continue;
      const earlier = inUpdate(id);
      if (earlier) return targetOf(earlier, depth + 1);
      const stored = storedItem(doc, id);
      if (stored) return stored.parentSub === KEY && stored.parent instanceof Y.Map ? recordOf(stored.parent._item) : null;
    }
    return null;
  };
  const records = new Set<Y.Map<unknown>>();
  const entries: Y.ID[] = [];
  for (const struct of decoded.structs) {
    if (!(struct instanceof Y.Item) || !setsTrue(struct) || coversId(ranges, struct.id)) continue;
    if (struct.id.clock < Y.getState(doc.store, struct.id.client)) continue;
    const record = targetOf(struct, 0);
    if (!record || record.get(KEY) === true || (record._item && coversId(ranges, record._item.id))) continue;
    records.add(record);
    entries.push(struct.id);
  }
  return { records: [...records], entries };
}
