/**
 * The attacks of issue 16, each on the real plan schema, through the entry point every transport
 * uses (createUpdateGuard(doc).applyRemoteUpdate). A hostile copy is a Y.Doc that synced with the
 * plan and then did what a broken or stolen copy can do.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createUpdateGuard } from '../../../../lib/sync/guard/update-guard.ts';
import { encodeRangesV1 } from '../../../../lib/sync/guard/delete-set.ts';
import { dropPending } from '../../../../lib/sync/guard/pending.ts';
import { memoryGuardStore } from '../../../../lib/sync/guard/quarantine.ts';
import { migratePlan, planRoots, readChildren, readMeta } from '../../../../lib/plan/index.ts';
import { loadVersion, readVersions, removeVersion, saveVersion } from '../../../../lib/history/versions.ts';
import { changeBy, pair } from './copies.ts';
import { inspectPlanState } from '../../../../lib/export/inspect-plan-state.ts';

const bytesOf = (doc: Y.Doc) => Y.encodeStateAsUpdate(doc);
const same = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((x, i) => x === b[i]);

describe('schema brick', () => {
  for (const [name, brick] of [
    ['999', (meta: Y.Map<unknown>) => meta.set('schemaVersion', 999)],
    ['the string "1"', (meta: Y.Map<unknown>) => meta.set('schemaVersion', '1')],
    ['1.5', (meta: Y.Map<unknown>) => meta.set('schemaVersion', 1.5)],
    ['a deleted marker', (meta: Y.Map<unknown>) => meta.delete('schemaVersion')],
  ] as const) {
    it(`refuses an update that sets the marker to ${name}; the plan stays openable`, () => {
      const { ours, theirs } = pair();
      const guard = createUpdateGuard(ours);
      const before = bytesOf(ours);
      const update = changeBy(theirs, () => brick(planRoots(theirs).meta));
      expect(guard.applyRemoteUpdate(update, 'peer')).toEqual({ kind: 'refused', reason: 'schema-marker' });
      expect(same(bytesOf(ours), before)).toBe(true);
      expect(migratePlan(ours)).toBe('current');
      expect(guard.refused['schema-marker']).toBe(1);
    });
  }

  it('keeps the marker known when a copy that never saw it writes a concurrent one (checked in a scratch copy)', () => {
    for (let i = 0; i < 20; i++) {
      const { ours } = pair();
      const guard = createUpdateGuard(ours);
      const stranger = new Y.Doc();
      stranger.getMap('meta').set('schemaVersion', 999);
      const verdict = guard.applyRemoteUpdate(Y.encodeStateAsUpdate(stranger), 'peer');
      expect(['applied', 'refused']).toContain(verdict.kind);
      expect(readMeta(ours).schemaVersion).toBe(1);
    }
  });

  it('still applies the honest edits of the same colleague', () => {
    const { ours, theirs } = pair();
    const guard = createUpdateGuard(ours);
    const update = changeBy(theirs, () => planRoots(theirs).meta.set('familyName', 'Testington-Smith'));
    expect(guard.applyRemoteUpdate(update, 'peer').kind).toBe('applied');
    expect(readMeta(ours).familyName).toBe('Testington-Smith');
  });

  it('lets a joining member receive the plan (marker from nothing to 1)', () => {
    const { ours } = pair();
    const joining = new Y.Doc();
    expect(createUpdateGuard(joining).applyRemoteUpdate(bytesOf(ours), 'peer').kind).toBe('applied');
    expect(readMeta(joining).schemaVersion).toBe(1);
  });

  it('opens a copy already bricked before the guard as damaged, content intact', () => {
    const { ours } = pair();
    planRoots(ours).meta.set('schemaVersion', '1');
    expect(migratePlan(ours)).toBe('damaged');
    expect(readChildren(ours).map((c) => c.name)).toEqual(['Ava', 'Leo']);
  });
});

describe('pending poison', () => {
  /** An update from a colleague that refers to an earlier change of theirs we never got. */
  function poison(theirs: Y.Doc) {
    const missing = changeBy(theirs, () => planRoots(theirs).meta.set('address', '2 Fictional Road'));
    const poisoned = changeBy(theirs, () => planRoots(theirs).meta.set('address', '3 Fictional Road'));
    return { missing, poisoned };
  }

  it('holds back an update with missing dependencies: never in the document, its encoding or a backup', () => {
    const { ours, theirs } = pair();
    const guard = createUpdateGuard(ours);
    const before = bytesOf(ours);
    const { poisoned } = poison(theirs);
    expect(poisoned.length).toBeLessThan(64); // a few dozen bytes
    expect(guard.applyRemoteUpdate(poisoned, 'peer')).toEqual({ kind: 'held' });
    expect(ours.store.pendingStructs).toBeNull();
    expect(same(bytesOf(ours), before)).toBe(true);
    expect(inspectPlanState(bytesOf(ours)).ok).toBe(true);
  });

  it('applies what was held once the missing change arrives', () => {
    const { ours, theirs } = pair();
    const guard = createUpdateGuard(ours);
    const { missing, poisoned } = poison(theirs);
    guard.applyRemoteUpdate(poisoned, 'peer');
    expect(guard.applyRemoteUpdate(missing, 'peer').kind).toBe('applied');
    expect(readMeta(ours).address).toBe('3 Fictional Road');
  });

  it('forgets a held update after the time allowed (clock passed in)', () => {
    const { ours, theirs } = pair();
    let now = 0;
    const guard = createUpdateGuard(ours, { now: () => now });
    const { missing, poisoned } = poison(theirs);
    guard.applyRemoteUpdate(poisoned, 'peer');
    now = 61_000;
    guard.applyRemoteUpdate(missing, 'peer');
    expect(readMeta(ours).address).toBe('2 Fictional Road');
  });

  it('cleans a copy poisoned before the guard, so its encoding is complete again', () => {
    const { ours, theirs } = pair();
    Y.applyUpdate(ours, poison(theirs).poisoned);
    expect(ours.store.pendingStructs).not.toBeNull();
    expect(inspectPlanState(bytesOf(ours)).ok).toBe(false);
    expect(dropPending(ours)).toBe(true);
    expect(inspectPlanState(bytesOf(ours)).ok).toBe(true);
  });
});

