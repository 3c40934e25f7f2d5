import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  admitDevice,
  claimClientId,
  establishMembership,
  mayAdmit,
  recordInvitation,
  rekeyDevices,
  removeMember,
  rotateKey,
  setChair,
} from '../../../lib/membership/membership-actions.ts';
import { epochSecretFor, readMembership } from '../../../lib/membership/membership-log.ts';
import { openWelcome } from '../../../lib/membership/welcome.ts';
import { openSealed } from '../../../lib/membership/seal-to-device.ts';
import { clientIdFor, newClientNonce } from '../../../lib/membership/client-id.ts';
import { decodeEntry } from '../../../lib/membership/log-entry.ts';
import { epochContext } from '../../../lib/membership/membership-state.ts';
import { appendMembershipEntries, membershipElements, planRoots } from '../../../lib/plan/index.ts';
import { createInviteSecret } from '../../../lib/sync/invite.ts';
import { establishedPlan, exchange, forge, info, join, newDevice, newToken, NOW, PLAN_ID, replicaOf, requestFrom } from './helpers.ts';

describe('establishing membership', () => {
  it('a plan without a log is legacy', async () => {
    const state = await readMembership(new Y.Doc());
    expect(state.kind).toBe('legacy');
    expect(state.members).toEqual([]);
  });

  it('makes the founder the chair at epoch 0 with the existing secret', async () => {
    const { doc, secret, chair } = await establishedPlan();
    const state = await readMembership(doc);
    expect(state.kind).toBe('established');
    expect(state.planId).toBe(PLAN_ID);
    expect(state.genesisHash).toMatch(/^[0-9a-f]{64}$/);
    expect(state.epoch).toBe(0);
    expect(state.members).toHaveLength(1);
    expect(state.members[0]).toMatchObject({ chair: true, info: { name: 'Jo Chair' } });
    expect(state.members[0]!.devices.map((d) => d.deviceId)).toEqual([chair.deviceId]);
    expect(await epochSecretFor(state, chair)).toBe(secret);
    expect(state.ignored).toBe(0);
    expect(state.devicesWithoutKey).toEqual([]);
  });

  it('happens once', async () => {
    const { doc } = await establishedPlan();
    await expect(establishMembership(doc, await newDevice(), info('Other'), PLAN_ID, createInviteSecret())).rejects.toThrow(RangeError);
    expect(membershipElements(doc)).toHaveLength(1);
  });

  it('writes with the origin "membership"', async () => {
    const doc = new Y.Doc();
    const origins: unknown[] = [];
    doc.on('afterTransaction', (t: Y.Transaction) => {
      if (t.changed.size > 0) origins.push(t.origin);
    });
    await establishMembership(doc, await newDevice(), info('Jo'), PLAN_ID, createInviteSecret());
    expect(origins).toEqual(['membership']);
  });
});

