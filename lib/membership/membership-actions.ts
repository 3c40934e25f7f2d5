/**
 * What a device writes to the membership log. Each action reads the log, signs its entries with
 * this device's identity and appends them in one transaction (origin 'membership'). Before
 * appending, the new entries are folded with the log as it stands: an action the rules would ignore
 * (not a chair, invitation used, last chair…) throws a RangeError and writes nothing, so the views
 * must offer only what this device may do (see `mayAdmit`, `isChair`).
 */
import type * as Y from 'yjs';
import { appendMembershipEntries, membershipElementsWithPlaces, newId, readMeta, type EntryPlace } from '../plan/index.ts';
import { createInviteSecret } from '../sync/invite.ts';
import type { DeviceIdentity } from './device-identity.ts';
import type { JoinRequest, MemberInfo } from './join-request.ts';
import type { Welcome } from './welcome.ts';
import { decodeEntry, signEntry, type EntryBody } from './log-entry.ts';
import { foldMembership } from './membership-fold.ts';
import { epochSecretFor } from './membership-log.ts';
import { currentDevices, epochContext, memberOfDevice, type MembershipState } from './membership-state.ts';
import { sealToDevice } from './seal-to-device.ts';
import { clientIdFor } from './client-id.ts';
import { utf8 } from './bytes.ts';
import { systemClock } from '../platform/clock.ts';

/** Makes this device's member the founder and chair of a legacy plan, at epoch 0 with the plan's existing secret. */
export async function establishMembership(
  doc: Y.Doc,
  identity: DeviceIdentity,
  info: MemberInfo,
  planId: string,
  epoch0Secret: string,
  now: Date = systemClock.now(),
): Promise<void> {
  const { state, elements, places } = await current(doc);
  if (state.kind !== 'legacy') throw new RangeError('establishMembership: the plan already has a membership log');
  const sealed = new Map([[identity.deviceId, await sealSecret(epoch0Secret, planId, 0, identity.deviceId, identity.agreementPublic)]]);
  const body: EntryBody = {
    type: 'genesis',
    member: { memberId: newId(), info },
    device: { deviceId: identity.deviceId, signingPublic: identity.signingPublic, agreementPublic: identity.agreementPublic },
    sealed,
    at: now.toISOString(),
  };
  const entry = await signEntry(identity, planId, body);
  const after = await foldMembership([...elements, entry], null, places);
  if (after.kind !== 'established' || after.planId !== planId) throw new RangeError('establishMembership: the genesis was not accepted');
  appendMembershipEntries(doc, [entry]);
}

export async function recordInvitation(doc: Y.Doc, identity: DeviceIdentity, tokenHash: string, now: Date): Promise<void> {
  await append(doc, identity, 'recordInvitation', () => ({ type: 'invite', tokenHash, at: now.toISOString() }));
}

/**
 * Admits the requesting device (on the invitation `tokenHash`, or null to confirm a device that
 * held the plan before membership: chairs only) and returns the welcome to seal to it. The device
 * joins as a new member unless `options.memberId` names an existing one (another device of theirs).
 */
export async function admitDevice(
  doc: Y.Doc,
  identity: DeviceIdentity,
  request: JoinRequest,
  tokenHash: string | null,
  now: Date,
  options: { memberId?: string } = {},
): Promise<Welcome> {
  let welcome: Welcome | null = null;
  await append(doc, identity, 'admitDevice', async (state, secret) => {
    const planId = state.planId!;
    welcome = { planId, epoch: state.epoch, epochSecret: secret(), genesisHash: state.genesisHash!, familyName: readMeta(doc).familyName };
    return {
      type: 'admit',
      tokenHash,
      member: { memberId: options.memberId ?? newId(), info: request.info },
      device: { deviceId: request.deviceId, signingPublic: request.signingPublic, agreementPublic: request.agreementPublic },
      epoch: state.epoch,
      sealed: await sealSecret(secret(), planId, state.epoch, request.deviceId, request.agreementPublic),
      at: now.toISOString(),
    };
  });
  return welcome!;
}

/** Removes a member (all their devices) or one device, and starts a new epoch for everyone else. */
export async function removeMember(doc: Y.Doc, identity: DeviceIdentity, target: { memberId?: string; deviceId?: string }, now: Date, reason?: string): Promise<void> {
  if ((target.memberId === undefined) === (target.deviceId === undefined)) throw new RangeError('removeMember: name a member or a device');
  await append(doc, identity, 'removeMember', async (state, _secret, log) => {
    const leaving = (d: { deviceId: string; memberId: string }) => d.deviceId === target.deviceId || d.memberId === target.memberId;
    const remaining = currentDevices(state).filter((d) => !leaving(d));
    const gone = new Set([...state.devices.values()].filter(leaving).map((d) => d.deviceId));
    return {
      type: 'remove',
      ...(target.memberId !== undefined ? { memberId: target.memberId } : { deviceId: target.deviceId! }),
      at: now.toISOString(),
      ...(reason?.trim() ? { reason: reason.trim() } : {}),
      epoch: state.epoch + 1,
      seen: state.admissions,
      seenFrom: await entriesSeenFrom(log, gone),
      sealed: await sealFresh(state, remaining),
    };
  });
}

/** Starts a new epoch with a fresh secret for every current device (chairs only). */
export async function rotateKey(doc: Y.Doc, identity: DeviceIdentity, now: Date): Promise<void> {
  await append(doc, identity, 'rotateKey', async (state) => ({
    type: 'rotate',
    epoch: state.epoch + 1,
    seen: state.admissions,
    sealed: await sealFresh(state, currentDevices(state)),
    at: now.toISOString(),
  }));
}

