/**
 * The plan's membership, read from its signed log (root `membership`, lib/plan/membership-entries.ts):
 * who the members are, their devices, the current key epoch and this device's sealed copy of its
 * secret. See membership-fold.ts for the rules every copy applies, log-entry.ts for the bytes.
 */
import type * as Y from 'yjs';
import { membershipElementsWithPlaces } from '../plan/membership-entries.ts';
import { decodeSecret } from '../sync/invite.ts';
import type { DeviceIdentity } from './device-identity.ts';
import { foldMembership } from './membership-fold.ts';
import { epochContext, type MembershipState } from './membership-state.ts';
import { openSealed } from './seal-to-device.ts';
import { fromUtf8 } from './bytes.ts';

export type { DeviceRecord, MemberRecord, MembershipState } from './membership-state.ts';

/** Folds the doc's membership log; `pinnedGenesis` is the genesis hash this device accepted first (or its welcome's). */
export function readMembership(doc: Y.Doc, pinnedGenesis?: string | null): Promise<MembershipState> {
  const { elements, places } = membershipElementsWithPlaces(doc);
  return foldMembership(elements, pinnedGenesis, places);
}

/** The current epoch's secret as sealed to this device, or null (not a member, no copy, or it does not open). */
export async function epochSecretFor(state: MembershipState, identity: DeviceIdentity): Promise<string | null> {
  if (state.kind !== 'established' || state.planId === null) return null;
  const device = state.devices.get(identity.deviceId);
  const sealed = state.sealedFor.get(identity.deviceId);
  if (!device || device.removed || !sealed) return null;
  const plain = await openSealed(identity, sealed, epochContext(state.planId, state.epoch, identity.deviceId));
  const secret = plain && fromUtf8(plain);
  return secret && decodeSecret(secret) ? secret : null;
}