describe('inviting and admitting', () => {
  it('the chair admits on an invitation; the welcome and the log give the joiner the secret', async () => {
    const { doc, secret, chair } = await establishedPlan();
    const state0 = await readMembership(doc);
    const { device, welcome, tokenHash } = await join(doc, chair, 'Asha Patel');
    expect(welcome).toEqual({ planId: PLAN_ID, epoch: 0, epochSecret: secret, genesisHash: state0.genesisHash, familyName: 'Oakfield' });
    const state = await readMembership(replicaOf(doc), welcome.genesisHash);
    expect(state.kind).toBe('established');
    expect(state.members.map((m) => [m.info.name, m.chair])).toEqual([['Jo Chair', true], ['Asha Patel', false]]);
    expect(state.invitations.get(tokenHash)).toMatchObject({ by: chair.deviceId, usedBy: device.deviceId });
    expect(await epochSecretFor(state, device)).toBe(secret);
  });

  it('hands back a welcome that only the joiner opens', async () => {
    const { doc, chair } = await establishedPlan();
    const joiner = await newDevice();
    const { tokenHash } = await newToken();
    await recordInvitation(doc, chair, tokenHash, NOW);
    const { sealWelcome } = await import('../../../lib/membership/welcome.ts');
    const welcome = await admitDevice(doc, chair, await requestFrom(joiner, info('Asha'), tokenHash), tokenHash, NOW);
    const sealed = await sealWelcome(welcome, joiner.agreementPublic);
    expect(await openWelcome(joiner, sealed)).toEqual(welcome);
    expect(await openWelcome(chair, sealed)).toBeNull();
  });

  it('an invitation works once', async () => {
    const { doc, chair } = await establishedPlan();
    const { tokenHash } = await join(doc, chair, 'Asha Patel');
    const second = await newDevice();
    const state = await readMembership(doc);
    expect(mayAdmit(state, chair.deviceId, tokenHash)).toBe(false);
    await expect(admitDevice(doc, chair, await requestFrom(second, info('Ben'), tokenHash), tokenHash, NOW)).rejects.toThrow(RangeError);
    expect((await readMembership(doc)).devices.has(second.deviceId)).toBe(false);
  });

  it('a member admits on their own unused invitation, not on someone else’s, and never without one', async () => {
    const { doc, chair } = await establishedPlan();
    const asha = await join(doc, chair, 'Asha Patel');
    const ben = await join(doc, asha.device, 'Ben Okafor');
    expect((await readMembership(doc)).devices.get(ben.device.deviceId)?.removed).toBeUndefined();
    const { tokenHash: chairs } = await newToken();
    await recordInvitation(doc, chair, chairs, NOW);
    const state = await readMembership(doc);
    expect(mayAdmit(state, asha.device.deviceId, chairs)).toBe(false);
    expect(mayAdmit(state, asha.device.deviceId, null)).toBe(false);
    await expect(admitDevice(doc, asha.device, await requestFrom(await newDevice(), info('Cat'), chairs), chairs, NOW)).rejects.toThrow(RangeError);
    await expect(admitDevice(doc, asha.device, await requestFrom(await newDevice(), info('Cat'), chairs), null, NOW)).rejects.toThrow(RangeError);
  });

  it('the chair confirms a device that held the plan before membership (no token)', async () => {
    const { doc, chair, secret } = await establishedPlan();
    const legacy = await newDevice();
    await admitDevice(doc, chair, await requestFrom(legacy, info('Dee'), (await newToken()).tokenHash), null, NOW);
    const state = await readMembership(doc);
    expect(state.devices.has(legacy.deviceId)).toBe(true);
    expect(await epochSecretFor(state, legacy)).toBe(secret);
  });

  it('adds another device of an existing member when asked', async () => {
    const { doc, chair } = await establishedPlan();
    const asha = await join(doc, chair, 'Asha Patel');
    const laptop = await join(doc, asha.device, 'Asha Patel', asha.device, { memberId: asha.memberId });
    const state = await readMembership(doc);
    expect(state.members).toHaveLength(2);
    expect(state.members[1]!.devices.map((d) => d.deviceId)).toEqual([asha.device.deviceId, laptop.device.deviceId]);
  });
});

