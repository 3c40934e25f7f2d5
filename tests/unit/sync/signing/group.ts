/**
 * A core group for the signed-sync tests: device identities (each in its own fake IndexedDB, as
 * each browser profile has its own), a plan whose membership the first device founded, members
 * admitted on invitations as the lobby would, and each session's frame checks (frame-checks.ts)
 * following the plan's log as a session does.
 */
import { IDBFactory } from 'fake-indexeddb';
import * as Y from 'yjs';
import {
  admitDevice,
  clientIdFor,
  establishMembership,
  loadDeviceIdentity,
  makeJoinRequest,
  newClientNonce,
  readJoinRequest,
  readMembership,
  recordInvitation,
  removeMember,
  tokenHashOf,
  verifySignature,
  type DeviceIdentity,
  type MembershipState,
} from '../../../../lib/membership/index.ts';
import { legacyState } from '../../../../lib/membership/membership-state.ts';
import { createFrameAuth, type FrameAuth } from '../../../../lib/sync/frame-checks.ts';
import { createInviteSecret } from '../../../../lib/sync/invite.ts';

export const NOW = new Date('2026-12-03T10:00:00Z');

export const newDevice = (): Promise<DeviceIdentity> => loadDeviceIdentity({ indexedDB: new IDBFactory() });

/** A plan founded by `chair` (epoch 0's secret returned), each of `others` admitted as a member. */
export async function foundPlan(doc: Y.Doc, chair: DeviceIdentity, others: { identity: DeviceIdentity; name: string; agency: string }[] = []) {
  const secret = createInviteSecret();
  await establishMembership(doc, chair, { name: 'Priya Shah', agency: 'Children’s social care', role: 'Social worker' }, 'plan-1', secret);
  for (const other of others) await admit(doc, chair, other.identity, other.name, other.agency);
  return secret;
}

export async function admit(doc: Y.Doc, chair: DeviceIdentity, joiner: DeviceIdentity, name: string, agency: string): Promise<void> {
  const hash = await tokenHashOf(createInviteSecret());
  await recordInvitation(doc, chair, hash, NOW);
  const request = await readJoinRequest(await makeJoinRequest(joiner, { name, agency, role: 'Member' }, hash, NOW));
  await admitDevice(doc, chair, request!, hash, NOW);
}

export async function remove(doc: Y.Doc, chair: DeviceIdentity, device: DeviceIdentity): Promise<void> {
  await removeMember(doc, chair, { deviceId: device.deviceId }, NOW);
}

export interface SessionKeys {
  identity: DeviceIdentity;
  nonce: Uint8Array;
  clientId: number;
  auth: FrameAuth;
  /** Reads the membership again from `doc` (what a session does on every change of the log). */
  refresh(): Promise<MembershipState>;
}

/** One session's keys and checks, reading the membership of `doc`; its progress from `progress` (none by default). */
export async function session(identity: DeviceIdentity, doc: Y.Doc, progress: () => { edits: number; clock: number } = () => ({ edits: 0, clock: 0 })): Promise<SessionKeys> {
  const nonce = newClientNonce();
  let state = legacyState();
  const auth = createFrameAuth({
    identity,
    nonce: () => nonce,
    crypto: { verifySignature, clientIdFor },
    membership: () => state,
    progress,
  });
  const keys: SessionKeys = {
    identity,
    nonce,
    clientId: await clientIdFor(identity.signingPublic, nonce),
    auth,
    async refresh() {
      state = await readMembership(doc);
      return state;
    },
  };
  await keys.refresh();
  return keys;
}
