/**
 * A relay client for tests, written from server/relay/PROTOCOL.md alone (it imports nothing from
 * server/), so the tests check the server against the specification, not against itself. It is
 * also a compact reference for the browser client: the same byte layouts, with Node's crypto where
 * the browser has WebCrypto.
 */
import { createHash, createPrivateKey, createPublicKey, randomBytes, sign, type KeyObject } from 'node:crypto';
import { WebSocket, type ClientOptions } from 'ws';

export const ROOM_TAG_CONTEXT = Buffer.from('core-group-plan relay room v1', 'utf8');
export const SIGNATURE_CONTEXT = Buffer.from('core-group-plan relay signature v1', 'utf8');
export const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
export const ZERO16 = Buffer.alloc(16);

/** A room's write key, derived from a 32-byte seed, and the tag it certifies. */
export interface RoomKey {
  seed: Buffer;
  privateKey: KeyObject;
  publicKey: Buffer;
  tag: Buffer;
}

export function roomKeyFromSeed(seed: Buffer): RoomKey {
  const privateKey = createPrivateKey({ key: Buffer.concat([PKCS8_ED25519_PREFIX, seed]), format: 'der', type: 'pkcs8' });
  const spki = createPublicKey(privateKey).export({ format: 'der', type: 'spki' });
  const publicKey = Buffer.from(spki.subarray(spki.length - 32));
  return { seed, privateKey, publicKey, tag: createHash('sha256').update(ROOM_TAG_CONTEXT).update(publicKey).digest() };
}

export const newRoomKey = () => roomKeyFromSeed(randomBytes(32));

// ---- encoding client frames -------------------------------------------------------------------

const u8 = (v: number) => Buffer.from([v]);
const u16 = (v: number) => { const b = Buffer.alloc(2); b.writeUInt16BE(v); return b; };
const u32 = (v: number) => { const b = Buffer.alloc(4); b.writeUInt32BE(v); return b; };
const u64 = (v: number) => { const b = Buffer.alloc(8); b.writeBigUInt64BE(BigInt(v)); return b; };

/** Appends the Ed25519 signature over context ‖ challenge ‖ body. */
export function signFrame(body: Buffer, challenge: Buffer, key: KeyObject): Buffer {
  return Buffer.concat([body, sign(null, Buffer.concat([SIGNATURE_CONTEXT, challenge, body]), key)]);
}

export interface OutEnvelope { id: Buffer; data: Buffer }

export function pushBody(reqId: number, room: RoomKey, envelopes: OutEnvelope[], presentedKey = room.publicKey, tag = room.tag): Buffer {
  return Buffer.concat([u8(0x01), u32(reqId), tag, presentedKey, u16(envelopes.length), ...envelopes.flatMap((e) => [e.id, u32(e.data.length), e.data])]);
}
export function syncFrame(reqId: number, tag: Buffer, knownLogId: Buffer, after: number, live: boolean): Buffer {
  return Buffer.concat([u8(0x02), u32(reqId), tag, knownLogId, u64(after), u8(live ? 1 : 0)]);
}
export const unsubscribeFrame = (reqId: number, tag: Buffer) => Buffer.concat([u8(0x03), u32(reqId), tag]);
export function snapshotBody(reqId: number, room: RoomKey, snapshotId: Buffer, baseSnapshotId: Buffer, seq: number, data: Buffer, presentedKey = room.publicKey): Buffer {
  return Buffer.concat([u8(0x04), u32(reqId), room.tag, presentedKey, snapshotId, baseSnapshotId, u64(seq), u32(data.length), data]);
}
export const deleteBody = (reqId: number, room: RoomKey, presentedKey = room.publicKey) => Buffer.concat([u8(0x05), u32(reqId), room.tag, presentedKey]);
export const setKeyBody = (reqId: number, room: RoomKey, newKey: Buffer, presentedKey = room.publicKey) => Buffer.concat([u8(0x06), u32(reqId), room.tag, presentedKey, newKey]);
export const pingFrame = (reqId: number) => Buffer.concat([u8(0x07), u32(reqId)]);

