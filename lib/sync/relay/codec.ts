/**
 * The relay's binary frames (server/relay/PROTOCOL.md §2, §4, §5), for the client: encoding what a
 * client sends and decoding what the relay answers. Everything the relay sends is untrusted: a frame
 * that does not follow the layout throws a RelayFrameError and is never half-read.
 */

export const ZERO_ID = new Uint8Array(16);

const ClientFrameType = { Push: 0x01, Sync: 0x02, Unsubscribe: 0x03, Snapshot: 0x04, SetKey: 0x06, Ping: 0x07 } as const;

export interface RoomState {
  logId: Uint8Array;
  head: number;
  snapshotId: Uint8Array;
  snapshotSeq: number;
  tailCount: number;
  tailBytes: number;
}

export interface RelayEntry {
  seq: number;
  id: Uint8Array;
  own: boolean;
  data: Uint8Array;
}

export interface Hello {
  type: 'hello';
  version: number;
  challenge: Uint8Array;
  maxFrameBytes: number;
  maxEnvelopeBytes: number;
  maxBatch: number;
  maxSnapshotBytes: number;
  roomQuotaBytes: number;
  compactAfterEnvelopes: number;
  compactAfterBytes: number;
  maxRoomsPerConnection: number;
}

export type ServerFrame =
  | Hello
  | { type: 'pushed'; reqId: number; tag: Uint8Array; state: RoomState; seqs: number[] }
  | { type: 'sync-begin'; reqId: number; tag: Uint8Array; state: RoomState; reset: boolean; empty: boolean }
  | { type: 'snapshot-data'; reqId: number; tag: Uint8Array; logId: Uint8Array; snapshotId: Uint8Array; seq: number; data: Uint8Array }
  | { type: 'envelopes'; reqId: number; tag: Uint8Array; logId: Uint8Array; entries: RelayEntry[] }
  | { type: 'sync-end'; reqId: number; tag: Uint8Array; state: RoomState; subscribed: boolean }
  | { type: 'snapshot-stored'; reqId: number; tag: Uint8Array; state: RoomState }
  | { type: 'room-state'; tag: Uint8Array; state: RoomState; compact: boolean; snapshotChanged: boolean }
  | { type: 'room-gone'; tag: Uint8Array; logId: Uint8Array }
  | { type: 'done'; reqId: number; tag: Uint8Array }
  | { type: 'pong'; reqId: number }
  | { type: 'error'; reqId: number; code: number; name: string; retryAfterMs: number; message: string }
  | { type: 'unknown'; frameType: number };

export const RELAY_ERROR_NAMES: Readonly<Record<number, string>> = {
  1: 'bad-frame', 2: 'unknown-type', 3: 'too-large', 4: 'bad-signature', 5: 'not-authorised', 6: 'unknown-room',
  7: 'quota-exceeded', 8: 'snapshot-conflict', 9: 'snapshot-ahead', 10: 'rate-limited', 11: 'too-many-rooms',
  12: 'unavailable', 13: 'internal', 14: 'busy',
};

export class RelayFrameError extends Error {}

// ---- encoding ----------------------------------------------------------------------------------

/** Builds a frame from parts: numbers are written big-endian at the width given. */
class Writer {
  private readonly parts: Uint8Array[] = [];
  private size = 0;
  bytes(b: Uint8Array): this {
    this.parts.push(b);
    this.size += b.length;
    return this;
  }
  uint(value: number, width: 1 | 2 | 4 | 8): this {
    const b = new Uint8Array(width);
    const view = new DataView(b.buffer);
    if (width === 1) view.setUint8(0, value);
    else if (width === 2) view.setUint16(0, value);
    else if (width === 4) view.setUint32(0, value);
    else view.setBigUint64(0, BigInt(value));
    return this.bytes(b);
  }
  blob(b: Uint8Array): this {
    return this.uint(b.length, 4).bytes(b);
  }
  done(): Uint8Array {
    const out = new Uint8Array(this.size);
    let at = 0;
    for (const part of this.parts) {
      out.set(part, at);
      at += part.length;
    }
    return out;
  }
}

export interface OutgoingEnvelope {
  id: Uint8Array;
  data: Uint8Array;
}

/** PUSH without its signature (the signature covers these bytes). */
export function pushBody(reqId: number, tag: Uint8Array, key: Uint8Array, envelopes: readonly OutgoingEnvelope[]): Uint8Array {
  const w = new Writer().uint(ClientFrameType.Push, 1).uint(reqId, 4).bytes(tag).bytes(key).uint(envelopes.length, 2);
  for (const e of envelopes) w.bytes(e.id).blob(e.data);
  return w.done();
}

export function syncFrame(reqId: number, tag: Uint8Array, knownLogId: Uint8Array, after: number, live: boolean): Uint8Array {
  return new Writer().uint(ClientFrameType.Sync, 1).uint(reqId, 4).bytes(tag).bytes(knownLogId).uint(after, 8).uint(live ? 1 : 0, 1).done();
}

export function unsubscribeFrame(reqId: number, tag: Uint8Array): Uint8Array {
  return new Writer().uint(ClientFrameType.Unsubscribe, 1).uint(reqId, 4).bytes(tag).done();
}

/** SNAPSHOT without its signature. */
export function snapshotBody(reqId: number, tag: Uint8Array, key: Uint8Array, snapshotId: Uint8Array, baseSnapshotId: Uint8Array, seq: number, data: Uint8Array): Uint8Array {
  return new Writer().uint(ClientFrameType.Snapshot, 1).uint(reqId, 4).bytes(tag).bytes(key).bytes(snapshotId).bytes(baseSnapshotId).uint(seq, 8).blob(data).done();
}