describe('client id forgery', () => {
  it('refuses writes under our own client id that we never made', () => {
    const { ours, theirs } = pair();
    const guard = createUpdateGuard(ours);
    theirs.clientID = ours.clientID;
    const forged = changeBy(theirs, () => planRoots(theirs).meta.set('familyName', 'Forged'));
    const ownId = ours.clientID;
    expect(guard.applyRemoteUpdate(forged, 'peer')).toEqual({ kind: 'refused', reason: 'forged-client' });
    expect(readMeta(ours).familyName).toBe('Testington');
    // Our next edits go out under a fresh id, so they cannot collide with the forger's.
    expect(ours.clientID).not.toBe(ownId);
  });

  it("refuses a colleague's real change when a forger already wrote different content under its id; no split spreads", () => {
    const { ours: alice } = pair();
    const carol = new Y.Doc();
    const mallory = new Y.Doc();
    Y.applyUpdate(carol, bytesOf(alice));
    Y.applyUpdate(mallory, bytesOf(alice));
    mallory.clientID = alice.clientID;
    const forged = changeBy(mallory, () => planRoots(mallory).meta.set('familyName', 'Forged'));
    const real = changeBy(alice, () => planRoots(alice).meta.set('familyName', 'Real'));
    // Alice's own copy refuses the forgery; Carol, who met the forger first, refuses the real one.
    expect(createUpdateGuard(alice).applyRemoteUpdate(forged, 'mallory').kind).toBe('refused');
    const carolGuard = createUpdateGuard(carol);
    expect(carolGuard.applyRemoteUpdate(forged, 'mallory').kind).toBe('applied');
    expect(carolGuard.applyRemoteUpdate(real, 'alice')).toEqual({ kind: 'refused', reason: 'forged-client' });
  });

  it('accepts the same change twice (a resent update is not a forgery)', () => {
    const { ours, theirs } = pair();
    const guard = createUpdateGuard(ours);
    const update = changeBy(theirs, () => planRoots(theirs).meta.set('familyName', 'Again'));
    expect(guard.applyRemoteUpdate(update, 'peer').kind).toBe('applied');
    expect(guard.applyRemoteUpdate(update, 'peer').kind).toBe('applied');
  });
});

