/**
 * Puts y-webrtc's incoming side behind the update guard. y-webrtc reads each data-channel frame
 * with its module-private `readMessage`, which applies updates straight to the document and throws
 * inside the channel's event handler on a malformed frame (half applying some). Its room is
 * public on the provider once the room key is derived, and each connection's simple-peer is an
 * event emitter, so for every connection the room adds we replace y-webrtc's 'data' listener with
 * `readPeerFrame` (guard/peer-frames.ts): a frame is applied through the guard or not at all, and
 * a bad one drops that peer. y-webrtc's own BroadcastChannel between pages of this browser is
 * switched off: local-channel.ts does that job, through the same guard.
 */
import type { WebrtcProvider } from 'y-webrtc';
import * as bc from 'lib0/broadcastchannel';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import type { UpdateGuard } from './guard/update-guard.ts';
import { readPeerFrame, type FrameOutcome } from './guard/peer-frames.ts';
import { PEER_LIMITS, PeerRateLimit } from './guard/token-bucket.ts';

interface GuardedConn {
  remotePeerId: string;
  synced: boolean;
  peer: {
    send(data: Uint8Array): void;
    destroy(): void;
    on(event: 'data', listener: (data: Uint8Array) => void): void;
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
    const guardConn = (conn: GuardedConn) => {
      conn.peer.removeAllListeners('data');
      conn.peer.on('data', (data) => {
        const outcome = readPeerFrame(data, conn.remotePeerId, context);
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
