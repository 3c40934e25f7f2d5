/**
 * A shared plan's transports for one membership epoch: y-webrtc in the epoch's room (unless the
 * settings say relay only) and the relay in the epoch's relay room (when one is set), both signing
 * everything they send and checking everything they receive (frame-checks.ts).
 *
 * Moving to a new epoch (ARCHITECTURE.md, "Membership with keys"): everything this device has is
 * pushed to the old relay room and acknowledged (so a member who has not moved yet still finds it, the removal among
 * it); the old room is handed to a fresh random write key nobody keeps (SET_KEY), so a removed
 * device can no longer write there; the old WebRTC room is left and the new one joined; the new
 * relay room is seeded from this copy on its first catch-up. Moving to nothing (this device was
 * removed) stops both without locking anything.
 */
import type * as Y from 'yjs';
import type { Awareness } from 'y-protocols/awareness';
import { deriveRoomKeys } from './invite.ts';
import type { PeerSync } from './peer-sync.ts';
import { PEER_CONTACT_KEY, withPeerContact, type ContactStore } from './peer-contact.ts';
import type { NetworkSettings } from '../settings/network.ts';
import type { UpdateGuard } from './guard/update-guard.ts';
import type { RelaySync } from './relay/relay-sync.ts';
import type { PlanPersistence } from './persistence.ts';
import type { SignedPeers } from './guarded-webrtc.ts';

export interface EpochTarget {
  epoch: number;
  secret: string;
}

export interface TransportDeps {
  doc: Y.Doc;
  awareness: Awareness;
  guard: UpdateGuard;
  persistence: PlanPersistence;
  /** Signing, checking and following the membership, for both transports. */
  signing: SignedPeers;
  network: NetworkSettings;
  onRebuilt?: () => void;
  /** How long to wait for the old relay room to acknowledge everything before moving (ms). */
  flushTimeoutMs?: number;
}

export interface Transports {
  readonly peers: PeerSync | null;
  readonly relay: RelaySync | null;
  readonly target: EpochTarget | null;
  /** Moves to `target`'s rooms (null: stops syncing); resolves once the new rooms are joined. */
  moveTo(target: EpochTarget | null): Promise<void>;
  /** Calls `listener` after every move (peers and relay are new objects); returns the unsubscribe. */
  onMoved(listener: () => void): () => void;
  destroy(): Promise<void>;
}

const FLUSH_TIMEOUT_MS = 10_000;

export function sessionTransports(deps: TransportDeps): Transports {
  let peers: PeerSync | null = null;
  let relay: RelaySync | null = null;
  let target: EpochTarget | null = null;
  let destroyed = false;
  const listeners = new Set<() => void>();

  async function start(next: EpochTarget): Promise<void> {
    const { doc, awareness, guard, persistence, signing, network } = deps;
    // y-webrtc (with the Node stream and buffer shims simple-peer brings) and the relay client
    // load only for a shared plan, and after the plan has rendered.
    const [keys, webrtc, relayKeys, relayModules] = await Promise.all([
      deriveRoomKeys(next.secret),
      network.relayOnly ? null : import('./peer-sync.ts'),
      network.relay ? import('./relay/keys.ts').then((m) => m.deriveRelayKeys(next.secret)) : null,
      network.relay ? Promise.all([import('./relay/relay-sync.ts'), import('./relay/relay-store.ts')]) : null,
    ]);
    if (destroyed) throw new Error('The plan was closed before it could be shared');
    if (webrtc) {
      const contact: ContactStore = { load: () => persistence.readExtra(PEER_CONTACT_KEY), save: (at) => persistence.writeExtra(PEER_CONTACT_KEY, at) };
      peers = withPeerContact(webrtc.startPeerSync(doc, keys, network, awareness, guard, deps.onRebuilt, undefined, signing), contact);
    }
    if (relayKeys && relayModules) {
      const [{ startRelaySync }, { planRelayStore }] = relayModules;
      relay = startRelaySync(doc, relayKeys, {
        url: network.relay,
        guard,
        store: planRelayStore(persistence, next.epoch),
        auth: signing.auth,
        onMembershipChange: signing.onMembershipChange,
        onAccepted: signing.onAccepted,
        onWarning: (w) => console.warn(w),
      });
    }
  }

  async function stop(lockOut: boolean): Promise<void> {
    const [oldPeers, oldRelay] = [peers, relay];
    if (oldRelay && lockOut) {
      // Everything we have reaches the old room first; then nobody can write it again.
      await oldRelay.pullOnce(deps.flushTimeoutMs ?? FLUSH_TIMEOUT_MS).catch(() => {});
      await oldRelay.lockOut().catch(() => false);
    }
    oldPeers?.destroy();
    await oldRelay?.destroy();
    if (peers === oldPeers) peers = null;
    if (relay === oldRelay) relay = null;
  }

  let moving: Promise<void> = Promise.resolve();
  return {
    get peers() {
      return peers;
    },
    get relay() {
      return relay;
    },
    get target() {
      return target;
    },
    moveTo(next) {
      const run = moving.then(async () => {
        if (destroyed || next?.secret === target?.secret) return;
        const previous = target;
        target = next;
        try {
          if (previous) await stop(next !== null && next.epoch > previous.epoch);
          if (next && !destroyed) await start(next);
        } finally {
          for (const listener of listeners) listener();
        }
      });
      moving = run.catch(() => {});
      return run;
    },
    onMoved(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async destroy() {
      destroyed = true;
      listeners.clear();
      await moving;
      peers?.destroy();
      await relay?.destroy();
      peers = null;
      relay = null;
    },
  };
}