// ---- decoding server frames -------------------------------------------------------------------

export interface RoomState { logId: Buffer; head: number; snapshotId: Buffer; snapshotSeq: number; tailCount: number; tailBytes: number }
export interface Entry { seq: number; id: Buffer; own: boolean; data: Buffer }
export type ServerFrame =
  | { type: 'hello'; version: number; challenge: Buffer; maxFrameBytes: number; maxEnvelopeBytes: number; maxBatch: number; maxSnapshotBytes: number; roomQuotaBytes: number; compactAfterEnvelopes: number; compactAfterBytes: number; maxRoomsPerConnection: number }
  | { type: 'pushed'; reqId: number; tag: Buffer; state: RoomState; seqs: number[] }
  | { type: 'sync-begin'; reqId: number; tag: Buffer; state: RoomState; reset: boolean; empty: boolean }
  | { type: 'snapshot-data'; reqId: number; tag: Buffer; logId: Buffer; snapshotId: Buffer; seq: number; data: Buffer }
  | { type: 'envelopes'; reqId: number; tag: Buffer; logId: Buffer; entries: Entry[] }
  | { type: 'sync-end'; reqId: number; tag: Buffer; state: RoomState; subscribed: boolean }
  | { type: 'snapshot-stored'; reqId: number; tag: Buffer; state: RoomState }
  | { type: 'room-state'; tag: Buffer; state: RoomState; compact: boolean; snapshotChanged: boolean }
  | { type: 'room-gone'; tag: Buffer; logId: Buffer }
  | { type: 'done'; reqId: number; tag: Buffer }
  | { type: 'pong'; reqId: number }
  | { type: 'error'; reqId: number; code: number; name: string; retryAfterMs: number; message: string };

export const ERROR_NAMES: Record<number, string> = {
  1: 'bad-frame', 2: 'unknown-type', 3: 'too-large', 4: 'bad-signature', 5: 'not-authorised', 6: 'unknown-room',
  7: 'quota-exceeded', 8: 'snapshot-conflict', 9: 'snapshot-ahead', 10: 'rate-limited', 11: 'too-many-rooms',
  12: 'unavailable', 13: 'internal', 14: 'busy',
};

