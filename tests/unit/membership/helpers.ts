/** Shared set-up for membership tests: devices with their own (fake) IndexedDB, and a plan doc. */
import { IDBFactory } from 'fake-indexeddb';
import * as Y from 'yjs';
import { loadDeviceIdentity, type DeviceIdentity } from '../../../lib/membership/device-identity.ts';
import type { MemberInfo } from '../../../lib/membership/join-request.ts';
import { makeJoinRequest, readJoinRequest, tokenHashOf } from '../../../lib/membership/join-request.ts';
import { createInviteSecret } from '../../../lib/sync/invite.ts';

export const PLAN_ID = '0123456789abcdef0123456789abcdef';
export const NOW = new Date('2026-12-03T10:00:00.000Z');

/** A new browser profile's identity. */
export const newDevice = (): Promise<DeviceIdentity> => loadDeviceIdentity({ indexedDB: new IDBFactory() });

export const info = (name: string, agency = 'Riverside Primary', role = 'Designated safeguarding lead'): MemberInfo => ({ name, agency, role });

/** A fresh invitation token and its hash. */
export async function newToken(): Promise<{ token: string; tokenHash: string }> {
  const token = createInviteSecret();
  return { token, tokenHash: await tokenHashOf(token) };
}

/** The joining device's request, as the admitter reads it from the lobby. */
export async function requestFrom(device: DeviceIdentity, who: MemberInfo, tokenHash: string) {
  const request = await readJoinRequest(await makeJoinRequest(device, who, tokenHash, NOW));
  if (!request) throw new Error('test set-up: the request did not read back');
  return request;
}

/** A copy of `from` as another replica (full state). */
export function replicaOf(from: Y.Doc): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(from));
  return doc;
}

/** Brings `a` and `b` into the same state. */
export function exchange(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

import { admitDevice, establishMembership, recordInvitation } from '../../../lib/membership/membership-actions.ts';
import { readMembership } from '../../../lib/membership/membership-log.ts';
import { signEntry, type EntryBody } from '../../../lib/membership/log-entry.ts';
import { appendMembershipEntries, planRoots } from '../../../lib/plan/index.ts';

export interface TestPlan {
  doc: Y.Doc;
  secret: string;
  chair: DeviceIdentity;
}

/** A plan doc whose membership `chair` established, at epoch 0 with a fresh secret. */
export async function establishedPlan(): Promise<TestPlan> {
  const doc = new Y.Doc();
  planRoots(doc).meta.set('familyName', 'Oakfield');
  const chair = await newDevice();
  const secret = createInviteSecret();
  await establishMembership(doc, chair, info('Jo Chair', 'Children’s Services', 'Chair'), PLAN_ID, secret);
  return { doc, secret, chair };
}

/** Invites (by `inviter`) and admits (by `admitter`, default the inviter) a new device; returns it and its memberId. */
export async function join(doc: Y.Doc, inviter: DeviceIdentity, name: string, admitter = inviter, options: { memberId?: string; device?: DeviceIdentity } = {}) {
  const device = options.device ?? (await newDevice());
  const { tokenHash } = await newToken();
  await recordInvitation(doc, inviter, tokenHash, NOW);
  const welcome = await admitDevice(doc, admitter, await requestFrom(device, info(name), tokenHash), tokenHash, NOW, options);
  const state = await readMembership(doc);
  return { device, memberId: state.devices.get(device.deviceId)!.memberId, welcome, tokenHash };
}

/** Appends an entry signed by `identity` without any check: what a hostile copy can do. */
export async function forge(doc: Y.Doc, identity: DeviceIdentity, body: EntryBody, planId = PLAN_ID): Promise<Uint8Array> {
  const entry = await signEntry(identity, planId, body);
  appendMembershipEntries(doc, [entry]);
  return entry;
}