describe('removing and rotating', () => {
  it('removing a member starts a new epoch sealed to every remaining device, and not to the removed one', async () => {
    const { doc, chair, secret } = await establishedPlan();
    const asha = await join(doc, chair, 'Asha Patel');
    const ben = await join(doc, chair, 'Ben Okafor');
    const benLaptop = await join(doc, chair, 'Ben Okafor', chair, { memberId: ben.memberId });
    await removeMember(doc, chair, { memberId: ben.memberId }, NOW, 'Left the core group');
    const state = await readMembership(doc);
    expect(state.epoch).toBe(1);
    const fresh = await epochSecretFor(state, chair);
    expect(fresh).not.toBeNull();
    expect(fresh).not.toBe(secret);
    expect(await epochSecretFor(state, asha.device)).toBe(fresh);
    for (const removed of [ben.device, benLaptop.device]) {
      expect(await epochSecretFor(state, removed)).toBeNull();
      expect(state.devices.get(removed.deviceId)!.removed).toEqual({ at: NOW.toISOString(), by: state.members[0]!.memberId });
    }
    expect(state.members.find((m) => m.memberId === ben.memberId)!.removed).toMatchObject({ reason: 'Left the core group' });
    expect(state.needsRotation).toBe(false);
    expect(state.devicesWithoutKey).toEqual([]);
  });

  it('the removal is never wrapped under the old key: no sealed copy opens for the removed device, even with the old secret', async () => {
    const { doc, chair } = await establishedPlan();
    const ben = await join(doc, chair, 'Ben Okafor');
    await join(doc, chair, 'Asha Patel');
    await removeMember(doc, chair, { deviceId: ben.device.deviceId }, NOW);
    const entry = (await decodeEntry(membershipElements(doc).at(-1)))!;
    if (entry.body.type !== 'remove') throw new Error('expected a remove entry');
    expect(entry.body.sealed.has(ben.device.deviceId)).toBe(false);
    for (const [deviceId, sealed] of entry.body.sealed) {
      expect(await openSealed(ben.device, sealed, epochContext(PLAN_ID, 1, deviceId))).toBeNull();
      expect(await openSealed(ben.device, sealed, epochContext(PLAN_ID, 1, ben.device.deviceId))).toBeNull();
    }
    // Removing one device that was the member's only one removes the member.
    expect((await readMembership(doc)).members.find((m) => m.memberId === ben.memberId)!.removed).toBeDefined();
  });

  it('a removal that leaves out a remaining device is ignored', async () => {
    const { doc, chair } = await establishedPlan();
    const asha = await join(doc, chair, 'Asha Patel');
    const ben = await join(doc, chair, 'Ben Okafor');
    const before = await readMembership(doc);
    await forge(doc, chair, { type: 'remove', memberId: ben.memberId, at: NOW.toISOString(), epoch: 1, seen: before.admissions, sealed: new Map([[chair.deviceId, new Uint8Array(93)]]) });
    const after = await readMembership(doc);
    expect(after.devices.get(ben.device.deviceId)!.removed).toBeUndefined();
    expect(after.epoch).toBe(0);
    expect(after.ignored).toBe(before.ignored + 1);
    expect(asha).toBeDefined();
  });

  it('a removal that seals the new secret to the removed device is ignored', async () => {
    const { doc, chair } = await establishedPlan();
    const ben = await join(doc, chair, 'Ben Okafor');
    const before = await readMembership(doc);
    const sealed = new Map([[chair.deviceId, new Uint8Array(93)], [ben.device.deviceId, new Uint8Array(93)]]);
    await forge(doc, chair, { type: 'remove', memberId: ben.memberId, at: NOW.toISOString(), epoch: 1, seen: before.admissions, sealed });
    expect((await readMembership(doc)).devices.get(ben.device.deviceId)!.removed).toBeUndefined();
  });

  it('rotating gives every device a fresh secret', async () => {
    const { doc, chair, secret } = await establishedPlan();
    const asha = await join(doc, chair, 'Asha Patel');
    await rotateKey(doc, chair, NOW);
    const state = await readMembership(doc);
    expect(state.epoch).toBe(1);
    const fresh = await epochSecretFor(state, asha.device);
    expect(fresh).not.toBe(secret);
    expect(await epochSecretFor(state, chair)).toBe(fresh);
  });

  it('a removed device can write nothing more', async () => {
    const { doc, chair } = await establishedPlan();
    const ben = await join(doc, chair, 'Ben Okafor');
    await removeMember(doc, chair, { memberId: ben.memberId }, NOW);
    const before = await readMembership(doc);
    await forge(doc, ben.device, { type: 'invite', tokenHash: (await newToken()).tokenHash, at: NOW.toISOString() });
    const after = await readMembership(doc);
    expect(after.invitations.size).toBe(before.invitations.size);
    expect(after.ignored).toBe(before.ignored + 1);
    await expect(recordInvitation(doc, ben.device, (await newToken()).tokenHash, NOW)).rejects.toThrow(RangeError);
  });

  it('removes one of twelve members (two devices each) and seals the new secret to all 22 remaining devices', async () => {
    const { doc, chair } = await establishedPlan();
    const members: { device: import('../../../lib/membership/device-identity.ts').DeviceIdentity; memberId: string }[] = [];
    const devices = [chair];
    await join(doc, chair, 'Jo Chair', chair, { memberId: (await readMembership(doc)).members[0]!.memberId }).then((j) => devices.push(j.device));
    for (let i = 0; i < 11; i++) {
      const first = await join(doc, chair, `Member ${i}`);
      const second = await join(doc, chair, `Member ${i}`, chair, { memberId: first.memberId });
      members.push(first, second);
      devices.push(first.device, second.device);
    }
    expect((await readMembership(doc)).members).toHaveLength(12);
    const leaving = members[4]!.memberId;
    await removeMember(doc, chair, { memberId: leaving }, NOW);
    const state = await readMembership(replicaOf(doc));
    const fresh = await epochSecretFor(state, chair);
    expect(state.epoch).toBe(1);
    let opened = 0;
    for (const device of devices) {
      const secret = await epochSecretFor(state, device);
      if (state.devices.get(device.deviceId)!.memberId === leaving) expect(secret).toBeNull();
      else if (secret === fresh) opened++;
    }
    expect(opened).toBe(22);
    expect(state.ignored).toBe(0);
  });
});

