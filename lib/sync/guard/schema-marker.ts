/**
 * The plan's schema marker (meta.schemaVersion) decides whether a copy can open the plan, so a
 * remote update must never leave it unknown: 999, the string "1", a fraction or no marker at all
 * would make every copy open the plan as "newer" or as not yet arrived. Touching the marker is
 * rare (a plan's first sync, a migration). An update that does not touch it costs a look at the
 * marker's own entries; one that does is read from its structs when the outcome is plain (one live
 * entry left), and checked in a scratch copy built from the current state only when it is not
 * (concurrent entries, where Yjs's ordering decides).
 */
import * as Y from 'yjs';
import { isKnownSchemaVersion, planRoots } from '../../plan/index.ts';
import { coversId, type Ranges } from './delete-set.ts';
import { isId } from './pending.ts';
import type { DecodedUpdate } from './well-formed.ts';

const MARKER = 'schemaVersion';

/** A set of struct ids without building a string per id (a catch-up has tens of thousands). */
class IdSet {
  readonly #clocks = new Map<number, Set<number>>();
  add(id: Y.ID): void {
    let clocks = this.#clocks.get(id.client);
    if (!clocks) this.#clocks.set(id.client, (clocks = new Set()));
    clocks.add(id.clock);
  }
  has(id: Y.ID | null): boolean {
    return id !== null && (this.#clocks.get(id.client)?.has(id.clock) ?? false);
  }
}

export type MarkerOutcome = 'untouched' | 'known' | 'unknown' | 'needs-scratch';

/** The marker's entries in `doc`: the current one and those it overwrote (its left chain). */
function storedEntries(doc: Y.Doc): Y.Item[] {
  const meta = planRoots(doc).meta as unknown as { _map: Map<string, Y.Item> };
  const entries: Y.Item[] = [];
  for (let item: Y.Item | null = meta._map.get(MARKER) ?? null; item; item = item.left) entries.push(item);
  return entries;
}

/** What `decoded` does to the marker, read without applying it where that is certain. */
export function markerOutcome(doc: Y.Doc, decoded: DecodedUpdate, ranges: Ranges): MarkerOutcome {
  const stored = storedEntries(doc);
  const markerIds = new IdSet();
  for (const item of stored) markerIds.add(item.id);
  const deletedStored = stored.filter((item) => !item.deleted && coversId(ranges, item.id));
  const added: Y.Item[] = [];
  let grew = true;
  while (grew) {
    grew = false;
    for (const item of decoded.structs) {
      if (!(item instanceof Y.Item) || markerIds.has(item.id)) continue;
      const parent = item.parent as unknown; // a root's name (string) or an ID, as decoded
      const named = item.parentSub === MARKER && (parent === 'meta' || isId(parent));
      if (named || markerIds.has(item.origin) || markerIds.has(item.rightOrigin)) {
        markerIds.add(item.id);
        added.push(item);
        grew = true;
      }
    }
  }
  if (added.length === 0 && deletedStored.length === 0) return 'untouched';
  const live = [
    ...stored.filter((item) => !item.deleted && !coversId(ranges, item.id)),
    ...added.filter((item) => !coversId(ranges, item.id)),
  ];
  if (live.length === 0) return 'unknown'; // the marker deleted
  if (live.length > 1) return 'needs-scratch';
  const content = live[0]!.content;
  if (!(content instanceof Y.ContentAny)) return 'unknown';
  const values = content.getContent();
  return isKnownSchemaVersion(values[values.length - 1]) ? 'known' : 'unknown';
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
