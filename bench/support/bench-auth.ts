/**
 * Signing for the bench devices: one device identity (in a fake IndexedDB, as the extension keeps it
 * in the profile's), a fresh session nonce per document, and the checks of a legacy plan (frames
 * signed, signers not checked) unless a membership is given.
 */
import { IDBFactory } from 'fake-indexeddb';
import type * as Y from 'yjs';
import { clientIdFor, loadDeviceIdentity, newClientNonce, verifySignature, type DeviceIdentity } from '../../lib/membership/index.ts';
import { legacyState } from '../../lib/membership/membership-state.ts';
import { createFrameAuth, type FrameAuth, type MembershipView } from '../../lib/sync/frame-checks.ts';
import { trackDeviceProgress } from '../../lib/sync/device-progress.ts';

export const benchIdentity: DeviceIdentity = await loadDeviceIdentity({ indexedDB: new IDBFactory() });

export function benchAuth(doc: Y.Doc, membership: () => MembershipView = legacyState, identity: DeviceIdentity = benchIdentity): FrameAuth {
  const nonce = newClientNonce();
  return createFrameAuth({ identity, nonce: () => nonce, crypto: { verifySignature, clientIdFor }, membership, progress: trackDeviceProgress(doc).own });
}
