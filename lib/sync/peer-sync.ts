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
 * way only (or not at all) for a while. When our signaling comes back after an outage and no
 * colleague has connected again within a short grace, or the browser reports it is online again,
 * we therefore rebuild the provider: a new peer id, fresh connections, and a full two-way sync
 * (sync step 1 both ways) as they connect.
 *
 * What a colleague's browser sends is read by guarded-webrtc.ts, never by y-webrtc itself: every
 * update goes through the plan's update guard, and a bad frame drops that peer.
 */
import type * as Y from 'yjs';
import { WebrtcProvider } from 'y-webrtc';
import * as encoding from 'lib0/encoding';
import { writeSyncStep1 } from 'y-protocols/sync';
import type { Awareness } from 'y-protocols/awareness';
import type { RoomKeys } from './invite.ts';
import type { NetworkSettings } from '../settings/network.ts';
import { peerLiveness } from './peer-liveness.ts';
import type { UpdateGuard } from './guard/update-guard.ts';
import { guardProvider, type SignedPeers } from './guarded-webrtc.ts';

export interface PeerStatus {
  /** Whether any signaling server is reachable. */
  signaling: 'connecting' | 'connected' | 'offline';
  /** Other members' browsers connected to us now. */
  peers: number;
  /** When a colleague was last connected (ms), across restarts (peer-contact.ts); absent: not known. */
  lastContactAt?: number | null;
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
/**
 * y-webrtc announces a peer only when it connects to signaling or loses a connection; two browsers
 * that both reached the server but missed each other's announcement (a restart race, a stale
 * connection held elsewhere) would wait for ever. Alone this long while the server is reachable,
 * we start afresh, which announces again under a new peer id. Cheap: one subscribe and announce.
 */
const ALONE_REBUILD_MS = 15_000;
/**
 * Back after an outage, how long we wait for colleagues to connect again by themselves before
 * starting afresh (between this and twice this, at random, per page).
 */
const OUTAGE_GRACE_MS = 2000;
/**
 * Anti-entropy: every few seconds we send each connected peer our state vector (sync step 1, as
 * y-webrtc does once on connect), and it answers with whatever we lack. An update lost on the way
 * (a connection replaced mid-send after a reconnect, the one-way-after-reconnect symptom) is then
 * repaired within this interval instead of waiting for the next reconnect. A state vector is a few
 * bytes per member.
 */
const RESYNC_EVERY_TICKS = 6;
/**
 * A connected colleague we have heard nothing from for this long (three anti-entropy rounds, each
 * of which they answer, plus their own) is unreachable one way: we start afresh, as after an
 * outage. Without this an edit could fail to arrive for as long as the page stayed open.
 */
const QUIET_REBUILD_MS = 10_000;
/** y-webrtc's message type for sync messages (its `messageSync`). */
const MESSAGE_SYNC = 0;

interface WebrtcConnInternals {
  connected: boolean;
  peer: { send(data: Uint8Array): void; on(event: 'data', listener: () => void): void };
}

interface ProviderInternals {
  signalingConns: { connected: boolean }[];
  room: { webrtcConns: Map<string, WebrtcConnInternals> } | null;
}

export function startPeerSync(
  doc: Y.Doc,
  keys: RoomKeys,
  network: NetworkSettings,
  awareness: Awareness,
  guard: UpdateGuard,
  onRebuilt: () => void = () => {},
  win: Window | undefined = globalThis.window,
  /** Signs what we send and checks what colleagues send (guarded-webrtc.ts); null: unsigned (tests). */
  signing: SignedPeers | null = null,
): PeerSync {
  const listeners = new Set<(status: PeerStatus) => void>();
  let status: PeerStatus = { signaling: 'connecting', peers: 0 };
  let everConnected = false;
  let wasConnected = false;
  let aloneSince: number | null = null;
  /** When our signaling came back after an outage, while no colleague has connected since. */
  let backSince: number | null = null;
  const outageGraceMs = OUTAGE_GRACE_MS * (1 + Math.random());
  const liveness = peerLiveness<WebrtcConnInternals>(QUIET_REBUILD_MS, () => Date.now());
  const followed = new WeakSet<WebrtcConnInternals>();
  let provider = build();
  let destroyed = false;

  function build(): WebrtcProvider {
    const built = new WebrtcProvider(keys.roomName, doc, {
      signaling: network.signaling,
      password: keys.password,
      awareness,
      peerOpts: { config: { iceServers: network.iceServers } },
    });
    // Every frame from a colleague goes through the plan's update guard (guarded-webrtc.ts).
    void guardProvider(built, doc, awareness, guard, undefined, signing);
    return built;
  }

  function read(): PeerStatus {
    const internals = provider as unknown as ProviderInternals;
    const signalingUp = internals.signalingConns.some((c) => c.connected);
    const peers = [...(internals.room?.webrtcConns.values() ?? [])].filter((c) => c.connected).length;
    if (signalingUp) everConnected = true;
    return { signaling: signalingUp ? 'connected' : everConnected ? 'offline' : 'connecting', peers };
  }

  function rebuild() {
    aloneSince = null;
    backSince = null;
    // y-webrtc's destroy clears this page's presence ('disconnect'), at once and again as its old
    // room goes (after its key promise), and setPresence only edits a presence that exists:
    // without putting it back a member vanished from colleagues' "Here now" for good after any
    // reconnect. Put back once both clears have run.
    const presence = awareness.getLocalState();
    provider.destroy();
    provider = build();
    if (presence !== null) {
      setTimeout(() => {
        if (!destroyed && awareness.getLocalState() === null) awareness.setLocalState(presence);
      }, 0);
    }
    // Until the new provider's signaling connects, we are connecting, not offline.
    everConnected = false;
    onRebuilt();
  }

  let ticks = 0;
  const resync = () => {
    const conns = (provider as unknown as ProviderInternals).room?.webrtcConns;
    if (!conns?.size) return;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    writeSyncStep1(encoder, doc);
    const message = encoding.toUint8Array(encoder);
    for (const conn of conns.values()) {
      if (!conn.connected) continue;
      try {
        conn.peer.send(message);
      } catch {
        // A connection closing as we send: y-webrtc notices and replaces it.
      }
    }
  };

  /** Whether a connected colleague has gone quiet on us (following each new connection's data). */
  const anyQuiet = (): boolean => {
    let quiet = false;
    for (const conn of (provider as unknown as ProviderInternals).room?.webrtcConns.values() ?? []) {
      if (!conn.connected) continue;
      if (!followed.has(conn)) {
        followed.add(conn);
        conn.peer.on('data', () => liveness.heard(conn));
      }
      if (liveness.isQuiet(conn)) quiet = true;
    }
    return quiet;
  };

  const tick = () => {
    if (++ticks % RESYNC_EVERY_TICKS === 0) resync();
    if (anyQuiet()) return rebuild();
    const next = read();
    const signalingUp = next.signaling === 'connected';
    // Back after an outage: if still alone after a short grace, start afresh so no colleague is
    // stuck on a dead connection to us. y-webrtc announces again as its signaling comes back, so
    // usually the connections return on their own within the grace; rebuilding at once tore down
    // those coming back, and both sides rebuilding in the same instant could leave a connection
    // that carried frames one way only. The grace varies, so two members are not in step.
    if (signalingUp && !wasConnected && everConnected && status.signaling === 'offline') backSince = Date.now();
    wasConnected = signalingUp;
    if (backSince !== null && (!signalingUp || next.peers > 0)) backSince = null;
    if (backSince !== null && Date.now() - backSince >= outageGraceMs) rebuild();
    if (signalingUp && next.peers === 0) {
      aloneSince ??= Date.now();
      if (Date.now() - aloneSince >= ALONE_REBUILD_MS) rebuild();
    } else {
      aloneSince = null;
    }
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
      destroyed = true;
      clearInterval(timer);
      win?.removeEventListener('online', onOnline);
      listeners.clear();
      provider.destroy();
    },
  };
}
