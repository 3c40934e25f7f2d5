/**
 * Removing a saved version is a decision a member signs; every copy checks it against the plan's
 * membership log, names who really decided, and flags what nobody (or no member) signed.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readVersions, removalDecision, removedVersions, removeVersion, restoreVersion, saveVersion } from '../../../lib/history/versions.ts';
import { checkRemoval, signRemoval, type RemovalDecision } from '../../../lib/history/version-removal.ts';
import { readMembership } from '../../../lib/membership/membership-log.ts';
import { removeMember } from '../../../lib/membership/membership-actions.ts';
import type { DeviceIdentity } from '../../../lib/membership/device-identity.ts';
import { planRoots } from '../../../lib/plan/index.ts';
import { establishedPlan, exchange, join, newDevice, NOW, replicaOf } from '../membership/helpers.ts';

const decision: RemovalDecision = { by: 'Jo Chair', at: '2026-12-03', why: 'Saved before the family had seen it' };

async function removeSigned(doc: Y.Doc, identity: DeviceIdentity, id: string, d: RemovalDecision = decision) {
  const signed = await signRemoval(await readMembership(doc), identity, id, removalDecision(d));
  removeVersion(doc, id, d, signed);
}

const checkOf = async (doc: Y.Doc, id: string) => checkRemoval(await readMembership(doc), removedVersions(doc).find((v) => v.id === id)!.removal);

describe('a signed decision to remove a version', () => {
  it('names the member whose device signed it, on every copy', async () => {
    const { doc, chair } = await establishedPlan();
    const id = saveVersion(doc, { name: 'Core group 1', by: 'Jo Chair', at: '2026-12-01' });
    const other = replicaOf(doc);
    await removeSigned(doc, chair, id);
    exchange(doc, other);
    for (const copy of [doc, other]) {
      expect(readVersions(copy)).toEqual([]);
      expect(await checkOf(copy, id)).toEqual({ kind: 'signed', name: 'Jo Chair', agency: 'Children’s Services', former: false });
    }
  });

  it('names the signer, not the name the record declares', async () => {
    const { doc, chair } = await establishedPlan();
    const { device: teacher } = await join(doc, chair, 'Tam Teacher');
    const id = saveVersion(doc, { name: 'Core group 1', by: 'Jo Chair', at: '2026-12-01' });
    await removeSigned(doc, teacher, id, { ...decision, by: 'Jo Chair' });
    expect(await checkOf(doc, id)).toMatchObject({ kind: 'signed', name: 'Tam Teacher' });
  });

  it('stays signed after its member leaves, marked as a former member', async () => {
    const { doc, chair } = await establishedPlan();
    const { device: teacher, memberId } = await join(doc, chair, 'Tam Teacher');
    const id = saveVersion(doc, { name: 'Core group 1', by: 'Jo Chair', at: '2026-12-01' });
    await removeSigned(doc, teacher, id);
    await removeMember(doc, chair, { memberId }, NOW);
    expect(await checkOf(doc, id)).toMatchObject({ kind: 'signed', name: 'Tam Teacher', former: true });
    // Once removed, that device may not decide for the plan.
    const next = saveVersion(doc, { name: 'Core group 2', by: 'Jo Chair', at: '2026-12-02' });
    await expect(signRemoval(await readMembership(doc), teacher, next, decision)).rejects.toThrow(RangeError);
  });

  it('refuses to sign for a device that is not a member', async () => {
    const { doc } = await establishedPlan();
    const id = saveVersion(doc, { name: 'Core group 1', by: 'Jo Chair', at: '2026-12-01' });
    await expect(signRemoval(await readMembership(doc), await newDevice(), id, decision)).rejects.toThrow(RangeError);
  });
});

describe('a removal that is not a member’s signed decision', () => {
  it('without a signature, in a plan with membership: unsigned, and any member can put the version back', async () => {
    const { doc } = await establishedPlan();
    const id = saveVersion(doc, { name: 'Core group 1', by: 'Jo Chair', at: '2026-12-01' });
    removeVersion(doc, id, decision);
    expect(await checkOf(doc, id)).toEqual({ kind: 'unsigned' });
    expect(restoreVersion(doc, id)).toBe(true);
    expect(readVersions(doc).map((v) => v.id)).toEqual([id]);
    expect(removedVersions(doc)).toEqual([]);
    expect(restoreVersion(doc, id)).toBe(false);
  });

  it('with the reason changed after signing: forged', async () => {
    const { doc, chair } = await establishedPlan();
    const id = saveVersion(doc, { name: 'Core group 1', by: 'Jo Chair', at: '2026-12-01' });
    await removeSigned(doc, chair, id);
    const record = planRoots(doc).versions.toArray().find((r) => r.get('id') === id)!;
    record.set('removedWhy', 'Agreed by the whole core group');
    expect(await checkOf(doc, id)).toEqual({ kind: 'forged' });
  });

  it('with a signature moved from another version: forged', async () => {
    const { doc, chair } = await establishedPlan();
    const first = saveVersion(doc, { name: 'Core group 1', by: 'Jo Chair', at: '2026-12-01' });
    const second = saveVersion(doc, { name: 'Core group 2', by: 'Jo Chair', at: '2026-12-02' });
    const signed = await signRemoval(await readMembership(doc), chair, first, decision);
    removeVersion(doc, second, decision, signed);
    expect(await checkOf(doc, second)).toEqual({ kind: 'forged' });
  });

  it('signed by a device the plan never admitted, or naming an unknown device: forged', async () => {
    const { doc, chair } = await establishedPlan();
    const id = saveVersion(doc, { name: 'Core group 1', by: 'Jo Chair', at: '2026-12-01' });
    const stranger = await newDevice();
    removeVersion(doc, id, decision, { device: stranger.deviceId, signature: await stranger.sign(new Uint8Array([1, 2, 3])) });
    expect(await checkOf(doc, id)).toEqual({ kind: 'forged' });
    // The chair's device named, with a stranger's signature.
    const other = saveVersion(doc, { name: 'Core group 2', by: 'Jo Chair', at: '2026-12-02' });
    removeVersion(doc, other, decision, { device: chair.deviceId, signature: new Uint8Array(64).fill(7) });
    expect(await checkOf(doc, other)).toEqual({ kind: 'forged' });
  });

  it('in a plan without membership: recorded unsigned, nothing to check against', async () => {
    const doc = new Y.Doc();
    const id = saveVersion(doc, { name: 'Core group 1', by: 'Jo Chair', at: '2026-12-01' });
    const state = await readMembership(doc);
    expect(await signRemoval(state, await newDevice(), id, decision)).toBeNull();
    removeVersion(doc, id, decision, null);
    expect(await checkOf(doc, id)).toEqual({ kind: 'legacy' });
    expect(await checkRemoval(null, removedVersions(doc)[0]!.removal)).toEqual({ kind: 'legacy' });
  });
});