export function decodeServerFrame(buf: Buffer): ServerFrame {
  let at = 0;
  const take = (n: number) => { const v = buf.subarray(at, at + n); if (v.length !== n) throw new Error('short frame'); at += n; return Buffer.from(v); };
  const r8 = () => take(1)[0]!;
  const r16 = () => take(2).readUInt16BE();
  const r32 = () => take(4).readUInt32BE();
  const r64 = () => Number(take(8).readBigUInt64BE());
  const state = (): RoomState => ({ logId: take(16), head: r64(), snapshotId: take(16), snapshotSeq: r64(), tailCount: r32(), tailBytes: r64() });
  const type = r8();
  let frame: ServerFrame;
  switch (type) {
    case 0x80: frame = { type: 'hello', version: r8(), challenge: take(32), maxFrameBytes: r32(), maxEnvelopeBytes: r32(), maxBatch: r16(), maxSnapshotBytes: r32(), roomQuotaBytes: r64(), compactAfterEnvelopes: r32(), compactAfterBytes: r64(), maxRoomsPerConnection: r32() }; break;
    case 0x81: { const reqId = r32(); const tag = take(32); const s = state(); const n = r16(); frame = { type: 'pushed', reqId, tag, state: s, seqs: Array.from({ length: n }, r64) }; break; }
    case 0x82: { const reqId = r32(); const tag = take(32); const s = state(); const f = r8(); frame = { type: 'sync-begin', reqId, tag, state: s, reset: (f & 1) !== 0, empty: (f & 2) !== 0 }; break; }
    case 0x83: frame = { type: 'snapshot-data', reqId: r32(), tag: take(32), logId: take(16), snapshotId: take(16), seq: r64(), data: take(r32()) }; break;
    case 0x84: {
      const reqId = r32(); const tag = take(32); const logId = take(16); const n = r16();
      const entries = Array.from({ length: n }, () => { const seq = r64(); const id = take(16); const flags = r8(); return { seq, id, own: (flags & 1) !== 0, data: take(r32()) }; });
      frame = { type: 'envelopes', reqId, tag, logId, entries };
      break;
    }
    case 0x85: { const reqId = r32(); const tag = take(32); const s = state(); frame = { type: 'sync-end', reqId, tag, state: s, subscribed: (r8() & 1) !== 0 }; break; }
    case 0x86: frame = { type: 'snapshot-stored', reqId: r32(), tag: take(32), state: state() }; break;
    case 0x87: { const tag = take(32); const s = state(); const f = r8(); frame = { type: 'room-state', tag, state: s, compact: (f & 1) !== 0, snapshotChanged: (f & 2) !== 0 }; break; }
    case 0x88: frame = { type: 'room-gone', tag: take(32), logId: take(16) }; break;
    case 0x89: frame = { type: 'done', reqId: r32(), tag: take(32) }; break;
    case 0x8a: frame = { type: 'pong', reqId: r32() }; break;
    case 0x8f: { const reqId = r32(); const code = r16(); const retryAfterMs = r32(); const message = take(r16()).toString('utf8'); frame = { type: 'error', reqId, code, name: ERROR_NAMES[code] ?? `code-${code}`, retryAfterMs, message }; break; }
    default: throw new Error(`unknown server frame type ${type}`);
  }
  if (at !== buf.length) throw new Error(`trailing bytes after frame type ${type}`);
  return frame;
}

// ---- a connection ------------------------------------------------------------------------------

export interface SyncResult {
  begin: Extract<ServerFrame, { type: 'sync-begin' }>;
  snapshots: Array<Extract<ServerFrame, { type: 'snapshot-data' }>>;
  entries: Entry[];
  end: Extract<ServerFrame, { type: 'sync-end' }>;
}

type Answer = Extract<ServerFrame, { type: 'pushed' | 'snapshot-stored' | 'done' | 'pong' | 'error' }>;

/** One WebSocket to the relay, with request/answer matching by request id. */
export class RelayClient {
  readonly frames: ServerFrame[] = [];
  hello!: Extract<ServerFrame, { type: 'hello' }>;
  closeCode: number | null = null;
  closeReason = '';
  private nextReqId = 1;
  private readonly waiters = new Map<number, { frames: ServerFrame[]; resolve: (frames: ServerFrame[]) => void }>();
  private readonly listeners = new Set<(frame: ServerFrame) => void>();

  private constructor(readonly socket: WebSocket) {}

  static async open(url: string, options?: ClientOptions): Promise<RelayClient> {
    const socket = new WebSocket(url, { handshakeTimeout: 5_000, perMessageDeflate: false, ...options });
    const client = new RelayClient(socket);
    socket.on('error', () => {});
    socket.on('close', (code, reason) => {
      client.closeCode = code;
      client.closeReason = reason.toString();
      for (const [, waiter] of client.waiters) waiter.resolve(waiter.frames);
      client.waiters.clear();
    });
    const hello = new Promise<void>((resolve, reject) => {
      socket.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
      socket.once('error', reject);
      socket.on('message', (data: Buffer, isBinary) => {
        if (!isBinary) throw new Error('the relay sent a text frame');
        const frame = decodeServerFrame(data);
        client.frames.push(frame);
        if (frame.type === 'hello') {
          client.hello = frame;
          resolve();
        }
        client.dispatch(frame);
      });
    });
    await hello;
    return client;
  }

  get challenge(): Buffer {
    return this.hello.challenge;
  }

