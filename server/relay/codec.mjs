// @ts-check
/**
 * The relay's wire format (server/relay/PROTOCOL.md is the specification; this file implements it).
 * Every frame is one binary WebSocket message: a type byte, then fixed fields, big-endian integers,
 * sequence numbers as u64 (never above 2^53 − 1), variable data as a u32 length and its bytes.
 *
 * Decoding is pure and total: any bytes in, a verdict out, never an exception. A signed frame's
 * last 64 bytes are an Ed25519 signature over the frame before them (see keys.mjs for the message).
 */

export const PROTOCOL_VERSION = 1;

/** Client → server frame types. */
export const C = Object.freeze({ PUSH: 0x01, SYNC: 0x02, UNSUBSCRIBE: 0x03, SNAPSHOT: 0x04, DELETE: 0x05, SET_KEY: 0x06, PING: 0x07 });
/** Server → client frame types. */
export const S = Object.freeze({
  HELLO: 0x80, PUSHED: 0x81, SYNC_BEGIN: 0x82, SNAPSHOT_DATA: 0x83, ENVELOPES: 0x84, SYNC_END: 0x85,
  SNAPSHOT_STORED: 0x86, ROOM_STATE: 0x87, ROOM_GONE: 0x88, DONE: 0x89, PONG: 0x8a, ERROR: 0x8f,
});

/** Error codes carried by ERROR frames; the names are what PROTOCOL.md and the logs use. */
export const E = Object.freeze({
  'bad-frame': 1, 'unknown-type': 2, 'too-large': 3, 'bad-signature': 4, 'not-authorised': 5, 'unknown-room': 6,
  'quota-exceeded': 7, 'snapshot-conflict': 8, 'snapshot-ahead': 9, 'rate-limited': 10, 'too-many-rooms': 11,
  unavailable: 12, internal: 13, busy: 14,
});
/** @typedef {keyof typeof E} ErrorName */

export const TAG_BYTES = 32;
export const KEY_BYTES = 32;
export const ID_BYTES = 16;
export const SIG_BYTES = 64;
export const ZERO_ID = Buffer.alloc(ID_BYTES);

/** SYNC flags. */
export const SYNC_LIVE = 1;
/** SYNC_BEGIN flags. */
export const BEGIN_RESET = 1;
export const BEGIN_EMPTY = 2;
/** SYNC_END flags. */
export const END_SUBSCRIBED = 1;
/** ENVELOPES entry flags. */
export const ENTRY_OWN = 1;
/** ROOM_STATE flags. */
export const STATE_COMPACT = 1;
export const STATE_SNAPSHOT = 2;

/**
 * @typedef {{ id: Buffer, data: Buffer }} NewEnvelope
 * @typedef {{ type: 'push', reqId: number, tag: Buffer, key: Buffer, envelopes: NewEnvelope[], signed: Buffer, sig: Buffer }
 *   | { type: 'sync', reqId: number, tag: Buffer, knownLogId: Buffer, after: number, live: boolean }
 *   | { type: 'unsubscribe', reqId: number, tag: Buffer }
 *   | { type: 'snapshot', reqId: number, tag: Buffer, key: Buffer, snapshotId: Buffer, baseSnapshotId: Buffer, seq: number, data: Buffer, signed: Buffer, sig: Buffer }
 *   | { type: 'delete', reqId: number, tag: Buffer, key: Buffer, signed: Buffer, sig: Buffer }
 *   | { type: 'set-key', reqId: number, tag: Buffer, key: Buffer, newKey: Buffer, signed: Buffer, sig: Buffer }
 *   | { type: 'ping', reqId: number }} ClientFrame
 * `signed` is the frame without its signature: what the signature covers (after the context and challenge).
 */

/**
 * @typedef {{ maxEnvelopeBytes: number, maxBatch: number, maxSnapshotBytes: number }} DecodeLimits
 * @typedef {{ ok: true, frame: ClientFrame } | { ok: false, reqId: number, error: ErrorName, message: string }} DecodeResult
 */

class Short extends Error {}

