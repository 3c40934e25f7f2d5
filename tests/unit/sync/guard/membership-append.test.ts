import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createUpdateGuard } from '../../../../lib/sync/guard/update-guard.ts';
import { tampersWithMembership } from '../../../../lib/sync/guard/membership-append.ts';
import { decodeUpdateSafely } from '../../../../lib/sync/guard/well-formed.ts';
import { rangesOf } from '../../../../lib/sync/guard/delete-set.ts';
import { describeRefusal } from '../../../../lib/sync/guard/quarantine-wording.ts';
import { appendMembershipEntries, planRoots } from '../../../../lib/plan/index.ts';
import { changeBy, pair } from './copies.ts';

const entry = (n: number) => Uint8Array.of(1, n, n, n);
const log = (doc: Y.Doc) => planRoots(doc).membership;

/** Our copy and theirs, both holding a log of three entries. */
function withLog() {
  const { ours, theirs } = pair();
  appendMembershipEntries(ours, [entry(1), entry(2)]);
  appendMembershipEntries(ours, [entry(3)]);
  Y.applyUpdate(theirs, Y.encodeStateAsUpdate(ours, Y.encodeStateVector(theirs)));
  return { ours, theirs };
}

function verdict(ours: Y.Doc, update: Uint8Array) {
  const guard = createUpdateGuard(ours);
  const result = guard.applyRemoteUpdate(update, 'test');
  return { result, refused: guard.refused.membership };
}

describe('the membership log is append-only', () => {
  it('applies an entry appended after the last one', () => {
    const { ours, theirs } = withLog();
    const update = changeBy(theirs, () => appendMembershipEntries(theirs, [entry(4)]));
    expect(verdict(ours, update).result).toEqual({ kind: 'applied' });
    expect(log(ours).toArray()).toEqual([entry(1), entry(2), entry(3), entry(4)]);
  });

  it('applies two colleagues’ concurrent appends in either order', () => {
    const { ours, theirs } = withLog();
    const third = new Y.Doc();
    Y.applyUpdate(third, Y.encodeStateAsUpdate(ours));
    const a = changeBy(theirs, () => appendMembershipEntries(theirs, [entry(4)]));
    const b = changeBy(third, () => appendMembershipEntries(third, [entry(5)]));
    const guard = createUpdateGuard(ours);
    expect(guard.applyRemoteUpdate(a, 'a')).toEqual({ kind: 'applied' });
    expect(guard.applyRemoteUpdate(b, 'b')).toEqual({ kind: 'applied' });
    expect(log(ours).length).toBe(5);
  });

  it('applies the first entries into an empty log (a genesis arriving), and a whole plan’s catch-up', () => {
    const { ours, theirs } = pair();
    const update = changeBy(theirs, () => appendMembershipEntries(theirs, [entry(1)]));
    expect(verdict(ours, update).result).toEqual({ kind: 'applied' });
    const fresh = new Y.Doc();
    expect(verdict(fresh, Y.encodeStateAsUpdate(ours)).result).toEqual({ kind: 'applied' });
    expect(log(fresh).toArray()).toEqual([entry(1)]);
  });

  it('refuses an update that deletes an entry, whatever else it carries', () => {
    const { ours, theirs } = withLog();
    const update = changeBy(theirs, () => {
      theirs.transact(() => {
        planRoots(theirs).meta.set('address', '1 New Street');
        log(theirs).delete(1, 1);
      });
    });
    expect(verdict(ours, update)).toEqual({ result: { kind: 'refused', reason: 'membership' }, refused: 1 });
    expect(log(ours).length).toBe(3);
    expect(planRoots(ours).meta.get('address')).not.toBe('1 New Street');
  });

  it('refuses an entry put in front of the log', () => {
    const { ours, theirs } = withLog();
    const update = changeBy(theirs, () => log(theirs).insert(0, [entry(9)]));
    expect(verdict(ours, update).result).toEqual({ kind: 'refused', reason: 'membership' });
    expect(log(ours).toArray()[0]).toEqual(entry(1));
  });

  it('refuses a crafted update with left origin null into a log that is not empty (a genesis of one’s own)', () => {
    const { ours } = withLog();
    const stranger = new Y.Doc();
    const update = changeBy(stranger, () => appendMembershipEntries(stranger, [entry(7)]));
    const decoded = decodeUpdateSafely(update)!;
    const item = decoded.structs[0] as Y.Item;
    expect(item.origin).toBeNull();
    expect(item.rightOrigin).toBeNull();
    expect(verdict(ours, update).result).toEqual({ kind: 'refused', reason: 'membership' });
    expect(log(ours).length).toBe(3);
    // The same bytes are welcome in a copy whose log is still empty.
    expect(tampersWithMembership(new Y.Doc(), decoded, rangesOf(decoded.ds))).toBe(false);
  });

  it('refuses an entry inserted and deleted in the same update, and a later entry of a run in front', () => {
    const { ours, theirs } = withLog();
    const update = changeBy(theirs, () => {
      theirs.transact(() => {
        log(theirs).push([entry(4), entry(5)]);
        log(theirs).delete(4, 1);
      });
    });
    expect(verdict(ours, update).result).toEqual({ kind: 'refused', reason: 'membership' });
    const again = withLog();
    const front = changeBy(again.theirs, () => log(again.theirs).insert(0, [entry(8), entry(9)]));
    expect(verdict(again.ours, front).result).toEqual({ kind: 'refused', reason: 'membership' });
  });

  it('leaves other roots alone: deleting text or records is the other checks’ business', () => {
    const { ours, theirs } = withLog();
    const update = changeBy(theirs, () => planRoots(theirs).meta.set('familyName', 'Renamed'));
    expect(verdict(ours, update).result).toEqual({ kind: 'applied' });
  });

  it('words the refusal for a person', () => {
    expect(describeRefusal('membership')).toContain('who its members are');
    expect(describeRefusal('membership')).toContain('your copy is unchanged');
  });
});
