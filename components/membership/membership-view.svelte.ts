/**
 * The plan's membership as the screens read it: the folded log, re-read whenever the log changes,
 * with this device's id and standing. An adapter over lib/membership's readMembership until the
 * session exposes the same (signed-sync's `session.membership`).
 */
import type * as Y from 'yjs';
import { readMembership, type MembershipState } from '../../lib/membership/membership-log.ts';
import { thisDevice } from '../../lib/membership/invitations.ts';

export type Standing =
  | { kind: 'legacy' | 'member' | 'pending' }
  | { kind: 'removed'; at: string; by: string };

/** This device's standing in `state`. */
export function standingOf(state: MembershipState, deviceId: string): Standing {
  if (state.kind !== 'established') return { kind: 'legacy' };
  const device = state.devices.get(deviceId);
  if (!device) return { kind: 'pending' };
  const member = state.members.find((m) => m.memberId === device.memberId);
  const removed = device.removed ?? member?.removed;
  return removed ? { kind: 'removed', at: removed.at, by: removed.by } : { kind: 'member' };
}

export interface MembershipView {
  readonly state: MembershipState | null;
  readonly deviceId: string;
  readonly standing: Standing | null;
}

/** Follows `doc`'s membership log while the calling component lives. */
export function watchMembership(doc: () => Y.Doc | null): MembershipView {
  let state = $state.raw<MembershipState | null>(null);
  let deviceId = $state('');
  $effect(() => {
    const d = doc();
    if (!d) return;
    let stopped = false;
    let reading = 0;
    const read = async () => {
      const mine = ++reading;
      const [next, device] = await Promise.all([readMembership(d), thisDevice()]);
      if (stopped || mine !== reading) return;
      deviceId = device.deviceId;
      state = next;
    };
    const log = d.getArray('membership');
    const onChange = () => void read().catch((error: unknown) => console.warn('The membership could not be read', error));
    log.observe(onChange);
    onChange();
    return () => {
      stopped = true;
      log.unobserve(onChange);
    };
  });
  return {
    get state() {
      return state;
    },
    get deviceId() {
      return deviceId;
    },
    get standing() {
      return state && deviceId ? standingOf(state, deviceId) : null;
    },
  };
}
