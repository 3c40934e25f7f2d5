/**
 * Mass removal by tombstone: the app's Remove buttons set `deleted: true` on a record instead of
 * deleting it, so one update hiding every record has no delete set. The guard quarantines it like
 * a mass deletion; "Keep our copy" keeps every record visible on every copy.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createUpdateGuard } from '../../../../lib/sync/guard/update-guard.ts';
import { memoryGuardStore } from '../../../../lib/sync/guard/quarantine.ts';
import { describeQuarantined } from '../../../../lib/sync/guard/quarantine-wording.ts';
import { ChronologyEntry, planRoots, readChildren, removeChild } from '../../../../lib/plan/index.ts';
import { changeBy, pair } from './copies.ts';

/** Every record Y.Map in the plan's record lists (root lists and the lists records hold). */
function recordMaps(doc: Y.Doc): Y.Map<unknown>[] {
  const out: Y.Map<unknown>[] = [];
  const walk = (list: Y.Array<unknown>) => {
    for (const value of list) {
      if (!(value instanceof Y.Map)) continue;
      out.push(value);
      for (const nested of value.values()) if (nested instanceof Y.Array) walk(nested);
    }
  };
  const { versions, ...roots } = planRoots(doc);
  for (const root of Object.values(roots) as unknown[]) if (root instanceof Y.Array && root !== versions) walk(root as Y.Array<unknown>);
  return out;
}
const visible = (doc: Y.Doc) => recordMaps(doc).filter((record) => record.get('deleted') !== true).length;

/** One update from `theirs` marking every record removed, as a broken copy (or a member removing everything) would. */
const removeAll = (theirs: Y.Doc) => changeBy(theirs, () => theirs.transact(() => recordMaps(theirs).forEach((r) => r.set('deleted', true))));

const syncBoth = (a: Y.Doc, b: Y.Doc) => {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
};

describe('mass removal by tombstone', () => {
  it('quarantines one update that marks every record removed; nothing of it is applied', async () => {
    const { ours, theirs } = pair();
    const store = memoryGuardStore();
    const guard = createUpdateGuard(ours, { store, now: () => 1000 });
    const total = visible(ours);
    expect(total).toBeGreaterThan(10);
    const before = Y.encodeStateAsUpdate(ours);
    const update = removeAll(theirs);
    expect(guard.applyRemoteUpdate(update, 'peer').kind).toBe('quarantined');
    expect(Y.encodeStateAsUpdate(ours)).toEqual(before);
    expect(visible(ours)).toBe(total);
    expect(guard.quarantined[0]!.removal.records).toBe(total);
    expect(describeQuarantined(guard.quarantined[0]!).detail).toContain(`would remove ${total} records`);
    // Sent again with the next sync round: still one question.
    expect(guard.applyRemoteUpdate(Y.encodeStateAsUpdate(theirs), 'peer').kind).toBe('quarantined');
    expect(guard.quarantined).toHaveLength(1);
    expect(visible(ours)).toBe(total);
    const reopened = createUpdateGuard(ours, { store });
    await reopened.loaded;
    expect(reopened.quarantined).toHaveLength(1);
  });

  it('Keep our copy: every record stays visible here and, after syncing, in the other copy too; not asked again', async () => {
    const { ours, theirs } = pair();
    const guard = createUpdateGuard(ours);
    const total = visible(ours);
    guard.applyRemoteUpdate(removeAll(theirs), 'peer');
    await guard.keep(guard.quarantined[0]!.id);
    expect(guard.quarantined).toHaveLength(0);
    expect(visible(ours)).toBe(total);
    // Their copy sends everything again (a sync reply) and receives our restore.
    expect(guard.applyRemoteUpdate(Y.encodeStateAsUpdate(theirs), 'peer').kind).toBe('applied');
    expect(guard.quarantined).toHaveLength(0);
    Y.applyUpdate(theirs, Y.encodeStateAsUpdate(ours, Y.encodeStateVector(theirs)));
    expect(visible(theirs)).toBe(total);
    expect(visible(ours)).toBe(total);
    expect(Y.encodeStateVector(theirs)).toEqual(Y.encodeStateVector(ours));
    expect(readChildren(ours)).toHaveLength(2);
  });

  it('Accept: the records are removed after all', async () => {
    const { ours, theirs } = pair();
    const guard = createUpdateGuard(ours);
    guard.applyRemoteUpdate(removeAll(theirs), 'peer');
    expect((await guard.accept(guard.quarantined[0]!.id))?.kind).toBe('applied');
    expect(visible(ours)).toBe(0);
    expect(readChildren(ours)).toHaveLength(0);
    syncBoth(ours, theirs);
    expect(visible(theirs)).toBe(0);
  });

  it('counts a record removed before, restored and removed again (its entry found through the one it overwrites)', () => {
    const { ours, theirs } = pair();
    const guard = createUpdateGuard(ours);
    const child = readChildren(theirs)[0]!.id;
    const first = changeBy(theirs, () => removeChild(theirs, { id: child }));
    expect(guard.applyRemoteUpdate(first, 'peer').kind).toBe('applied');
    const restore = changeBy(theirs, () => theirs.transact(() => recordMaps(theirs).forEach((r) => r.delete('deleted'))));
    expect(guard.applyRemoteUpdate(restore, 'peer').kind).toBe('applied');
    const total = visible(ours);
    guard.applyRemoteUpdate(removeAll(theirs), 'peer');
    expect(guard.quarantined[0]!.removal.records).toBe(total);
  });

  it('applies a member removing one record of ten', () => {
    const ours = new Y.Doc();
    const list = planRoots(ours).chronology;
    const ids = Array.from({ length: 10 }, (_, i) => ChronologyEntry.add(ours, list, { event: `Visit ${i + 1}` }));
    const theirs = new Y.Doc();
    Y.applyUpdate(theirs, Y.encodeStateAsUpdate(ours));
    const guard = createUpdateGuard(ours);
    const update = changeBy(theirs, () => ChronologyEntry.remove(theirs, planRoots(theirs).chronology, ids[3]!));
    expect(guard.applyRemoteUpdate(update, 'peer').kind).toBe('applied');
    expect(ChronologyEntry.readAll(list)).toHaveLength(9);
    // Four of the nine left is more than the share: quarantined.
    const four = changeBy(theirs, () => ids.slice(4, 8).forEach((id) => ChronologyEntry.remove(theirs, planRoots(theirs).chronology, id)));
    expect(guard.applyRemoteUpdate(four, 'peer').kind).toBe('quarantined');
    expect(ChronologyEntry.readAll(list)).toHaveLength(9);
  });
});
