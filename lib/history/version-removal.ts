/**
 * Removing a saved version is a decision a member signs. Once the plan's membership is established
 * (lib/membership), the remover's device signs what was decided (this plan, this version, who,
 * when and why) with its Ed25519 key, and the signature is stored on the version's record beside
 * the decision. Every copy checks it against the signed membership log, so the list of removed
 * versions names the member who really removed it, and a removal nobody signed (from a copy of the
 * extension before this, or a forged record) is shown as such and can be undone by any member.
 *
 * The signature covers the plan's genesis hash and the version's id, so it cannot be moved to
 * another plan or another version. Plans without membership (legacy) record the decision unsigned,
 * as before.
 */
import type { DeviceIdentity } from '../membership/device-identity.ts';
import type { MembershipState } from '../membership/membership-state.ts';
import { encodeBody, signedBytes, verifyBody } from '../membership/signed-json.ts';

const LABEL = 'core-group-plan version removal v1';

export interface RemovalDecision {
  by: string;
  at: string;
  why: string;
}

export interface RemovalSignature {
  /** The signing device's id (lib/membership/device-identity.ts). */
  device: string;
  /** Ed25519 signature (64 bytes) over the decision. */
  signature: Uint8Array;
}

/** A removed version as stored: its decision and, when signed, the signature. */
export interface StoredRemoval extends RemovalDecision {
  versionId: string;
  device: string;
  signature: Uint8Array;
}

/**
 * What a copy can say about a removal:
 * - `signed`: signed by a device of `name` (`agency`), a member of this plan; `former` when that
 *   member or device has since been removed.
 * - `unsigned`: no signature, in a plan whose membership is established.
 * - `forged`: a signature that is not a member device's signature of this decision.
 * - `legacy`: the plan has no membership yet (or it is not known here): nothing to check against.
 */
export type RemovalCheck =
  | { kind: 'signed'; name: string; agency: string; former: boolean }
  | { kind: 'unsigned' }
  | { kind: 'forged' }
  | { kind: 'legacy' };

const body = (genesisHash: string, versionId: string, d: RemovalDecision) =>
  encodeBody({ plan: genesisHash, version: versionId, by: d.by, at: d.at, why: d.why });

/**
 * Signs `decision` to remove `versionId` with this device's key. Null when the plan has no
 * established membership (the decision is then recorded unsigned); RangeError when this device
 * is not a current member's (it may not decide for the plan).
 */
export async function signRemoval(state: MembershipState, identity: DeviceIdentity, versionId: string, decision: RemovalDecision): Promise<RemovalSignature | null> {
  if (state.kind !== 'established' || !state.genesisHash) return null;
  const device = state.devices.get(identity.deviceId);
  const member = device && state.members.find((m) => m.memberId === device.memberId);
  if (!device || device.removed || !member || member.removed) throw new RangeError('signRemoval: this device is not a member of the plan');
  const signature = await identity.sign(signedBytes(LABEL, body(state.genesisHash, versionId, decision)));
  return { device: identity.deviceId, signature };
}

/** Checks a stored removal against the plan's membership (never throws). */
export async function checkRemoval(state: MembershipState | null, removal: StoredRemoval): Promise<RemovalCheck> {
  if (!state || state.kind !== 'established' || !state.genesisHash) return { kind: 'legacy' };
  if (removal.device === '' && removal.signature.length === 0) return { kind: 'unsigned' };
  const device = state.devices.get(removal.device);
  const member = device && state.members.find((m) => m.memberId === device.memberId);
  if (!device || !member) return { kind: 'forged' };
  const ok = await verifyBody(LABEL, device.signingPublic, body(state.genesisHash, removal.versionId, removal), removal.signature);
  if (!ok) return { kind: 'forged' };
  return { kind: 'signed', name: member.info.name, agency: member.info.agency, former: Boolean(device.removed || member.removed) };
}
