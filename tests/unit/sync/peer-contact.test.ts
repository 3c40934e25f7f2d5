import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PeerStatus, PeerSync } from '../../../lib/sync/peer-sync.ts';
import { contactToStore, laterContact, PEER_CONTACT_EVERY_MS, withPeerContact, type ContactStore } from '../../../lib/sync/peer-contact.ts';

const T0 = Date.UTC(2026, 11, 7, 9, 0);

describe('contactToStore', () => {
  it('stores the moment colleagues connect, then once a minute, and the moment the last one goes', () => {
    expect(contactToStore(null, 1, false, T0)).toBe(T0);
    expect(contactToStore(T0, 1, true, T0 + 10_000)).toBeNull();
    expect(contactToStore(T0, 2, true, T0 + PEER_CONTACT_EVERY_MS)).toBe(T0 + PEER_CONTACT_EVERY_MS);
    expect(contactToStore(T0, 0, true, T0 + 30_000)).toBe(T0 + 30_000);
    expect(contactToStore(T0, 0, false, T0 + 30_000)).toBeNull();
    expect(contactToStore(T0, 1, false, T0 + 5_000)).toBe(T0 + 5_000);
  });

  it('takes the later of two times', () => {
    expect(laterContact(null, null)).toBeNull();
    expect(laterContact(T0, null)).toBe(T0);
    expect(laterContact(null, T0)).toBe(T0);
    expect(laterContact(T0, T0 + 1)).toBe(T0 + 1);
  });
});

/** A peer sync whose status the test sets. */
function fakePeers() {
  let status: PeerStatus = { signaling: 'connected', peers: 0 };
  const listeners = new Set<(s: PeerStatus) => void>();
  const peers: PeerSync = {
    get status() {
      return status;
    },
    onStatus: (l) => (listeners.add(l), () => listeners.delete(l)),
    reconnect() {},
    destroy() {},
  };
  return { peers, set: (n: number) => ((status = { ...status, peers: n }), listeners.forEach((l) => l(status))) };
}

afterEach(() => vi.useRealTimers());

describe('withPeerContact', () => {
  it('remembers when a colleague was last connected, across a reopen', async () => {
    vi.useFakeTimers();
    let now = T0;
    const values = new Map<string, unknown>();
    const store: ContactStore = { load: async () => values.get('at'), save: async (at) => void values.set('at', at) };

    const first = fakePeers();
    const tracked = withPeerContact(first.peers, store, () => now);
    await vi.runOnlyPendingTimersAsync();
    expect(tracked.status.lastContactAt).toBeNull();
    first.set(1);
    expect(tracked.status.lastContactAt).toBe(T0);
    now += 5 * PEER_CONTACT_EVERY_MS;
    await vi.advanceTimersByTimeAsync(PEER_CONTACT_EVERY_MS);
    expect(values.get('at')).toBe(now);
    now += 30_000;
    first.set(0);
    expect(values.get('at')).toBe(T0 + 5 * PEER_CONTACT_EVERY_MS + 30_000);
    tracked.destroy();

    now += 3 * 24 * 3600_000;
    const reopened = withPeerContact(fakePeers().peers, store, () => now);
    await vi.runOnlyPendingTimersAsync();
    expect(reopened.status.lastContactAt).toBe(T0 + 5 * PEER_CONTACT_EVERY_MS + 30_000);
    reopened.destroy();
  });
});