describe('mass wipe', () => {
  /** A delete-only update of every clock of the plan's creator but the first (the marker): ~10 bytes. */
  function wipe(doc: Y.Doc): Uint8Array {
    const client = [...doc.store.clients.keys()][0]!;
    const ds = encodeRangesV1(new Map([[client, [{ clock: 1, len: Y.getState(doc.store, client) - 1 }]]]));
    return Uint8Array.from([0, ...ds]);
  }

  it('quarantines a tiny update that deletes every record and all the text; our copy is intact', async () => {
    const { ours } = pair();
    const store = memoryGuardStore();
    const guard = createUpdateGuard(ours, { store, now: () => 1000 });
    const before = bytesOf(ours);
    const update = wipe(ours);
    expect(update.length).toBeLessThanOrEqual(12);
    const verdict = guard.applyRemoteUpdate(update, 'peer');
    expect(verdict.kind).toBe('quarantined');
    expect(same(bytesOf(ours), before)).toBe(true);
    expect(guard.quarantined).toHaveLength(1);
    expect(guard.quarantined[0]!.removal.records).toBeGreaterThan(5);
    // The bytes are kept, so the decision can be made later (after a reload).
    const reopened = createUpdateGuard(ours, { store });
    await reopened.loaded;
    expect(reopened.quarantined.map((q) => q.id)).toEqual(guard.quarantined.map((q) => q.id));
  });

  it('Keep our copy: the same deletions sent again are left out, the rest of the colleague\u2019s changes arrive', async () => {
    const { ours, theirs } = pair();
    const guard = createUpdateGuard(ours);
    const update = wipe(ours);
    guard.applyRemoteUpdate(update, 'peer');
    await guard.keep(guard.quarantined[0]!.id);
    expect(guard.quarantined).toHaveLength(0);
    // The wiping copy keeps sending its delete set with every sync reply, now with an honest edit.
    Y.applyUpdate(theirs, update);
    const next = changeBy(theirs, () => planRoots(theirs).meta.set('address', '9 Fictional Road'));
    const reply = Y.mergeUpdates([update, next]);
    expect(guard.applyRemoteUpdate(reply, 'peer').kind).toBe('applied');
    expect(guard.quarantined).toHaveLength(0);
    expect(readChildren(ours)).toHaveLength(2);
    expect(readMeta(ours).address).toBe('9 Fictional Road');
  });

  it('Accept: the deletions are applied after all', async () => {
    const { ours } = pair();
    const guard = createUpdateGuard(ours);
    guard.applyRemoteUpdate(wipe(ours), 'peer');
    expect((await guard.accept(guard.quarantined[0]!.id))?.kind).toBe('applied');
    expect(readChildren(ours)).toHaveLength(0);
  });

  it('Accept after the colleague\u2019s copy sent its deletions again while waiting: they are applied', async () => {
    // Peers resend their whole delete set every anti-entropy round; those arrivals (rightly) leave
    // the waiting deletions out, and Accept must then apply them all the same.
    const { ours } = pair();
    const guard = createUpdateGuard(ours);
    const update = wipe(ours);
    guard.applyRemoteUpdate(update, 'peer');
    expect(guard.applyRemoteUpdate(update, 'peer').kind).toBe('applied');
    expect(readChildren(ours)).toHaveLength(2);
    expect((await guard.accept(guard.quarantined[0]!.id))?.kind).toBe('applied');
    expect(readChildren(ours)).toHaveLength(0);
  });

  it('quarantines the deletion of any saved version', () => {
    const { ours, theirs } = pair();
    saveVersion(theirs, { name: 'As agreed', by: 'Sam Sample', at: '2026-05-02T10:00:00Z' });
    const guard = createUpdateGuard(ours);
    expect(guard.applyRemoteUpdate(bytesOf(theirs), 'peer').kind).toBe('applied');
    const update = changeBy(theirs, () => planRoots(theirs).versions.delete(0, 1));
    expect(guard.applyRemoteUpdate(update, 'peer').kind).toBe('quarantined');
    expect(planRoots(ours).versions.length).toBe(1);
  });

  it('asks before a colleague removes a saved version, even by a recorded decision; keeping it restores the version whole', async () => {
    const { ours, theirs } = pair();
    const id = saveVersion(theirs, { name: 'As agreed', by: 'Sam Sample', at: '2026-05-02T10:00:00Z' });
    const guard = createUpdateGuard(ours);
    expect(guard.applyRemoteUpdate(bytesOf(theirs), 'peer').kind).toBe('applied');
    const update = changeBy(theirs, () => removeVersion(theirs, id, { by: 'Pat Other', at: '2026-05-03', why: 'Saved by mistake' }));
    expect(guard.applyRemoteUpdate(update, 'peer').kind).toBe('quarantined');
    expect(readVersions(ours).map((v) => v.name)).toEqual(['As agreed']);
    await guard.keep(guard.quarantined[0]!.id);
    expect(readVersions(ours).map((v) => v.name)).toEqual(['As agreed']);
    expect(planRoots(loadVersion(ours, id)!).meta.get('familyName')).toBe(planRoots(ours).meta.get('familyName'));
  });

  it('applies an ordinary deletion (one child of two is not "most of the plan" under the floor)', () => {
    const { ours, theirs } = pair();
    const guard = createUpdateGuard(ours);
    const update = changeBy(theirs, () => planRoots(theirs).meta.set('address', ''));
    expect(guard.applyRemoteUpdate(update, 'peer').kind).toBe('applied');
  });
});
