/**
 * Peer-to-peer sync of one plan with the other core group members' browsers, through y-webrtc.
 * Runs in an extension page (WebRTC cannot run in a service worker).
 *
 * The signaling server relays only y-webrtc's offers and answers, encrypted with the room password
 * (AES-GCM, key from the invite); the document itself flows over DTLS data channels peer to peer.
 *
 * Reconnection: y-webrtc keys each peer's connection by a peer id that lives as long as the
 * provider. After a network change or sleep, a colleague's browser may still hold a dead
 * connection under our old id and ignore our announcements until it times out, so edits flow one
 * way only (or not at all) for a while. When our signaling comes back after an outage, or the
 * browser reports it is online again, we therefore rebuild the provider: a new peer id, fresh
 * connections, and a full two-way sync (sync step 1 both ways) as they connect.
 */
import type * as Y from 'yjs';
import { WebrtcProvider } from 'y-webrtc';
import type { Awareness } from 'y-protocols/awareness';
import type { RoomKeys } from './invite.ts';
import type { NetworkSettings } from '../settings/network.ts';

export interface PeerStatus {
  /** Whether any signaling server is reachable. */
  signaling: 'connecting' | 'connected' | 'offline';
  /** Other members' browsers connected to us now. */
  peers: number;
}

export interface PeerSync {
  readonly status: PeerStatus;
  onStatus(listener: (status: PeerStatus) => void): () => void;
  /** Forces fresh connections (what happens by itself after an outage). */
  reconnect(): void;
  destroy(): void;
}

/** How often the status is re-read: y-webrtc raises no event when a connection opens. */
const STATUS_POLL_MS = 500;

interface ProviderInternals {
  signalingConns: { connected: boolean }[];
  room: { webrtcConns: Map<string, { connected: boolean }> } | null;
}

export function startPeerSync(
  doc: Y.Doc,
  keys: RoomKeys,
  network: NetworkSettings,
  awareness: Awareness,
  onRebuilt: () => void = () => {},
  win: Window | undefined = globalThis.window,
): PeerSync {
  const listeners = new Set<(status: PeerStatus) => void>();
  let status: PeerStatus = { signaling: 'connecting', peers: 0 };
  let everConnected = false;
  let wasConnected = false;
  let provider = build();

  function build(): WebrtcProvider {
    return new WebrtcProvider(keys.roomName, doc, {
      signaling: network.signaling,
      password: keys.password,
      awareness,
      peerOpts: { config: { iceServers: network.iceServers } },
    });
  }

  function read(): PeerStatus {
    const internals = provider as unknown as ProviderInternals;
    const signalingUp = internals.signalingConns.some((c) => c.connected);
    const peers = [...(internals.room?.webrtcConns.values() ?? [])].filter((c) => c.connected).length;
    if (signalingUp) everConnected = true;
    return { signaling: signalingUp ? 'connected' : everConnected ? 'offline' : 'connecting', peers };
  }

  function rebuild() {
    provider.destroy();
    provider = build();
    // Until the new provider's signaling connects, we are connecting, not offline.
    everConnected = false;
    onRebuilt();
  }

  const tick = () => {
    const next = read();
    const signalingUp = next.signaling === 'connected';
    // Back after an outage: start afresh so no colleague is stuck on a dead connection to us.
    if (signalingUp && !wasConnected && everConnected && status.signaling === 'offline') rebuild();
    wasConnected = signalingUp;
    if (next.signaling !== status.signaling || next.peers !== status.peers) {
      status = next;
      for (const listener of listeners) listener(status);
    }
  };
  const timer = setInterval(tick, STATUS_POLL_MS);
  const onOnline = () => rebuild();
  win?.addEventListener('online', onOnline);

  return {
    get status() {
      return status;
    },
    onStatus(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    reconnect: rebuild,
    destroy() {
      clearInterval(timer);
      win?.removeEventListener('online', onOnline);
      listeners.clear();
      provider.destroy();
    },
  };
}
