/**
 * An open plan's membership as its session sees it: the folded log (lib/membership) and this
 * device's standing in it, read again on every change of the log (root `membership`), in order,
 * the latest read winning. The genesis this device first accepted is pinned in the plan's database
 * (a later genesis that differs makes the membership 'untrusted').
 */
import type * as Y from 'yjs';
import { readMembership, type DeviceIdentity, type MembershipState } from '../membership/index.ts';
import { ROOT } from '../plan/roots.ts';

export type Standing =
  | { kind: 'legacy' }
  | { kind: 'member' }
  /** Established without this device (yet): a legacy device waiting to be confirmed, or a joiner before the log arrived. */
  | { kind: 'pending' }
  | { kind: 'removed'; at: string; by: string };

export interface SessionMembership {
  state: MembershipState;
  standing: Standing;
}

export interface MembershipFollower {
  readonly current: SessionMembership;
  /** Resolves once the stored log has been read the first time. */
  readonly ready: Promise<void>;
  /** Calls `listener` after every change of the membership (state or standing); returns the unsubscribe. */
  onChange(listener: (membership: SessionMembership) => void): () => void;
  destroy(): void;
}

/** Where the pinned genesis hash is kept (the plan's database extras). */
export const GENESIS_PIN_KEY = 'membership-genesis';

export interface PinStore {
  load(): Promise<unknown>;
  save(hash: string): Promise<void>;
}

export function standingOf(state: MembershipState, deviceId: string): Standing {
  if (state.kind === 'legacy') return { kind: 'legacy' };
  const device = state.devices.get(deviceId);
  if (state.kind === 'untrusted' || !device) return { kind: 'pending' };
  const member = state.members.find((m) => m.memberId === device.memberId);
  const removed = device.removed ?? member?.removed;
  return removed ? { kind: 'removed', at: removed.at, by: removed.by } : { kind: 'member' };
}

export function followMembership(doc: Y.Doc, identity: DeviceIdentity, pin: PinStore, initial: MembershipState): MembershipFollower {
  const listeners = new Set<(membership: SessionMembership) => void>();
  let current: SessionMembership = { state: initial, standing: standingOf(initial, identity.deviceId) };
  let pinned: string | null = null;
  let reading: Promise<void> = Promise.resolve();
  let wanted = 0;
  let destroyed = false;

  const read = () => {
    const serial = ++wanted;
    reading = reading
      .then(async () => {
        if (serial !== wanted || destroyed) return; // a later change reads again anyway
        const state = await readMembership(doc, pinned);
        if (destroyed) return;
        if (state.kind === 'established' && pinned === null && state.genesisHash) {
          pinned = state.genesisHash;
          await pin.save(pinned).catch(() => {});
        }
        current = { state, standing: standingOf(state, identity.deviceId) };
        for (const listener of listeners) listener(current);
      })
      .catch((error: unknown) => console.warn('The plan’s membership could not be read', error));
    return reading;
  };

  const log = doc.getArray(ROOT.membership);
  const observer = () => void read();
  log.observe(observer);
  const ready = (async () => {
    const stored = await pin.load().catch(() => null);
    pinned = typeof stored === 'string' && /^[0-9a-f]{64}$/.test(stored) ? stored : null;
    await read();
  })();

  return {
    get current() {
      return current;
    },
    ready,
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    destroy() {
      destroyed = true;
      log.unobserve(observer);
      listeners.clear();
    },
  };
}
