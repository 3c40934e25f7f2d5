/**
 * The plan's schema marker (meta.schemaVersion) decides whether a copy can open the plan, so a
 * remote update must never leave it unknown: 999, the string "1", a fraction or no marker at all
 * would make every copy open the plan as "newer" or as not yet arrived. Touching the marker is
 * rare (a plan's first sync, a migration), so only an update that touches it is checked in a
 * scratch copy built from the current state; every other update is read from its structs alone.
 */
import * as Y from 'yjs';
import { planRoots } from '../../plan/index.ts';
import { coversId, type Ranges } from './delete-set.ts';
import { isId } from './pending.ts';
import type { DecodedUpdate } from './well-formed.ts';

const MARKER = 'schemaVersion';

const key = (id: Y.ID) => `${id.client}:${id.clock}`;

/** Whether `decoded` writes or deletes the marker (or might: an entry chained to one). */
export function touchesSchemaMarker(doc: Y.Doc, decoded: DecodedUpdate, ranges: Ranges): boolean {
  const meta = planRoots(doc).meta;
  const isMarkerItem = (item: Y.Item) => item.parent === meta && item.parentSub === MARKER;
  // Every marker entry this copy holds, deleted ones included: a new entry chains to one of them.
  const markerIds = new Set<string>();
  for (const structs of doc.store.clients.values()) {
    for (const struct of structs) if (struct instanceof Y.Item && isMarkerItem(struct)) markerIds.add(key(struct.id));
  }
  for (const id of markerIds) {
    const [client, clock] = id.split(':').map(Number) as [number, number];
    if (coversId(ranges, { client, clock })) return true;
  }
  const items = decoded.structs.filter((s): s is Y.Item => s instanceof Y.Item);
  let grew = true;
  while (grew) {
    grew = false;
    for (const item of items) {
      if (markerIds.has(key(item.id))) continue;
      const parent = item.parent as unknown; // a root's name (string) or an ID, as decoded
      const named = item.parentSub === MARKER && (parent === 'meta' || isId(parent));
      const chained = [item.origin, item.rightOrigin].some((id) => id && markerIds.has(key(id)));
      if (named || chained) {
        markerIds.add(key(item.id));
        grew = true;
      }
    }
  }
  return items.some((item) => markerIds.has(key(item.id)));
}

/**
 * The marker `doc` would have after `update`, read in a scratch copy; `{ failed: true }` when the
 * update does not apply there (it would have thrown half way in the real document).
 */
export function markerAfter(doc: Y.Doc, update: Uint8Array): { value: unknown; failed: false } | { failed: true } {
  const scratch = new Y.Doc({ gc: false });
  try {
    Y.applyUpdate(scratch, Y.encodeStateAsUpdate(doc));
    Y.applyUpdate(scratch, update);
    return { value: planRoots(scratch).meta.get(MARKER), failed: false };
  } catch {
    return { failed: true };
  } finally {
    scratch.destroy();
  }
}
