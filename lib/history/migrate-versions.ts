/**
 * Converts versions saved as whole copies of the plan (before versions were snapshots) into what
 * each added to the one before, without loss.
 *
 * The plan's document has already garbage-collected content those versions show, so they cannot
 * become snapshots of it. Instead the first full copy stays whole, and each later one is replaced
 * by a Yjs update from the previous version's state vector (`base` names that version). A version
 * is converted only when rebuilding it from the chain gives exactly the same document, byte for
 * byte; one that does not (saved by two members at once, or damaged) stays a full copy and the
 * chain starts again from it.
 *
 * Every member converts on opening, after the plan has rendered; two members doing it at once
 * write the same bytes to the same records, so they converge. The full copies' bytes are freed
 * (keep-history.ts never keeps a version record's own content).
 */
import * as Y from 'yjs';
import { planRoots } from '../plan/roots.ts';
import { Version } from '../plan/records/versions.ts';
import { COMMAND_ORIGIN } from '../plan/origin.ts';

export interface VersionMigration {
  /** Full copies replaced by what they added. */
  converted: number;
  /** Full copies kept whole (the first, and any that did not rebuild exactly). */
  keptWhole: number;
}

/** Whether `doc` holds full-copy versions that could be converted (cheap: reads no version). */
export function hasFullCopyVersions(doc: Y.Doc): boolean {
  return fullCopies(doc).length > 1;
}

/** Converts `doc`'s full-copy versions (see the module comment); a no-op when there are none. */
export function migrateFullCopyVersions(doc: Y.Doc): VersionMigration {
  const copies = fullCopies(doc);
  const result: VersionMigration = { converted: 0, keptWhole: copies.length > 0 ? 1 : 0 };
  if (copies.length < 2) return result;
  const writes: { id: string; state: Uint8Array; base: string }[] = [];
  let previous = { id: copies[0]!.id, doc: decode(copies[0]!.state) };
  try {
    for (const copy of copies.slice(1)) {
      const current = decode(copy.state);
      const added = current ? addedSince(previous.doc, current) : undefined;
      if (added) {
        writes.push({ id: copy.id, state: added, base: previous.id });
        result.converted++;
      } else {
        result.keptWhole++;
      }
      previous.doc?.destroy();
      previous = { id: copy.id, doc: current };
    }
  } finally {
    previous.doc?.destroy();
  }
  if (writes.length === 0) return result;
  const list = planRoots(doc).versions;
  doc.transact(() => {
    for (const w of writes) Version.update(doc, list, w.id, { state: w.state, base: w.base });
  }, COMMAND_ORIGIN);
  return result;
}

function fullCopies(doc: Y.Doc) {
  return planRoots(doc)
    .versions.toArray()
    .map(Version.read)
    .filter((v) => v.id !== '' && v.state.length > 0 && v.base === '' && v.snapshot.length === 0);
}

function decode(state: Uint8Array): Y.Doc | undefined {
  const doc = new Y.Doc();
  try {
    Y.applyUpdateV2(doc, state);
    return doc;
  } catch {
    doc.destroy();
    return undefined;
  }
}

/** What `current` added to `previous`, when `previous` plus it rebuilds `current` exactly. */
function addedSince(previous: Y.Doc | undefined, current: Y.Doc): Uint8Array | undefined {
  if (!previous) return undefined;
  const added = Y.encodeStateAsUpdateV2(current, Y.encodeStateVector(previous));
  const rebuilt = new Y.Doc();
  try {
    rebuilt.transact(() => {
      Y.applyUpdateV2(rebuilt, Y.encodeStateAsUpdateV2(previous));
      Y.applyUpdateV2(rebuilt, added);
    });
    return sameBytes(Y.encodeStateAsUpdateV2(rebuilt), Y.encodeStateAsUpdateV2(current)) ? added : undefined;
  } catch {
    return undefined;
  } finally {
    rebuilt.destroy();
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
