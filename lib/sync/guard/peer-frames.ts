/**
 * Reading one y-webrtc frame from a colleague's browser, in place of y-webrtc's own `readMessage`
 * (which applies sync updates straight to the document and throws on a malformed frame inside the
 * data channel's event handler). Every update goes through the plan's guard; awareness is decoded
 * completely and checked before it is applied; anything else malformed means the peer is dropped.
 * Never throws.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { applyAwarenessUpdate, encodeAwarenessUpdate, type Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import type { UpdateGuard } from './update-guard.ts';
import { diffForStateVector } from './well-formed.ts';
import type { PeerRateLimit } from './token-bucket.ts';
import { isPaletteColour } from '../presence.ts';
import { writtenOnlyBy } from '../frame-checks.ts';

/** y-webrtc's outer message types. */
const MESSAGE_SYNC = 0;
const MESSAGE_QUERY_AWARENESS = 3;
const MESSAGE_AWARENESS = 1;
const MESSAGE_BC_PEER_ID = 4;

/** A colleague's presence is a few short fields: more than this is not one of ours. */
const MAX_AWARENESS_ENTRIES = 64;
const MAX_AWARENESS_STATE_CHARS = 16 * 1024;

export interface PeerFrameContext {
  doc: Y.Doc;
  awareness: Awareness;
  guard: UpdateGuard;
  limits: { updates: PeerRateLimit; awareness: PeerRateLimit };
  /** The origin updates from this peer are applied with (y-webrtc's room, so it relays them on). */
  origin: unknown;
  /**
   * The only clientID this frame's signer may write live updates (y-sync update messages) under
   * (frame-checks.ts); null or absent: not checked (a legacy plan, or an unsigned test link).
   */
  author?: number | null;
}

export type FrameOutcome =
  | { kind: 'ok'; reply: Uint8Array | null; synced?: boolean }
  | { kind: 'dropped-frame' }
  | { kind: 'drop-peer'; why: string };

export function readPeerFrame(frame: unknown, peer: string, context: PeerFrameContext): FrameOutcome {
  try {
    if (!(frame instanceof Uint8Array) || frame.length === 0) return { kind: 'drop-peer', why: 'not bytes' };
    const decoder = decoding.createDecoder(frame);
    const type = decoding.readVarUint(decoder);
    switch (type) {
      case MESSAGE_SYNC:
        return readSync(decoder, peer, context);
      case MESSAGE_AWARENESS: {
        if (!context.limits.awareness.allow(peer)) return { kind: 'dropped-frame' };
        const update = sanitiseAwareness(decoding.readVarUint8Array(decoder), context.awareness.clientID);
        if (!update) return { kind: 'drop-peer', why: 'awareness' };
        applyAwarenessUpdate(context.awareness, update, context.origin);
        return { kind: 'ok', reply: null };
      }
      case MESSAGE_QUERY_AWARENESS: {
        if (!context.limits.awareness.allow(peer)) return { kind: 'dropped-frame' };
        const encoder = encoding.createEncoder();
        encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
        encoding.writeVarUint8Array(encoder, encodeAwarenessUpdate(context.awareness, [...context.awareness.getStates().keys()]));
        return { kind: 'ok', reply: encoding.toUint8Array(encoder) };
      }
      case MESSAGE_BC_PEER_ID:
        return { kind: 'dropped-frame' }; // only ever sent over the BroadcastChannel
      default:
        return { kind: 'drop-peer', why: 'unknown message type' };
    }
  } catch {
    return { kind: 'drop-peer', why: 'malformed frame' };
  }
}

function readSync(decoder: decoding.Decoder, peer: string, context: PeerFrameContext): FrameOutcome {
  const syncType = decoding.readVarUint(decoder);
  if (syncType === syncProtocol.messageYjsSyncStep1) {
    const diff = diffForStateVector(context.doc, decoding.readVarUint8Array(decoder));
    if (!diff) return { kind: 'drop-peer', why: 'malformed state vector' };
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep2);
    encoding.writeVarUint8Array(encoder, diff);
    return { kind: 'ok', reply: encoding.toUint8Array(encoder) };
  }
  if (syncType !== syncProtocol.messageYjsSyncStep2 && syncType !== syncProtocol.messageYjsUpdate) {
    return { kind: 'drop-peer', why: 'unknown sync message' };
  }
  const update = decoding.readVarUint8Array(decoder);
  if (syncType === syncProtocol.messageYjsUpdate && context.author != null && !writtenOnlyBy(update, context.author)) {
    return { kind: 'drop-peer', why: 'forged-client' };
  }
  if (!context.limits.updates.allow(peer)) return { kind: 'dropped-frame' };
  const verdict = context.guard.applyRemoteUpdate(update, context.origin);
  if (verdict.kind === 'refused') return { kind: 'drop-peer', why: verdict.reason };
  return { kind: 'ok', reply: null, synced: syncType === syncProtocol.messageYjsSyncStep2 };
}

/**
 * An awareness update decoded completely (applyAwarenessUpdate would stop half way on a malformed
 * one) and written again without any entry for this page's own client (colleagues relay our
 * presence back to us; nobody else speaks for it). Null when it is malformed or carries a colour
 * outside the palette.
 */
export function sanitiseAwareness(update: Uint8Array, ownClientId: number): Uint8Array | null {
  try {
    const decoder = decoding.createDecoder(update);
    const entries = decoding.readVarUint(decoder);
    if (entries > MAX_AWARENESS_ENTRIES) return null;
    const kept: { client: number; clock: number; text: string }[] = [];
    for (let i = 0; i < entries; i++) {
      const client = decoding.readVarUint(decoder);
      const clock = decoding.readVarUint(decoder);
      const text = decoding.readVarString(decoder);
      if (text.length > MAX_AWARENESS_STATE_CHARS) return null;
      const state: unknown = JSON.parse(text);
      if (state !== null && (typeof state !== 'object' || Array.isArray(state))) return null;
      // y-prosemirror puts a colleague's colour into a style attribute as it is: palette only.
      const user = (state as { user?: { color?: unknown } } | null)?.user;
      if (user !== undefined && (typeof user !== 'object' || user === null || !isPaletteColour(user.color))) return null;
      if (client !== ownClientId) kept.push({ client, clock, text });
    }
    if (decoding.hasContent(decoder)) return null;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, kept.length);
    for (const entry of kept) {
      encoding.writeVarUint(encoder, entry.client);
      encoding.writeVarUint(encoder, entry.clock);
      encoding.writeVarString(encoder, entry.text);
    }
    return encoding.toUint8Array(encoder);
  } catch {
    return null;
  }
}
