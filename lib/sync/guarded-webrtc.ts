/**
 * Puts y-webrtc's incoming side behind the update guard. y-webrtc reads each data-channel frame
 * with its module-private `readMessage`, which applies updates straight to the document and throws
 * inside the channel's event handler on a malformed frame (half applying some). Its room is
 * public on the provider once the room key is derived, and each connection's simple-peer is an
 * event emitter, so for every connection the room adds we replace y-webrtc's 'data' listener with
 * `readPeerFrame` (guard/peer-frames.ts): a frame is applied through the guard or not at all, and
 * a bad one drops that peer. y-webrtc's own BroadcastChannel between pages of this browser is
 * switched off: local-channel.ts does that job, through the same guard.
 *
 * With `signing` (every plan session passes it), each connection's `peer.send`, through which all
 * of y-webrtc's output goes, is wrapped: every frame leaves signed (signed-frame.ts), in the order
 * it was sent. What arrives is checked (frame-checks.ts) before `readPeerFrame`, one frame at a
 * time per connection: a frame from a device the plan does not know yet stops that connection's
 * frames until the membership changes (at most MAX_HELD of them, then the peer is dropped); a
 * refused frame drops the peer. A live update that carries other members' structs (ours relaying
 * what the relay or another page brought) goes as sync step 2: catch-up, vouched for by us.
 *
 * When a signed connection closes, the colleague's presence (their session's awareness entry,
 * named by the frames' `author`) goes at once, unless another open connection speaks for the same
 * session. y-webrtc leaves it to the colleague's page to say it is leaving as it unloads, and that
 * last message cannot be signed in time (signing is asynchronous): without this, a colleague who
 * reloaded stayed "here" twice for up to 30 s, until y-protocols' timeout.
 */
import type { WebrtcProvider } from 'y-webrtc';
import * as bc from 'lib0/broadcastchannel';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import type { UpdateGuard } from './guard/update-guard.ts';
import { readPeerFrame, type FrameOutcome } from './guard/peer-frames.ts';
import { PEER_LIMITS, PeerRateLimit } from './guard/token-bucket.ts';
import { writtenOnlyBy, type Checked, type FrameAuth } from './frame-checks.ts';
import { roomContext } from './signed-frame.ts';
import { relabelRelayedUpdate } from './relayed-update.ts';
import { forgetPresence } from './presence.ts';

/** Frames one connection may have waiting behind one from a signer not known yet. */
export const MAX_HELD = 256;

export interface SignedPeers {
  auth: FrameAuth;
  /** Calls `listener` whenever the plan's membership changes; returns the unsubscribe. */
  onMembershipChange(listener: () => void): () => void;
  /** Every accepted frame (the per-device counters follow them). */
  onAccepted?(checked: Extract<Checked, { kind: 'ok' }>): void;
}

interface GuardedConn {
  remotePeerId: string;
  synced: boolean;
  peer: {
    send(data: Uint8Array): void;
    destroy(): void;
    on(event: 'data', listener: (data: Uint8Array) => void): void;
    on(event: 'close', listener: () => void): void;
    removeAllListeners(event: 'data'): void;
  };
}

interface RoomInternals {
  name: string;
  bcconnected: boolean;
  _bcSubscriber: (data: ArrayBuffer) => void;
  webrtcConns: Map<string, GuardedConn>;
}

/** Called for every frame outcome (tests and the bench follow them). */
export type FrameListener = (outcome: FrameOutcome, peer: string) => void;