describe('chairs', () => {
  it('a plan never has no chair', async () => {
    const { doc, chair } = await establishedPlan();
    const chairId = (await readMembership(doc)).members[0]!.memberId;
    await expect(setChair(doc, chair, chairId, false, NOW)).rejects.toThrow(RangeError);
    await expect(removeMember(doc, chair, { memberId: chairId }, NOW)).rejects.toThrow(RangeError);
    const asha = await join(doc, chair, 'Asha Patel');
    await setChair(doc, chair, asha.memberId, true, NOW);
    await setChair(doc, asha.device, chairId, false, NOW);
    const state = await readMembership(doc);
    expect(state.members.map((m) => m.chair)).toEqual([false, true]);
    await expect(setChair(doc, chair, chairId, true, NOW)).rejects.toThrow(RangeError);
  });

  it('a second chair can remove the first', async () => {
    const { doc, chair } = await establishedPlan();
    const asha = await join(doc, chair, 'Asha Patel');
    await setChair(doc, chair, asha.memberId, true, NOW);
    await removeMember(doc, asha.device, { deviceId: chair.deviceId }, NOW);
    const state = await readMembership(doc);
    expect(state.members[0]!.removed).toBeDefined();
    expect(await epochSecretFor(state, chair)).toBeNull();
  });
});

describe('client claims', () => {
  it('binds a verified clientID to its device', async () => {
    const { doc, chair } = await establishedPlan();
    const nonce = newClientNonce();
    await claimClientId(doc, chair, nonce);
    await claimClientId(doc, chair, nonce);
    const state = await readMembership(doc);
    expect([...state.clients]).toEqual([[await clientIdFor(chair.signingPublic, nonce), chair.deviceId]]);
    expect(membershipElements(doc)).toHaveLength(2);
  });

  it('writes nothing while the plan is legacy', async () => {
    const doc = new Y.Doc();
    await claimClientId(doc, await newDevice(), newClientNonce());
    expect(membershipElements(doc)).toHaveLength(0);
  });
});