/** Bounds-checked reader; every read past the end throws Short, which decode turns into bad-frame. */
class Reader {
  /** @param {Buffer} buf */
  constructor(buf) {
    this.buf = buf;
    this.at = 0;
  }
  /** @param {number} n */
  need(n) {
    if (this.at + n > this.buf.length) throw new Short();
  }
  u8() {
    this.need(1);
    return /** @type {number} */ (this.buf[this.at++]);
  }
  u16() {
    this.need(2);
    const v = this.buf.readUInt16BE(this.at);
    this.at += 2;
    return v;
  }
  u32() {
    this.need(4);
    const v = this.buf.readUInt32BE(this.at);
    this.at += 4;
    return v;
  }
  /** A u64 that must fit a JavaScript safe integer; larger values are malformed. */
  u64() {
    this.need(8);
    const hi = this.buf.readUInt32BE(this.at);
    const lo = this.buf.readUInt32BE(this.at + 4);
    this.at += 8;
    if (hi > 0x1fffff) throw new Short();
    return hi * 0x1_0000_0000 + lo;
  }
  /** @param {number} n */
  bytes(n) {
    this.need(n);
    const v = this.buf.subarray(this.at, this.at + n);
    this.at += n;
    return v;
  }
  get left() {
    return this.buf.length - this.at;
  }
}

/**
 * Decodes one client frame. Sizes are checked against the limits before anything is copied.
 * @param {Buffer} buf
 * @param {DecodeLimits} limits
 * @returns {DecodeResult}
 */
export function decodeClientFrame(buf, limits) {
  const r = new Reader(buf);
  let reqId = 0;
  try {
    const type = r.u8();
    reqId = r.u32();
    switch (type) {
      case C.PUSH: {
        const tag = r.bytes(TAG_BYTES);
        const key = r.bytes(KEY_BYTES);
        const count = r.u16();
        if (count === 0) return bad(reqId, 'bad-frame', 'a push carries at least one envelope');
        if (count > limits.maxBatch) return bad(reqId, 'too-large', `at most ${limits.maxBatch} envelopes per push`);
        /** @type {NewEnvelope[]} */
        const envelopes = [];
        for (let i = 0; i < count; i++) {
          const id = r.bytes(ID_BYTES);
          const length = r.u32();
          if (length === 0) return bad(reqId, 'bad-frame', 'an envelope is never empty');
          if (length > limits.maxEnvelopeBytes) return bad(reqId, 'too-large', `an envelope is at most ${limits.maxEnvelopeBytes} bytes`);
          envelopes.push({ id, data: r.bytes(length) });
        }
        return signedEnd(r, reqId, (signed, sig) => ({ type: 'push', reqId, tag, key, envelopes, signed, sig }));
      }
      case C.SYNC: {
        const tag = r.bytes(TAG_BYTES);
        const knownLogId = r.bytes(ID_BYTES);
        const after = r.u64();
        const flags = r.u8();
        return end(r, reqId, { type: 'sync', reqId, tag, knownLogId, after, live: (flags & SYNC_LIVE) !== 0 });
      }
      case C.UNSUBSCRIBE:
        return end(r, reqId, { type: 'unsubscribe', reqId, tag: r.bytes(TAG_BYTES) });
      case C.SNAPSHOT: {
        const tag = r.bytes(TAG_BYTES);
        const key = r.bytes(KEY_BYTES);
        const snapshotId = r.bytes(ID_BYTES);
        const baseSnapshotId = r.bytes(ID_BYTES);
        const seq = r.u64();
        const length = r.u32();
        if (length === 0) return bad(reqId, 'bad-frame', 'a snapshot is never empty');
        if (length > limits.maxSnapshotBytes) return bad(reqId, 'too-large', `a snapshot is at most ${limits.maxSnapshotBytes} bytes`);
        if (snapshotId.equals(ZERO_ID)) return bad(reqId, 'bad-frame', 'a snapshot id is never all zeros');
        const data = r.bytes(length);
        return signedEnd(r, reqId, (signed, sig) => ({ type: 'snapshot', reqId, tag, key, snapshotId, baseSnapshotId, seq, data, signed, sig }));
      }
      case C.DELETE: {
        const tag = r.bytes(TAG_BYTES);
        const key = r.bytes(KEY_BYTES);
        return signedEnd(r, reqId, (signed, sig) => ({ type: 'delete', reqId, tag, key, signed, sig }));
      }
      case C.SET_KEY: {
        const tag = r.bytes(TAG_BYTES);
        const key = r.bytes(KEY_BYTES);
        const newKey = r.bytes(KEY_BYTES);
        return signedEnd(r, reqId, (signed, sig) => ({ type: 'set-key', reqId, tag, key, newKey, signed, sig }));
      }
      case C.PING:
        return end(r, reqId, { type: 'ping', reqId });
      default:
        return bad(reqId, 'unknown-type', `unknown frame type ${type}`);
    }
  } catch (error) {
    if (error instanceof Short) return bad(reqId, 'bad-frame', 'the frame is shorter than its fields say, or a number is out of range');
    throw error;
  }
}