/** SET_KEY without its signature: from now on only `newKey` may write the room. */
export function setKeyBody(reqId: number, tag: Uint8Array, key: Uint8Array, newKey: Uint8Array): Uint8Array {
  return new Writer().uint(ClientFrameType.SetKey, 1).uint(reqId, 4).bytes(tag).bytes(key).bytes(newKey).done();
}

export function pingFrame(reqId: number): Uint8Array {
  return new Writer().uint(ClientFrameType.Ping, 1).uint(reqId, 4).done();
}

/** The encoded size of one envelope inside a PUSH (id, length, bytes). */
export const envelopeFrameBytes = (e: OutgoingEnvelope) => 16 + 4 + e.data.length;
/** PUSH's fixed part: type, reqId, tag, key, count, signature. */
export const PUSH_OVERHEAD_BYTES = 1 + 4 + 32 + 32 + 2 + 64;

// ---- decoding ----------------------------------------------------------------------------------

const MAX_SAFE = Number.MAX_SAFE_INTEGER;

/** Decodes one frame from the relay; throws RelayFrameError if it does not follow PROTOCOL.md. */
export function decodeServerFrame(buf: Uint8Array): ServerFrame {
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  let at = 0;
  const need = (n: number) => {
    if (at + n > buf.length) throw new RelayFrameError('The relay sent a frame that ends too soon');
  };
  const take = (n: number) => {
    need(n);
    const v = buf.slice(at, at + n);
    at += n;
    return v;
  };
  const r8 = () => (need(1), view.getUint8(at++));
  const r16 = () => (need(2), (at += 2), view.getUint16(at - 2));
  const r32 = () => (need(4), (at += 4), view.getUint32(at - 4));
  const r64 = () => {
    need(8);
    const v = view.getUint32(at) * 2 ** 32 + view.getUint32(at + 4);
    at += 8;
    if (v > MAX_SAFE) throw new RelayFrameError('The relay sent a number too large to be a sequence');
    return v;
  };
  const state = (): RoomState => ({ logId: take(16), head: r64(), snapshotId: take(16), snapshotSeq: r64(), tailCount: r32(), tailBytes: r64() });
  const type = r8();
  let frame: ServerFrame;
  switch (type) {
    case 0x80:
      frame = { type: 'hello', version: r8(), challenge: take(32), maxFrameBytes: r32(), maxEnvelopeBytes: r32(), maxBatch: r16(), maxSnapshotBytes: r32(), roomQuotaBytes: r64(), compactAfterEnvelopes: r32(), compactAfterBytes: r64(), maxRoomsPerConnection: r32() };
      // A newer version may add fields after ours: only the version matters then.
      if (frame.version !== 1) return frame;
      break;
    case 0x81: {
      const reqId = r32(), tag = take(32), s = state(), n = r16();
      frame = { type: 'pushed', reqId, tag, state: s, seqs: Array.from({ length: n }, r64) };
      break;
    }
    case 0x82: {
      const reqId = r32(), tag = take(32), s = state(), f = r8();
      frame = { type: 'sync-begin', reqId, tag, state: s, reset: (f & 1) !== 0, empty: (f & 2) !== 0 };
      break;
    }
    case 0x83:
      frame = { type: 'snapshot-data', reqId: r32(), tag: take(32), logId: take(16), snapshotId: take(16), seq: r64(), data: take(r32()) };
      break;
    case 0x84: {
      const reqId = r32(), tag = take(32), logId = take(16), n = r16();
      const entries = Array.from({ length: n }, () => {
        const seq = r64(), id = take(16), flags = r8();
        return { seq, id, own: (flags & 1) !== 0, data: take(r32()) };
      });
      frame = { type: 'envelopes', reqId, tag, logId, entries };
      break;
    }
    case 0x85: {
      const reqId = r32(), tag = take(32), s = state();
      frame = { type: 'sync-end', reqId, tag, state: s, subscribed: (r8() & 1) !== 0 };
      break;
    }
    case 0x86:
      frame = { type: 'snapshot-stored', reqId: r32(), tag: take(32), state: state() };
      break;
    case 0x87: {
      const tag = take(32), s = state(), f = r8();
      frame = { type: 'room-state', tag, state: s, compact: (f & 1) !== 0, snapshotChanged: (f & 2) !== 0 };
      break;
    }
    case 0x88:
      frame = { type: 'room-gone', tag: take(32), logId: take(16) };
      break;
    case 0x89:
      frame = { type: 'done', reqId: r32(), tag: take(32) };
      break;
    case 0x8a:
      frame = { type: 'pong', reqId: r32() };
      break;
    case 0x8f: {
      const reqId = r32(), code = r16(), retryAfterMs = r32();
      const message = new TextDecoder().decode(take(r16()));
      frame = { type: 'error', reqId, code, name: RELAY_ERROR_NAMES[code] ?? `code-${code}`, retryAfterMs, message };
      break;
    }
    default:
      // A newer server: ignore what we do not know (§5).
      return { type: 'unknown', frameType: type };
  }
  if (at !== buf.length) throw new RelayFrameError(`The relay sent extra bytes after a frame of type ${type}`);
  return frame;
}

export const bytesEqual = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((v, i) => v === b[i]);
export const toHex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
export const fromHex = (hex: string) => Uint8Array.from(hex.match(/../g) ?? [], (h) => parseInt(h, 16));