describe('concurrent changes', () => {
  async function twoChairs() {
    const plan = await establishedPlan();
    const asha = await join(plan.doc, plan.chair, 'Asha Patel');
    await setChair(plan.doc, plan.chair, asha.memberId, true, NOW);
    const ben = await join(plan.doc, plan.chair, 'Ben Okafor');
    const cat = await join(plan.doc, plan.chair, 'Cat Jones');
    return { ...plan, asha, ben, cat };
  }

  it('two chairs removing two members at once: both are removed, one epoch, and the plan asks for a rotation', async () => {
    const { doc, chair, asha, ben, cat } = await twoChairs();
    const other = replicaOf(doc);
    await removeMember(doc, chair, { memberId: ben.memberId }, NOW);
    await removeMember(other, asha.device, { memberId: cat.memberId }, NOW);
    exchange(doc, other);
    const state = await readMembership(doc);
    expect(state.devices.get(ben.device.deviceId)!.removed).toBeDefined();
    expect(state.devices.get(cat.device.deviceId)!.removed).toBeDefined();
    expect(state.epoch).toBe(1);
    expect(state.needsRotation).toBe(true);
    expect((await readMembership(other)).epoch).toBe(1);
    await rotateKey(doc, chair, NOW);
    const rotated = await readMembership(doc);
    expect(rotated.epoch).toBe(2);
    expect(rotated.needsRotation).toBe(false);
    expect(await epochSecretFor(rotated, asha.device)).toBe(await epochSecretFor(rotated, chair));
    expect(await epochSecretFor(rotated, ben.device)).toBeNull();
    expect(await epochSecretFor(rotated, cat.device)).toBeNull();
  });

  it('two chairs rotating at once: one rotation counts, everyone has its secret', async () => {
    const { doc, chair, asha } = await twoChairs();
    const other = replicaOf(doc);
    await rotateKey(doc, chair, NOW);
    await rotateKey(other, asha.device, NOW);
    exchange(doc, other);
    const [a, b] = [await readMembership(doc), await readMembership(other)];
    expect(a.epoch).toBe(1);
    expect(a.ignored).toBe(1);
    expect(await epochSecretFor(a, chair)).toBe(await epochSecretFor(b, asha.device));
  });

  it('a device admitted while a removal raced it is admitted without the key, until a chair hands it over', async () => {
    const { doc, chair, asha, ben } = await twoChairs();
    const other = replicaOf(doc);
    const { tokenHash } = await newToken();
    await recordInvitation(other, asha.device, tokenHash, NOW);
    exchange(doc, other);
    const dee = await newDevice();
    await admitDevice(other, asha.device, await requestFrom(dee, info('Dee Shah'), tokenHash), tokenHash, NOW);
    await removeMember(doc, chair, { memberId: ben.memberId }, NOW);
    exchange(doc, other);
    const state = await readMembership(doc);
    expect(state.devices.get(ben.device.deviceId)!.removed).toBeDefined();
    expect(state.epoch).toBe(1);
    expect(state.devicesWithoutKey).toEqual([dee.deviceId]);
    expect(await epochSecretFor(state, dee)).toBeNull();
    await rekeyDevices(doc, chair, NOW);
    const rekeyed = await readMembership(doc);
    expect(rekeyed.devicesWithoutKey).toEqual([]);
    expect(await epochSecretFor(rekeyed, dee)).toBe(await epochSecretFor(rekeyed, chair));
  });
});