/**
 * @param {number} reqId
 * @param {ErrorName} error
 * @param {string} message
 * @returns {DecodeResult}
 */
function bad(reqId, error, message) {
  return { ok: false, reqId, error, message };
}

/**
 * @param {Reader} r
 * @param {number} reqId
 * @param {ClientFrame} frame
 * @returns {DecodeResult}
 */
function end(r, reqId, frame) {
  return r.left === 0 ? { ok: true, frame } : bad(reqId, 'bad-frame', 'trailing bytes after the frame');
}

/**
 * The rest must be exactly the signature.
 * @param {Reader} r
 * @param {number} reqId
 * @param {(signed: Buffer, sig: Buffer) => ClientFrame} make
 * @returns {DecodeResult}
 */
function signedEnd(r, reqId, make) {
  if (r.left !== SIG_BYTES) return bad(reqId, 'bad-frame', 'a signed frame ends with exactly one 64-byte signature');
  const signed = r.buf.subarray(0, r.at);
  return { ok: true, frame: make(signed, r.bytes(SIG_BYTES)) };
}

/** Growable writer for server frames. */
class Writer {
  /** @param {number} size exact size when known, else a first guess */
  constructor(size) {
    this.buf = Buffer.allocUnsafe(size);
    this.at = 0;
  }
  /** @param {number} n */
  room(n) {
    if (this.at + n <= this.buf.length) return;
    const next = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.at + n));
    this.buf.copy(next, 0, 0, this.at);
    this.buf = next;
  }
  /** @param {number} v */
  u8(v) {
    this.room(1);
    this.buf[this.at++] = v;
    return this;
  }
  /** @param {number} v */
  u16(v) {
    this.room(2);
    this.buf.writeUInt16BE(v, this.at);
    this.at += 2;
    return this;
  }
  /** @param {number} v */
  u32(v) {
    this.room(4);
    this.buf.writeUInt32BE(v, this.at);
    this.at += 4;
    return this;
  }
  /** @param {number} v a safe non-negative integer */
  u64(v) {
    this.room(8);
    this.buf.writeUInt32BE(Math.floor(v / 0x1_0000_0000), this.at);
    this.buf.writeUInt32BE(v >>> 0, this.at + 4);
    this.at += 8;
    return this;
  }
  /** @param {Uint8Array} v */
  bytes(v) {
    this.room(v.length);
    this.buf.set(v, this.at);
    this.at += v.length;
    return this;
  }
  /** @param {Uint8Array} v */
  blob(v) {
    return this.u32(v.length).bytes(v);
  }
  done() {
    return this.at === this.buf.length ? this.buf : this.buf.subarray(0, this.at);
  }
}

/**
 * What the relay says about a room's log in PUSHED, SYNC_BEGIN, SYNC_END, SNAPSHOT_STORED and
 * ROOM_STATE: 60 bytes, always in this order.
 * @typedef {{ logId: Buffer, head: number, snapshotId: Buffer, snapshotSeq: number, tailCount: number, tailBytes: number }} RoomState
 */
export const ROOM_STATE_BYTES = 16 + 8 + 16 + 8 + 4 + 8;

/** @param {Writer} w @param {RoomState} s */
function roomState(w, s) {
  return w.bytes(s.logId).u64(s.head).bytes(s.snapshotId).u64(s.snapshotSeq).u32(s.tailCount).u64(s.tailBytes);
}

/**
 * @typedef {{ maxFrameBytes: number, maxEnvelopeBytes: number, maxBatch: number, maxSnapshotBytes: number,
 *   roomQuotaBytes: number, compactAfterEnvelopes: number, compactAfterBytes: number, maxRoomsPerConnection: number }} AnnouncedLimits
 */

/** @param {Buffer} challenge @param {AnnouncedLimits} l */
export function encodeHello(challenge, l) {
  return new Writer(1 + 1 + 32 + 4 + 4 + 2 + 4 + 8 + 4 + 8 + 4)
    .u8(S.HELLO).u8(PROTOCOL_VERSION).bytes(challenge)
    .u32(l.maxFrameBytes).u32(l.maxEnvelopeBytes).u16(l.maxBatch).u32(l.maxSnapshotBytes)
    .u64(l.roomQuotaBytes).u32(l.compactAfterEnvelopes).u64(l.compactAfterBytes).u32(l.maxRoomsPerConnection)
    .done();
}

