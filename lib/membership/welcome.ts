/**
 * The welcome an admitting device seals to a joiner's agreement key (context
 * 'core-group-plan welcome v1'): the plan id, the current epoch and its secret, the genesis hash
 * the joiner pins, and the family name to list the plan under until the document arrives.
 */
import type { DeviceIdentity } from './device-identity.ts';
import { fromHex, fromUtf8, utf8 } from './bytes.ts';
import { openSealed, sealToDevice } from './seal-to-device.ts';
import { decodeSecret } from '../sync/invite.ts';

export interface Welcome {
  planId: string;
  epoch: number;
  epochSecret: string;
  genesisHash: string;
  familyName: string;
}

/** Plan ids are 32 hex characters today; anything id-like up to 64 characters is accepted. */
export const PLAN_ID = /^[A-Za-z0-9_-]{1,64}$/;

export const WELCOME_CONTEXT = 'core-group-plan welcome v1';

export async function sealWelcome(w: Welcome, joinerAgreementPublic: Uint8Array): Promise<Uint8Array> {
  if (!readWelcome(w)) throw new RangeError('sealWelcome: not a well-formed welcome');
  const { planId, epoch, epochSecret, genesisHash, familyName } = w;
  return sealToDevice(joinerAgreementPublic, utf8(JSON.stringify({ planId, epoch, epochSecret, genesisHash, familyName })), WELCOME_CONTEXT);
}

export async function openWelcome(identity: DeviceIdentity, sealed: Uint8Array): Promise<Welcome | null> {
  const plain = await openSealed(identity, sealed, WELCOME_CONTEXT);
  const text = plain && fromUtf8(plain);
  if (!text) return null;
  try {
    return readWelcome(JSON.parse(text));
  } catch {
    return null;
  }
}

function readWelcome(value: unknown): Welcome | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  if (typeof v.planId !== 'string' || !PLAN_ID.test(v.planId)) return null;
  if (typeof v.epoch !== 'number' || !Number.isSafeInteger(v.epoch) || v.epoch < 0) return null;
  if (typeof v.epochSecret !== 'string' || !decodeSecret(v.epochSecret)) return null;
  if (typeof v.genesisHash !== 'string' || !fromHex(v.genesisHash, 32)) return null;
  if (typeof v.familyName !== 'string' || v.familyName.length > 500) return null;
  return { planId: v.planId, epoch: v.epoch, epochSecret: v.epochSecret, genesisHash: v.genesisHash, familyName: v.familyName };
}