  get isOpen(): boolean {
    return this.socket.readyState === WebSocket.OPEN;
  }

  reqId(): number {
    return this.nextReqId++;
  }

  onFrame(listener: (frame: ServerFrame) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private dispatch(frame: ServerFrame): void {
    for (const listener of this.listeners) listener(frame);
    if (!('reqId' in frame) || frame.reqId === 0) return;
    const waiter = this.waiters.get(frame.reqId);
    if (!waiter) return;
    waiter.frames.push(frame);
    if (['pushed', 'snapshot-stored', 'done', 'pong', 'error', 'sync-end'].includes(frame.type)) {
      this.waiters.delete(frame.reqId);
      waiter.resolve(waiter.frames);
    }
  }

  /** Sends a frame (already carrying `reqId`) and resolves with every frame answering it, the last one final. */
  request(reqId: number, frame: Buffer): Promise<ServerFrame[]> {
    return new Promise((resolve) => {
      this.waiters.set(reqId, { frames: [], resolve });
      this.socket.send(frame, { binary: true });
    });
  }

  async answer(reqId: number, frame: Buffer): Promise<Answer> {
    const frames = await this.request(reqId, frame);
    const last = frames.at(-1);
    if (!last) throw new Error(`connection closed (${this.closeCode} ${this.closeReason}) before answering request ${reqId}`);
    return last as Answer;
  }

  push(room: RoomKey, envelopes: OutEnvelope[]): Promise<Answer> {
    const reqId = this.reqId();
    return this.answer(reqId, signFrame(pushBody(reqId, room, envelopes), this.challenge, room.privateKey));
  }

  snapshot(room: RoomKey, snapshotId: Buffer, baseSnapshotId: Buffer, seq: number, data: Buffer): Promise<Answer> {
    const reqId = this.reqId();
    return this.answer(reqId, signFrame(snapshotBody(reqId, room, snapshotId, baseSnapshotId, seq, data), this.challenge, room.privateKey));
  }

  deleteRoom(room: RoomKey): Promise<Answer> {
    const reqId = this.reqId();
    return this.answer(reqId, signFrame(deleteBody(reqId, room), this.challenge, room.privateKey));
  }

  setKey(room: RoomKey, newKey: Buffer): Promise<Answer> {
    const reqId = this.reqId();
    return this.answer(reqId, signFrame(setKeyBody(reqId, room, newKey), this.challenge, room.privateKey));
  }

  ping(): Promise<Answer> {
    const reqId = this.reqId();
    return this.answer(reqId, pingFrame(reqId));
  }

  async sync(tag: Buffer, options: { after?: number; knownLogId?: Buffer; live?: boolean } = {}): Promise<SyncResult> {
    const reqId = this.reqId();
    const frames = await this.request(reqId, syncFrame(reqId, tag, options.knownLogId ?? ZERO16, options.after ?? 0, options.live ?? false));
    const last = frames.at(-1);
    if (!last || last.type !== 'sync-end') throw new Error(`sync failed: ${JSON.stringify(last ?? { closed: this.closeCode })}`);
    return {
      begin: frames.find((f) => f.type === 'sync-begin') as SyncResult['begin'],
      snapshots: frames.filter((f) => f.type === 'snapshot-data') as SyncResult['snapshots'],
      entries: frames.flatMap((f) => (f.type === 'envelopes' ? f.entries : [])),
      end: last,
    };
  }

  sendRaw(data: Buffer | string, binary = true): void {
    if (this.isOpen) this.socket.send(data, { binary });
  }

  pauseReading(): void {
    this.socket.pause();
  }

  resumeReading(): void {
    this.socket.resume();
  }

  close(): void {
    this.socket.terminate();
  }
}

export const envelope = (data: Buffer | string): OutEnvelope => ({ id: randomBytes(16), data: Buffer.isBuffer(data) ? data : Buffer.from(data) });