export function guardProvider(
  provider: WebrtcProvider,
  doc: Y.Doc,
  awareness: Awareness,
  guard: UpdateGuard,
  onFrame: FrameListener = () => {},
  signing: SignedPeers | null = null,
): Promise<void> {
  const limits = {
    updates: new PeerRateLimit(PEER_LIMITS.updates, () => Date.now()),
    awareness: new PeerRateLimit(PEER_LIMITS.awareness, () => Date.now()),
  };
  // The provider derives the room key, then opens and connects the room, in this same promise
  // chain: our step runs right after, before any signaling message can add a connection.
  return (provider.key as Promise<unknown>).then(() => {
    const room = (provider as unknown as { room: RoomInternals | null }).room;
    if (!room) return;
    bc.unsubscribe(room.name, room._bcSubscriber);
    room._bcSubscriber = () => {};
    room.bcconnected = false;
    const context = { doc, awareness, guard, limits, origin: room };
    const readFrame = (conn: GuardedConn, data: Uint8Array, author: number | null = null) => {
      const outcome = readPeerFrame(data, conn.remotePeerId, author === null ? context : { ...context, author });
      onFrame(outcome, conn.remotePeerId);
      if (outcome.kind === 'drop-peer') {
        limits.updates.forget(conn.remotePeerId);
        limits.awareness.forget(conn.remotePeerId);
        conn.peer.destroy();
        return;
      }
      if (outcome.kind !== 'ok') return;
      if (outcome.synced) conn.synced = true;
      if (outcome.reply) {
        try {
          conn.peer.send(outcome.reply);
        } catch {
          // closing as we answer: y-webrtc notices and replaces the connection
        }
      }
    };
    // The session each signed connection speaks for (the clientID its frames are written under).
    const authors = new Map<GuardedConn, number>();
    const guardConn = (conn: GuardedConn) => {
      conn.peer.removeAllListeners('data');
      if (!signing) return conn.peer.on('data', (data) => readFrame(conn, data));
      signConn(conn, signing, roomContext(room.name), doc, (data, author) => {
        if (author !== null) authors.set(conn, author);
        readFrame(conn, data, author);
      });
      conn.peer.on('close', () => {
        const author = authors.get(conn);
        authors.delete(conn);
        if (author !== undefined && ![...authors.values()].includes(author)) forgetPresence(awareness, author);
      });
    };
    for (const conn of room.webrtcConns.values()) guardConn(conn);
    const conns = room.webrtcConns;
    const set = conns.set.bind(conns);
    conns.set = (id, conn) => {
      guardConn(conn);
      return set(id, conn);
    };
  });
}

/** Signs everything `conn` sends and checks everything it receives (see the top of this file). */
function signConn(conn: GuardedConn, signing: SignedPeers, context: Uint8Array, doc: Y.Doc, read: (data: Uint8Array, author: number | null) => void): void {
  const send = conn.peer.send.bind(conn.peer);
  let sending: Promise<void> = Promise.resolve();
  conn.peer.send = (data: Uint8Array) => {
    // Signed at once (in parallel), sent in order.
    const signed = signing.auth.sign(context, relabelRelayedUpdate(data, (update) => writtenOnlyBy(update, doc.clientID)));
    sending = sending.then(
      () => signed.then((frame) => {
        try {
          send(frame);
        } catch {
          // closing as we send: y-webrtc notices and replaces the connection
        }
      }),
      () => {},
    ).catch(() => {});
  };
  let receiving: Promise<void> = Promise.resolve();
  /** Frames waiting behind one from a signer not known yet (bounded); null while nothing waits so. */
  let held: number | null = null;
  let dropped = false;
  const drop = () => {
    dropped = true;
    conn.peer.destroy();
  };
  const membershipChanged = () =>
    new Promise<void>((resolve) => {
      const stop = signing.onMembershipChange(() => {
        stop();
        resolve();
      });
    });
  conn.peer.on('data', (data) => {
    if (dropped) return;
    if (held !== null && ++held > MAX_HELD) return drop();
    receiving = receiving
      .then(async () => {
        if (dropped) return;
        let checked = await signing.auth.check(data, context);
        while (checked.kind === 'unknown-signer' && !dropped) {
          held ??= 0;
          await membershipChanged();
          checked = await signing.auth.check(data, context);
        }
        held = null;
        if (dropped) return;
        if (checked.kind !== 'ok') return drop();
        signing.onAccepted?.(checked);
        read(checked.body, checked.author);
      })
      .catch(() => drop());
  });
}
