/** What folding a plan's membership log gives (membership-fold.ts). */
import type { MemberInfo } from './join-request.ts';

export interface DeviceRecord {
  deviceId: string;
  memberId: string;
  signingPublic: Uint8Array;
  agreementPublic: Uint8Array;
  admittedAt: string;
  /** `by` is the memberId of the chair who removed it. */
  removed?: { at: string; by: string };
}

export interface MemberRecord {
  memberId: string;
  info: MemberInfo;
  chair: boolean;
  devices: DeviceRecord[];
  removed?: { at: string; by: string; reason?: string };
}

export interface MembershipState {
  /** legacy: no genesis yet (plans shared before membership); untrusted: the genesis is not the pinned one. */
  kind: 'legacy' | 'established' | 'untrusted';
  genesisHash: string | null;
  /** The plan id the genesis names (null while legacy). */
  planId: string | null;
  members: MemberRecord[];
  /** Every device ever admitted, removed ones included (see `removed`). */
  devices: Map<string, DeviceRecord>;
  epoch: number;
  /** The current epoch secret, sealed per deviceId. */
  sealedFor: Map<string, Uint8Array>;
  /** Verified clientID → deviceId. */
  clients: Map<number, string>;
  /** tokenHash → who invited (deviceId), when, and the device admitted on it. */
  invitations: Map<string, { by: string; at: string; usedBy?: string }>;
  /** A removed device still holds the current epoch's secret: the chair should rotate. */
  needsRotation: boolean;
  /** Current devices without a sealed copy of the current epoch secret (admitted during a rotation). */
  devicesWithoutKey: string[];
  /** Entries that were not applied: malformed, badly signed, not allowed, replayed, stale. */
  ignored: number;
  /** How many device admissions (genesis included) the fold applied: rotations record what they saw. */
  admissions: number;
}

/** The state of a plan with no membership log. */
export function legacyState(ignored = 0): MembershipState {
  return {
    kind: 'legacy',
    genesisHash: null,
    planId: null,
    members: [],
    devices: new Map(),
    epoch: 0,
    sealedFor: new Map(),
    clients: new Map(),
    invitations: new Map(),
    needsRotation: false,
    devicesWithoutKey: [],
    ignored,
    admissions: 0,
  };
}

/** The context an epoch secret is sealed under for one device: bound to plan, epoch and device. */
export const epochContext = (planId: string, epoch: number, deviceId: string): string => `core-group-plan epoch v1 ${planId} ${epoch} ${deviceId}`;

/** The current (not removed) devices. */
export function currentDevices(state: MembershipState): DeviceRecord[] {
  return [...state.devices.values()].filter((d) => !d.removed);
}

/** The member a current device belongs to, or null. */
export function memberOfDevice(state: MembershipState, deviceId: string): MemberRecord | null {
  const device = state.devices.get(deviceId);
  if (!device || device.removed) return null;
  const member = state.members.find((m) => m.memberId === device.memberId);
  return member && !member.removed ? member : null;
}