describe('a removal wins over what the removed device wrote without the chair seeing it', () => {
  it('drops her invitation and admission that raced her removal, in whichever order the copies merge', async () => {
    const placements = new Set<string>();
    for (const mallorySide of ['first', 'second'] as const) {
      const { doc, chair } = await establishedPlan();
      const mallory = await join(doc, chair, 'Mallory');
      const early = await join(doc, mallory.device, 'Early friend'); // before her removal: stays
      const hers = replicaOf(doc);
      if (mallorySide === 'first') hers.clientID = 1; // Yjs orders concurrent inserts by clientID
      else hers.clientID = 2 ** 52;
      await removeMember(doc, chair, { memberId: mallory.memberId }, NOW);
      const late = await join(hers, mallory.device, 'Late friend');
      exchange(doc, hers);
      const types = await Promise.all(membershipElements(doc).map(async (e) => (await decodeEntry(e))!.body.type));
      placements.add(types.indexOf('remove') < types.lastIndexOf('admit') ? 'removal first' : 'her entries first');
      const state = await readMembership(doc);
      expect(state.devices.get(mallory.device.deviceId)!.removed).toBeDefined();
      expect(state.devices.has(late.device.deviceId), mallorySide).toBe(false);
      expect(state.invitations.has(late.tokenHash)).toBe(false);
      expect(state.devices.get(early.device.deviceId)!.removed).toBeUndefined();
      expect(await epochSecretFor(state, early.device)).toBe(await epochSecretFor(state, chair));
      expect((await readMembership(hers)).devices.has(late.device.deviceId)).toBe(false);
    }
    expect(placements).toEqual(new Set(['removal first', 'her entries first']));
  });

  it('drops an entry she backdates by putting it before her removal afterwards', async () => {
    const { doc, chair } = await establishedPlan();
    const mallory = await join(doc, chair, 'Mallory');
    await recordInvitation(doc, chair, (await newToken()).tokenHash, NOW);
    await removeMember(doc, chair, { memberId: mallory.memberId }, NOW);
    const { signEntry } = await import('../../../lib/membership/log-entry.ts');
    const { tokenHash } = await newToken();
    const entry = await signEntry(mallory.device, PLAN_ID, { type: 'invite', tokenHash, at: NOW.toISOString() });
    const log = planRoots(doc).membership;
    doc.transact(() => log.insert(log.length - 1, [entry])); // after an existing entry, before the removal
    expect(log.toArray().at(-2)).toEqual(entry);
    const state = await readMembership(doc);
    expect(state.invitations.has(tokenHash)).toBe(false);
    expect(state.devices.get(mallory.device.deviceId)!.removed).toBeDefined();
  });
});

describe('a chair stepping down wins likewise', () => {
  it('a former chair cannot admit by putting a chair’s entry before her demotion afterwards', async () => {
    const { doc, chair } = await establishedPlan();
    const mallory = await join(doc, chair, 'Mallory');
    await setChair(doc, chair, mallory.memberId, true, NOW);
    await setChair(doc, chair, mallory.memberId, false, NOW);
    const friend = await newDevice();
    const { signEntry } = await import('../../../lib/membership/log-entry.ts');
    const admit = await signEntry(mallory.device, PLAN_ID, {
      type: 'admit',
      tokenHash: null,
      member: { memberId: 'f'.repeat(32), info: info('Friend') },
      device: { deviceId: friend.deviceId, signingPublic: friend.signingPublic, agreementPublic: friend.agreementPublic },
      epoch: 0,
      sealed: new Uint8Array(93),
      at: NOW.toISOString(),
    });
    const log = planRoots(doc).membership;
    doc.transact(() => log.insert(log.length - 1, [admit])); // while she was still chair
    const state = await readMembership(doc);
    expect(state.devices.has(friend.deviceId)).toBe(false);
    expect(state.members.find((m) => m.memberId === mallory.memberId)!.chair).toBe(false);
  });
});