/** Hands the current secret to devices admitted while a rotation raced (state.devicesWithoutKey; chairs only). */
export async function rekeyDevices(doc: Y.Doc, identity: DeviceIdentity, now: Date): Promise<void> {
  await append(doc, identity, 'rekeyDevices', async (state, secret) => {
    const sealed = new Map<string, Uint8Array>();
    for (const deviceId of state.devicesWithoutKey) {
      const device = state.devices.get(deviceId)!;
      sealed.set(deviceId, await sealSecret(secret(), state.planId!, state.epoch, deviceId, device.agreementPublic));
    }
    return { type: 'rekey', epoch: state.epoch, sealed, at: now.toISOString() };
  });
}

/** Makes a member a chair, or no longer one (chairs only; the plan always keeps a chair). */
export async function setChair(doc: Y.Doc, identity: DeviceIdentity, memberId: string, chair: boolean, now: Date): Promise<void> {
  await append(doc, identity, 'setChair', async (state, _secret, log) => {
    const devices = new Set([...state.devices.values()].filter((d) => d.memberId === memberId).map((d) => d.deviceId));
    return { type: 'chair', memberId, chair, at: now.toISOString(), ...(chair ? {} : { seenFrom: await entriesSeenFrom(log, devices) }) };
  });
}

/**
 * Claims `clientIdFor(identity, nonce)` as this device's session clientID. Nothing is written while
 * the plan is legacy (a claim before the genesis would be ignored) or when the claim is already in.
 */
export async function claimClientId(doc: Y.Doc, identity: DeviceIdentity, nonce: Uint8Array, now: Date = systemClock.now()): Promise<void> {
  const { state } = await current(doc);
  if (state.kind !== 'established') return;
  const clientId = await clientIdFor(identity.signingPublic, nonce);
  if (state.clients.get(clientId) === identity.deviceId) return;
  await append(doc, identity, 'claimClientId', () => ({ type: 'client', clientId, nonce, at: now.toISOString() }));
}

/** Whether this device's member chairs the plan. */
export function isChair(state: MembershipState, deviceId: string): boolean {
  return memberOfDevice(state, deviceId)?.chair === true;
}

/** Whether `deviceId` may admit on the invitation `tokenHash` (null: confirming a legacy device). */
export function mayAdmit(state: MembershipState, deviceId: string, tokenHash: string | null): boolean {
  const member = memberOfDevice(state, deviceId);
  if (!member || state.kind !== 'established') return false;
  if (tokenHash === null) return member.chair;
  const invitation = state.invitations.get(tokenHash);
  if (!invitation || invitation.usedBy !== undefined) return false;
  return member.chair || memberOfDevice(state, invitation.by)?.memberId === member.memberId;
}

async function current(doc: Y.Doc): Promise<{ state: MembershipState; elements: unknown[]; places: EntryPlace[] }> {
  const { elements, places } = membershipElementsWithPlaces(doc);
  return { state: await foldMembership(elements, null, places), elements, places };
}

/**
 * Signs the entry `make` builds from the current state and appends it, after checking the log
 * would apply it. `secret()` is this device's copy of the current epoch secret.
 */
async function append(
  doc: Y.Doc,
  identity: DeviceIdentity,
  action: string,
  make: (state: MembershipState, secret: () => string, log: { elements: unknown[]; places: EntryPlace[] }) => EntryBody | Promise<EntryBody>,
): Promise<void> {
  const { state, elements, places } = await current(doc);
  if (state.kind !== 'established') throw new RangeError(`${action}: the plan has no membership yet`);
  if (!memberOfDevice(state, identity.deviceId)) throw new RangeError(`${action}: this device is not a member of the plan`);
  const secret = await epochSecretFor(state, identity);
  const body = await make(
    state,
    () => {
      if (secret === null) throw new RangeError(`${action}: this device has no copy of the current key`);
      return secret;
    },
    { elements, places },
  );
  const entry = await signEntry(identity, state.planId!, body);
  const after = await foldMembership([...elements, entry], null, places);
  if (after.ignored > state.ignored) throw new RangeError(`${action}: the membership rules do not allow this`);
  appendMembershipEntries(doc, [entry]);
}

/** For the devices in `signers`: clientID → the clock after the last log entry they signed that this copy has. */
async function entriesSeenFrom(log: { elements: unknown[]; places: EntryPlace[] }, signers: ReadonlySet<string>): Promise<[number, number][]> {
  const seen = new Map<number, number>();
  const entries = await Promise.all(log.elements.map((e) => decodeEntry(e)));
  entries.forEach((entry, i) => {
    const place = log.places[i]!;
    if (entry && signers.has(entry.signer)) seen.set(place.client, Math.max(seen.get(place.client) ?? 0, place.clock + 1));
  });
  return [...seen];
}

function sealSecret(secret: string, planId: string, epoch: number, deviceId: string, agreementPublic: Uint8Array): Promise<Uint8Array> {
  return sealToDevice(agreementPublic, utf8(secret), epochContext(planId, epoch, deviceId));
}

/** A fresh epoch secret for the next epoch, sealed to each of `devices`. */
async function sealFresh(state: MembershipState, devices: readonly { deviceId: string; agreementPublic: Uint8Array }[]): Promise<Map<string, Uint8Array>> {
  const secret = createInviteSecret();
  const sealed = await Promise.all(devices.map((d) => sealSecret(secret, state.planId!, state.epoch + 1, d.deviceId, d.agreementPublic)));
  return new Map(devices.map((d, i) => [d.deviceId, sealed[i]!]));
}