/** @param {number} reqId @param {Buffer} tag @param {RoomState} state @param {number[]} seqs */
export function encodePushed(reqId, tag, state, seqs) {
  const w = new Writer(1 + 4 + 32 + ROOM_STATE_BYTES + 2 + 8 * seqs.length).u8(S.PUSHED).u32(reqId).bytes(tag);
  roomState(w, state).u16(seqs.length);
  for (const seq of seqs) w.u64(seq);
  return w.done();
}

/** @param {number} reqId @param {Buffer} tag @param {RoomState} state @param {number} flags */
export function encodeSyncBegin(reqId, tag, state, flags) {
  return roomState(new Writer(1 + 4 + 32 + ROOM_STATE_BYTES + 1).u8(S.SYNC_BEGIN).u32(reqId).bytes(tag), state).u8(flags).done();
}

/** @param {number} reqId @param {Buffer} tag @param {Buffer} logId @param {{ snapshotId: Buffer, seq: number, data: Buffer }} snapshot */
export function encodeSnapshotData(reqId, tag, logId, snapshot) {
  return new Writer(1 + 4 + 32 + 16 + 16 + 8 + 4 + snapshot.data.length)
    .u8(S.SNAPSHOT_DATA).u32(reqId).bytes(tag).bytes(logId).bytes(snapshot.snapshotId).u64(snapshot.seq).blob(snapshot.data).done();
}

/**
 * @typedef {{ seq: number, id: Buffer, data: Buffer | null }} OutEntry data null: omitted because the receiver pushed it (ENTRY_OWN)
 */

/** @param {number} reqId @param {Buffer} tag @param {Buffer} logId @param {OutEntry[]} entries */
export function encodeEnvelopes(reqId, tag, logId, entries) {
  let size = 1 + 4 + 32 + 16 + 2;
  for (const e of entries) size += 8 + 16 + 1 + 4 + (e.data?.length ?? 0);
  const w = new Writer(size).u8(S.ENVELOPES).u32(reqId).bytes(tag).bytes(logId).u16(entries.length);
  for (const e of entries) {
    w.u64(e.seq).bytes(e.id);
    if (e.data === null) w.u8(ENTRY_OWN).u32(0);
    else w.u8(0).blob(e.data);
  }
  return w.done();
}

/** @param {number} reqId @param {Buffer} tag @param {RoomState} state @param {number} flags */
export function encodeSyncEnd(reqId, tag, state, flags) {
  return roomState(new Writer(1 + 4 + 32 + ROOM_STATE_BYTES + 1).u8(S.SYNC_END).u32(reqId).bytes(tag), state).u8(flags).done();
}

/** @param {number} reqId @param {Buffer} tag @param {RoomState} state */
export function encodeSnapshotStored(reqId, tag, state) {
  return roomState(new Writer(1 + 4 + 32 + ROOM_STATE_BYTES).u8(S.SNAPSHOT_STORED).u32(reqId).bytes(tag), state).done();
}

/** @param {Buffer} tag @param {RoomState} state @param {number} flags */
export function encodeRoomState(tag, state, flags) {
  return roomState(new Writer(1 + 32 + ROOM_STATE_BYTES + 1).u8(S.ROOM_STATE).bytes(tag), state).u8(flags).done();
}

/** @param {Buffer} tag @param {Buffer} logId */
export function encodeRoomGone(tag, logId) {
  return new Writer(1 + 32 + 16).u8(S.ROOM_GONE).bytes(tag).bytes(logId).done();
}

/** @param {number} reqId @param {Buffer} tag */
export function encodeDone(reqId, tag) {
  return new Writer(1 + 4 + 32).u8(S.DONE).u32(reqId).bytes(tag).done();
}

/** @param {number} reqId */
export function encodePong(reqId) {
  return new Writer(5).u8(S.PONG).u32(reqId).done();
}

/**
 * @param {number} reqId 0 when the frame was too broken to carry one
 * @param {ErrorName} error
 * @param {string} message a fixed human sentence, never input
 * @param {number} [retryAfterMs] 0 unless retrying later is the answer
 */
export function encodeError(reqId, error, message, retryAfterMs = 0) {
  const text = Buffer.from(message.slice(0, 500), 'utf8');
  return new Writer(1 + 4 + 2 + 4 + 2 + text.length).u8(S.ERROR).u32(reqId).u16(E[error]).u32(retryAfterMs).u16(text.length).bytes(text).done();
}