describe('a hostile member with a valid key', () => {
  async function withMallory() {
    const plan = await establishedPlan();
    const asha = await join(plan.doc, plan.chair, 'Asha Patel');
    const mallory = await join(plan.doc, plan.chair, 'Mallory');
    return { ...plan, asha, mallory: mallory.device, malloryId: mallory.memberId };
  }

  async function expectIgnored(doc: Y.Doc, write: () => Promise<unknown>) {
    const before = await readMembership(doc);
    await write();
    const after = await readMembership(doc);
    expect(after.ignored).toBe(before.ignored + 1);
    return { before, after };
  }

  it('cannot admit on the chair’s invitation, nor confirm a device, nor attach a device to the chair', async () => {
    const { doc, chair, mallory } = await withMallory();
    const { tokenHash } = await newToken();
    await recordInvitation(doc, chair, tokenHash, NOW);
    const friend = await newDevice();
    const device = { deviceId: friend.deviceId, signingPublic: friend.signingPublic, agreementPublic: friend.agreementPublic };
    const admit = (token: string | null, memberId: string) =>
      forge(doc, mallory, { type: 'admit', tokenHash: token, member: { memberId, info: info('Friend') }, device, epoch: 0, sealed: new Uint8Array(93), at: NOW.toISOString() });
    await expectIgnored(doc, () => admit(tokenHash, 'f'.repeat(32)));
    await expectIgnored(doc, () => admit(null, 'f'.repeat(32)));
    // On her own invitation, but onto the chair's member record (which would make her friend a chair).
    const { tokenHash: own } = await newToken();
    await recordInvitation(doc, mallory, own, NOW);
    const { after } = await expectIgnored(doc, async () => admit(own, (await readMembership(doc)).members[0]!.memberId));
    expect(after.devices.has(friend.deviceId)).toBe(false);
  });

  it('cannot remove, rotate or make herself chair', async () => {
    const { doc, chair, asha, mallory, malloryId } = await withMallory();
    const state = await readMembership(doc);
    const everyone = new Map([chair, asha.device, mallory].map((d) => [d.deviceId, new Uint8Array(93)]));
    const all = new Map([...everyone].filter(([id]) => id !== asha.device.deviceId));
    await expectIgnored(doc, () => forge(doc, mallory, { type: 'remove', memberId: asha.memberId, at: NOW.toISOString(), epoch: 1, seen: state.admissions, sealed: all }));
    await expectIgnored(doc, () => forge(doc, mallory, { type: 'rotate', epoch: 1, seen: state.admissions, sealed: everyone, at: NOW.toISOString() }));
    await expectIgnored(doc, () => forge(doc, mallory, { type: 'chair', memberId: malloryId, chair: true, at: NOW.toISOString() }));
    await expect(removeMember(doc, mallory, { memberId: asha.memberId }, NOW)).rejects.toThrow(RangeError);
    await expect(rotateKey(doc, mallory, NOW)).rejects.toThrow(RangeError);
    const after = await readMembership(doc);
    expect(after.epoch).toBe(0);
    expect(after.members.every((m) => !m.removed)).toBe(true);
    expect(after.members.find((m) => m.memberId === malloryId)!.chair).toBe(false);
  });

  it('cannot claim another device’s clientID', async () => {
    const { doc, asha, mallory } = await withMallory();
    const nonce = newClientNonce();
    const ashas = await clientIdFor(asha.device.signingPublic, nonce);
    const { after } = await expectIgnored(doc, () => forge(doc, mallory, { type: 'client', clientId: ashas, nonce, at: NOW.toISOString() }));
    expect(after.clients.has(ashas)).toBe(false);
    // Once Asha claims it, a later claim of the same id by anyone is ignored too.
    await claimClientId(doc, asha.device, nonce);
    expect((await readMembership(doc)).clients.get(ashas)).toBe(asha.device.deviceId);
  });

  it('cannot found the plan again: a later genesis is ignored, a first one makes a pinned copy untrusted', async () => {
    const { doc, mallory } = await withMallory();
    const real = await readMembership(doc);
    const body = {
      type: 'genesis' as const,
      member: { memberId: 'a'.repeat(32), info: info('Mallory') },
      device: { deviceId: mallory.deviceId, signingPublic: mallory.signingPublic, agreementPublic: mallory.agreementPublic },
      sealed: new Map<string, Uint8Array>(),
      at: NOW.toISOString(),
    };
    const { after } = await expectIgnored(doc, () => forge(doc, mallory, body));
    expect(after.genesisHash).toBe(real.genesisHash);
    expect(after.members[0]!.info.name).toBe('Jo Chair');
    // A copy whose log starts with Mallory's genesis (say, she raced the real founder).
    const forged = new Y.Doc();
    await forge(forged, mallory, body);
    appendMembershipEntries(forged, membershipElements(doc) as Uint8Array[]);
    const untrusted = await readMembership(forged, real.genesisHash);
    expect(untrusted.kind).toBe('untrusted');
    expect(untrusted.members).toEqual([]);
    expect((await readMembership(forged)).members[0]!.info.name).toBe('Mallory');
  });

  it('cannot pass off the chair’s entry as her own, nor replay it', async () => {
    const { doc, chair, asha, mallory, malloryId } = await withMallory();
    await setChair(doc, chair, asha.memberId, true, NOW);
    const chairEntry = membershipElements(doc).at(-1) as Uint8Array;
    await setChair(doc, chair, asha.memberId, false, NOW);
    // Replayed: the same bytes again would make Asha chair again.
    const { after } = await expectIgnored(doc, async () => appendMembershipEntries(doc, [chairEntry.slice()]));
    expect(after.members.find((m) => m.memberId === asha.memberId)!.chair).toBe(false);
    // Re-signed by Mallory: her signature, the chair's body.
    const body = chairEntry.slice(81);
    const { signedBytes } = await import('../../../lib/membership/signed-json.ts');
    const { concat, fromHex } = await import('../../../lib/membership/bytes.ts');
    const signature = await mallory.sign(signedBytes('core-group-plan membership v1', body));
    const resigned = concat(Uint8Array.of(1), fromHex(mallory.deviceId, 16)!, signature, body);
    await expectIgnored(doc, async () => appendMembershipEntries(doc, [resigned]));
    // The chair's signature with Mallory named as signer.
    const renamed = chairEntry.slice();
    renamed.set(fromHex(mallory.deviceId, 16)!, 1);
    await expectIgnored(doc, async () => appendMembershipEntries(doc, [renamed]));
    expect(malloryId).toBeDefined();
  });

  it('cannot replay an entry from another plan', async () => {
    const { doc, chair } = await withMallory();
    const before = await readMembership(doc);
    await forge(doc, chair, { type: 'invite', tokenHash: (await newToken()).tokenHash, at: NOW.toISOString() }, 'f'.repeat(32));
    const after = await readMembership(doc);
    expect(after.ignored).toBe(before.ignored + 1);
    expect(after.invitations.size).toBe(before.invitations.size);
  });

  it('cannot break the fold with garbage in the array', async () => {
    const { doc, chair, asha } = await withMallory();
    const good = await readMembership(doc);
    const entry = membershipElements(doc).at(-1) as Uint8Array;
    const garbage: unknown[] = [
      42, 'hello', null, { type: 'genesis' }, [1, 2, 3], new Uint8Array(0), crypto.getRandomValues(new Uint8Array(500)),
      entry.slice(0, 90), Uint8Array.of(1, ...new Uint8Array(80), ...new TextEncoder().encode('{"type":"invite"')),
      new Uint8Array(70_000),
    ];
    planRoots(doc).membership.push(garbage);
    const state = await readMembership(doc);
    expect(state.ignored).toBe(good.ignored + garbage.length);
    expect(state.members).toHaveLength(good.members.length);
    expect(await epochSecretFor(state, asha.device)).toBe(await epochSecretFor(good, chair));
    // And before any genesis: still legacy, never a throw.
    const junk = new Y.Doc();
    planRoots(junk).membership.push(garbage);
    expect((await readMembership(junk)).kind).toBe('legacy');
  });
});
