/**
 * When this device was last connected to a colleague over WebRTC, kept on the device (in the
 * plan's database, never in the shared document) so "Last in touch with colleagues 3 days ago" is
 * true after the plan is reopened, not only while a peer is connected. While peers are connected
 * the time is stored at most once a minute; when the last one goes, at once.
 */
import type { PeerStatus, PeerSync } from './peer-sync.ts';

export const PEER_CONTACT_KEY = 'peer-last-contact';
/** While colleagues stay connected, the stored time moves on this often. */
export const PEER_CONTACT_EVERY_MS = 60_000;

export interface ContactStore {
  load(): Promise<unknown>;
  save(at: number): Promise<void>;
}

/** The later of two contact times (null: never). */
export const laterContact = (a: number | null, b: number | null): number | null => (a === null ? b : b === null ? a : Math.max(a, b));

/** What to store after seeing `peers` connected at `now`, given what was stored last (`null`: nothing to store). */
export function contactToStore(stored: number | null, peers: number, wasConnected: boolean, now: number): number | null {
  if (peers > 0) return stored === null || now - stored >= PEER_CONTACT_EVERY_MS || !wasConnected ? now : null;
  return wasConnected ? now : null; // the last colleague just went: in touch until now
}

const time = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : null);

/**
 * `peers` with `lastContactAt` in its status: the stored time, moved on while colleagues are
 * connected. The clock is passed in; `tickMs` re-reads it while connected.
 */
export function withPeerContact(peers: PeerSync, store: ContactStore, now: () => number = Date.now, tickMs = PEER_CONTACT_EVERY_MS): PeerSync {
  let lastContactAt: number | null = null;
  let stored: number | null = null;
  let connected = false;
  const listeners = new Set<(status: PeerStatus) => void>();
  const current = (): PeerStatus => ({ ...peers.status, lastContactAt });
  let status = current();
  const emit = () => {
    status = current();
    for (const listener of listeners) listener(status);
  };
  const see = (s: PeerStatus) => {
    const at = contactToStore(stored, s.peers, connected, now());
    connected = s.peers > 0;
    if (at !== null) {
      stored = at;
      lastContactAt = laterContact(lastContactAt, at);
      void store.save(at).catch(() => {});
    }
    emit();
  };
  void store.load().then(
    (v) => {
      lastContactAt = laterContact(lastContactAt, time(v));
      stored ??= time(v);
      emit();
    },
    () => {},
  );
  const unsubscribe = peers.onStatus(see);
  const timer = setInterval(() => connected && see(peers.status), tickMs);
  see(peers.status);
  return {
    get status() {
      return status;
    },
    onStatus(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    reconnect: () => peers.reconnect(),
    destroy() {
      clearInterval(timer);
      unsubscribe();
      if (connected) void store.save(now()).catch(() => {});
      listeners.clear();
      peers.destroy();
    },
  };
}
