/**
 * A member's device in miniature, for the relay's end-to-end tests: a Y.Doc whose updates are
 * sealed (AES-256-GCM, the room tag as associated data) and pushed as envelopes, an outbox of
 * envelopes not yet acknowledged (pushed again after a reconnect; ids make that idempotent), and a
 * cursor (log id, last sequence) from which it catches up after any interruption.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import * as Y from 'yjs';
import { RelayClient, ZERO16, type Entry, type RoomKey, type ServerFrame } from './relay-client.ts';
import { sleep } from './helpers.ts';

export function seal(key: Buffer, tag: Buffer, plaintext: Uint8Array): Buffer {
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, nonce).setAAD(tag);
  return Buffer.concat([nonce, cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
}

export function open(key: Buffer, tag: Buffer, sealed: Buffer): Buffer {
  const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, 12)).setAAD(tag);
  decipher.setAuthTag(sealed.subarray(sealed.length - 16));
  return Buffer.concat([decipher.update(sealed.subarray(12, sealed.length - 16)), decipher.final()]);
}

export class YjsRelayPeer {
  readonly doc = new Y.Doc();
  /** Envelopes pushed but not acknowledged, in order. */
  readonly outbox = new Map<string, { id: Buffer; data: Buffer }>();
  /** Ids the relay acknowledged (hex). */
  readonly acked = new Set<string>();
  logId: Buffer = ZERO16;
  lastSeq = 0;
  resets = 0;
  private client: RelayClient | null = null;
  private pushing = false;
  private stopped = false;

  constructor(readonly name: string, readonly room: RoomKey, readonly contentKey: Buffer, private readonly url: () => string) {
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === 'relay') return;
      const id = randomBytes(16);
      this.outbox.set(id.toString('hex'), { id, data: seal(contentKey, room.tag, update) });
      void this.flush();
    });
  }

  get connected(): boolean {
    return this.client?.isOpen ?? false;
  }

  /** Connects (retrying while the relay is down), catches up, subscribes, and pushes the outbox. */
  async connect(): Promise<void> {
    for (;;) {
      if (this.stopped) return;
      try {
        const client = await RelayClient.open(this.url());
        // Every frame is handled as it arrives, in order: a live frame can arrive in the same read
        // as SYNC_END, before code awaiting the sync would run.
        client.onFrame((frame) => this.handle(frame));
        await client.sync(this.room.tag, { after: this.lastSeq, knownLogId: this.logId, live: true });
        this.client = client;
        client.socket.on('close', () => {
          if (this.client === client) this.client = null;
          if (!this.stopped) void this.connect();
        });
        await this.flush();
        return;
      } catch {
        await sleep(100);
      }
    }
  }

  private handle(frame: ServerFrame): void {
    switch (frame.type) {
      case 'sync-begin':
        if (frame.reset) {
          this.resets++;
          this.lastSeq = 0;
        }
        return;
      case 'snapshot-data':
        Y.applyUpdate(this.doc, open(this.contentKey, this.room.tag, frame.data), 'relay');
        this.lastSeq = Math.max(this.lastSeq, frame.seq);
        return;
      case 'envelopes':
        // A room created after we subscribed: its log id arrives with its first envelopes.
        if (this.logId.equals(ZERO16)) this.logId = frame.logId;
        this.receive(frame.entries);
        return;
      case 'sync-end':
        this.logId = frame.state.logId;
        this.lastSeq = Math.max(this.lastSeq, frame.state.head);
        return;
    }
  }

  private receive(entries: Entry[]): void {
    for (const entry of entries) {
      if (entry.seq <= this.lastSeq) continue;
      if (!entry.own) Y.applyUpdate(this.doc, open(this.contentKey, this.room.tag, entry.data), 'relay');
      this.lastSeq = entry.seq;
    }
  }

  /** Pushes the outbox in batches of up to 50, one at a time, until it is empty or the connection drops. */
  async flush(): Promise<void> {
    if (this.pushing) return;
    this.pushing = true;
    try {
      while (this.outbox.size > 0 && this.client?.isOpen) {
        const batch = [...this.outbox.values()].slice(0, 50);
        let answer;
        try {
          answer = await this.client.push(this.room, batch);
        } catch {
          return; // the connection dropped: the outbox waits for the reconnect
        }
        if (answer.type !== 'pushed') throw new Error(`${this.name}: push refused: ${JSON.stringify(answer)}`);
        if (this.logId.equals(ZERO16)) this.logId = answer.state.logId;
        for (const e of batch) {
          this.outbox.delete(e.id.toString('hex'));
          this.acked.add(e.id.toString('hex'));
        }
      }
    } finally {
      this.pushing = false;
    }
  }

  stop(): void {
    this.stopped = true;
    this.client?.close();
  }
}
