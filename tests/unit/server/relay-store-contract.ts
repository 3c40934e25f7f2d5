/**
 * The relay store's contract: one suite, run against every engine (relay-store-sqlite.test.ts,
 * relay-store-postgres.test.ts), as automerge-repo runs its storage-adapter tests. It drives the
 * store as the relay does — createStore over an engine, writes through `submit` — and reads back
 * through the engine, so the rules (store-rules.mjs) and each engine's primitives are checked together.
 */
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { RelayEngine } from '../../../server/relay/engine.mjs';
import { createStore, type RelayStore } from '../../../server/relay/store.mjs';
import { newRoomKey, type RoomKey } from './relay-client.ts';

export interface EngineFactory {
  /** A fresh, empty engine. */
  open(): Promise<RelayEngine>;
  /** A second engine on the same data as `engine` (a restart, or another node). */
  reopen(engine: RelayEngine): Promise<RelayEngine>;
  /** Whether several engines may write to the same data at once (several relay nodes). */
  sharedByNodes: boolean;
}

const ZERO = Buffer.alloc(16);
const env = (text: string) => ({ id: randomBytes(16), data: Buffer.from(text) });
const append = (room: RoomKey, envelopes: Array<{ id: Buffer; data: Buffer }>, key = room.publicKey) =>
  ({ kind: 'append' as const, tag: room.tag, key, envelopes });
const snapshot = (room: RoomKey, snapshotId: Buffer, baseSnapshotId: Buffer, seq: number, data: string) =>
  ({ kind: 'snapshot' as const, tag: room.tag, key: room.publicKey, snapshotId, baseSnapshotId, seq, data: Buffer.from(data) });

async function texts(engine: RelayEngine, room: RoomKey, after = 0) {
  const page = await engine.readPage(room.tag, after, 10_000, 1 << 30);
  return { page, texts: page.envelopes.map((e) => e.data.toString()), seqs: page.envelopes.map((e) => e.seq) };
}

export function describeStoreContract(name: string, factory: EngineFactory, quota = 1_000): void {
  const withStore = (test: (store: RelayStore, engine: RelayEngine) => Promise<void>) => async () => {
    const engine = await factory.open();
    const store = createStore({ engine, roomQuotaBytes: quota, lanes: engine.concurrentTransactions });
    try {
      await test(store, engine);
    } finally {
      await store.close();
    }
  };

  describe(`the relay store on ${name}`, () => {
    it('creates a room on its first write, with a random log id, and numbers envelopes from 1 in order', withStore(async (store, engine) => {
      const room = newRoomKey();
      expect((await engine.readPage(room.tag, 0, 10, 1000)).room).toBeNull();
      const first = await store.submit(append(room, [env('a'), env('b')]));
      const second = await store.submit(append(room, [env('c')]));
      expect(first).toMatchObject({ ok: true, seqs: [1, 2], state: { head: 2, tailCount: 2, tailBytes: 2 } });
      expect(second).toMatchObject({ ok: true, seqs: [3], state: { head: 3, tailCount: 3, tailBytes: 3 } });
      const { page, texts: read, seqs } = await texts(engine, room);
      expect(read).toEqual(['a', 'b', 'c']);
      expect(seqs).toEqual([1, 2, 3]);
      expect(page.room?.logId).toHaveLength(16);
      expect(page.room?.logId.equals(ZERO)).toBe(false);
      expect(page.room?.key.equals(room.publicKey)).toBe(true);
      expect((await texts(engine, room, 2)).seqs).toEqual([3]);
    }));

    it('stores an envelope id once: a retry, or a repeat within a batch, gets the first sequence number', withStore(async (store, engine) => {
      const room = newRoomKey();
      const a = env('a');
      await store.submit(append(room, [a]));
      const retry = await store.submit(append(room, [env('b'), a, env('c')]));
      expect(retry).toMatchObject({ ok: true, seqs: [2, 1, 3] });
      const x = env('x');
      expect(await store.submit(append(room, [x, x]))).toMatchObject({ ok: true, seqs: [4, 4], state: { head: 4 } });
      expect((await texts(engine, room)).texts).toEqual(['a', 'b', 'c', 'x']);
    }));

    it('lets only the key that hashes to the tag create a room, and only the registered key write to it', withStore(async (store, engine) => {
      const room = newRoomKey();
      const stranger = newRoomKey();
      expect(await store.submit(append(room, [env('squat')], stranger.publicKey))).toMatchObject({ ok: false, error: 'not-authorised' });
      expect((await engine.readPage(room.tag, 0, 10, 1000)).room).toBeNull();
      await store.submit(append(room, [env('mine')]));
      for (const op of [
        append(room, [env('forged')], stranger.publicKey),
        { ...snapshot(room, randomBytes(16), ZERO, 1, 'forged'), key: stranger.publicKey },
        { kind: 'delete' as const, tag: room.tag, key: stranger.publicKey },
        { kind: 'set-key' as const, tag: room.tag, key: stranger.publicKey, newKey: stranger.publicKey },
      ]) {
        expect(await store.submit(op)).toMatchObject({ ok: false, error: 'not-authorised' });
      }
      const { page, texts: read } = await texts(engine, room);
      expect(read).toEqual(['mine']);
      expect(page.room?.snapshotId).toBeNull();
    }));

    it('refuses a push past the quota whole, and still accepts a snapshot that makes the room smaller', withStore(async (store, engine) => {
      const room = newRoomKey();
      await store.submit(append(room, [{ id: randomBytes(16), data: Buffer.alloc(quota - 100) }]));
      const over = await store.submit(append(room, [env('fits'), { id: randomBytes(16), data: Buffer.alloc(200) }]));
      expect(over).toMatchObject({ ok: false, error: 'quota-exceeded' });
      expect((await texts(engine, room)).seqs).toEqual([1]);
      // A snapshot bigger than the quota allows, but smaller than what it replaces: accepted.
      const shrink = await store.submit(snapshot(room, randomBytes(16), ZERO, 1, 'x'.repeat(quota - 200)));
      expect(shrink).toMatchObject({ ok: true, state: { snapshotSeq: 1, tailCount: 0, tailBytes: 0 } });
    }));

    it('replaces a snapshot only by compare-and-swap, covering no more than the head and no less than before', withStore(async (store, engine) => {
      const room = newRoomKey();
      await store.submit(append(room, [env('1'), env('2'), env('3'), env('4')]));
      const s1 = randomBytes(16);
      expect(await store.submit(snapshot(room, s1, ZERO, 2, 'up to 2'))).toMatchObject({ ok: true, replaced: true, state: { snapshotSeq: 2, tailCount: 2, tailBytes: 2 } });
      expect(await store.submit(snapshot(room, randomBytes(16), ZERO, 3, 'not based on s1'))).toMatchObject({ ok: false, error: 'snapshot-conflict' });
      expect(await store.submit(snapshot(room, randomBytes(16), s1, 5, 'past the head'))).toMatchObject({ ok: false, error: 'snapshot-ahead' });
      expect(await store.submit(snapshot(room, randomBytes(16), s1, 1, 'behind'))).toMatchObject({ ok: false, error: 'snapshot-conflict' });
      expect(await store.submit(snapshot(room, s1, ZERO, 2, 'up to 2'))).toMatchObject({ ok: true, replaced: false });
      // A reader behind the snapshot gets it, then the tail after it; the tail is untouched.
      const behind = await engine.readPage(room.tag, 0, 100, 1 << 20);
      expect(behind.snapshot?.data.toString()).toBe('up to 2');
      expect(behind.snapshot?.snapshotId.equals(s1)).toBe(true);
      expect(behind.envelopes.map((e) => e.seq)).toEqual([3, 4]);
      const ahead = await engine.readPage(room.tag, 3, 100, 1 << 20);
      expect(ahead.snapshot).toBeNull();
      expect(ahead.envelopes.map((e) => e.seq)).toEqual([4]);
      const s2 = randomBytes(16);
      expect(await store.submit(snapshot(room, s2, s1, 4, 'up to 4'))).toMatchObject({ ok: true, state: { snapshotSeq: 4, tailCount: 0, head: 4 } });
      expect((await engine.readPage(room.tag, 3, 100, 1 << 20)).snapshot?.data.toString()).toBe('up to 4');
    }));

    it('recognises a retry of an envelope already folded into a snapshot, until the folded ids are swept', withStore(async (store, engine) => {
      const room = newRoomKey();
      const a = env('a');
      await store.submit(append(room, [a, env('b')]));
      await store.submit(snapshot(room, randomBytes(16), ZERO, 2, 'ab'));
      expect(await store.submit(append(room, [a]))).toMatchObject({ ok: true, seqs: [1], fresh: [], state: { head: 2 } });
      expect(await engine.sweepFolded(Date.now() + 1)).toBe(2);
      expect(await store.submit(append(room, [a]))).toMatchObject({ ok: true, seqs: [3] });
    }));

    it('deletes a room under its key, idempotently; re-created, it has a new log id', withStore(async (store, engine) => {
      const room = newRoomKey();
      const created = await store.submit(append(room, [env('a')]));
      await store.submit(snapshot(room, randomBytes(16), ZERO, 1, 's'));
      const deleted = await store.submit({ kind: 'delete', tag: room.tag, key: room.publicKey });
      expect(deleted).toMatchObject({ ok: true, kind: 'delete' });
      expect((await engine.readPage(room.tag, 0, 10, 1000)).room).toBeNull();
      expect(await store.submit({ kind: 'delete', tag: room.tag, key: room.publicKey })).toMatchObject({ ok: true, logId: null });
      const again = await store.submit(append(room, [env('b')]));
      expect(again).toMatchObject({ ok: true, seqs: [1] });
      if (!created.ok || !again.ok || created.kind !== 'append' || again.kind !== 'append') throw new Error('unexpected');
      expect(again.state.logId.equals(created.state.logId)).toBe(false);
    }));

    it('replaces the registered key by a write under the current one', withStore(async (store) => {
      const room = newRoomKey();
      const next = newRoomKey();
      await store.submit(append(room, [env('a')]));
      expect(await store.submit({ kind: 'set-key', tag: room.tag, key: room.publicKey, newKey: next.publicKey })).toMatchObject({ ok: true });
      expect(await store.submit(append(room, [env('old key')]))).toMatchObject({ ok: false, error: 'not-authorised' });
      expect(await store.submit(append(room, [env('new key')], next.publicKey))).toMatchObject({ ok: true, seqs: [2] });
    }));

    it('commits concurrent writes in groups without gaps, each with its own answer', async () => {
      const engine = await factory.open();
      const store = createStore({ engine, roomQuotaBytes: 1 << 20, lanes: engine.concurrentTransactions });
      const room = newRoomKey();
      const other = newRoomKey();
      const stranger = newRoomKey();
      const results = await Promise.all(Array.from({ length: 300 }, (_, i) =>
        i % 50 === 7 ? store.submit(append(room, [env('forged')], stranger.publicKey)) : store.submit(append(i % 2 ? room : other, [env(`e${i}`), env(`f${i}`)]))));
      expect(results.filter((r) => !r.ok)).toHaveLength(6);
      expect(store.metrics.commits).toBeLessThan(150);
      for (const r of [room, other]) {
        const { seqs } = await texts(engine, r);
        expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
      }
      expect((await texts(engine, room)).seqs).toHaveLength(2 * 144);
      await store.close();
    });

    it('pages by count and by bytes, always returning at least one envelope', withStore(async (store, engine) => {
      const room = newRoomKey();
      await store.submit(append(room, Array.from({ length: 10 }, (_, i) => env(`${i}`.padStart(10, '0')))));
      expect((await engine.readPage(room.tag, 0, 3, 1 << 20)).envelopes.map((e) => e.seq)).toEqual([1, 2, 3]);
      expect((await engine.readPage(room.tag, 2, 100, 25)).envelopes.map((e) => e.seq)).toEqual([3, 4]);
      expect((await engine.readPage(room.tag, 0, 100, 1)).envelopes.map((e) => e.seq)).toEqual([1]);
      expect((await engine.readPage(room.tag, 10, 100, 1)).envelopes).toEqual([]);
    }));

    it('keeps every committed write and the log ids across a reopen, and renews log ids on request', async () => {
      const engine = await factory.open();
      const store = createStore({ engine, roomQuotaBytes: quota, lanes: engine.concurrentTransactions });
      const room = newRoomKey();
      await store.submit(append(room, [env('kept')]));
      const before = (await engine.readPage(room.tag, 0, 10, 1000)).room!;
      await store.close();
      const reopened = await factory.reopen(engine);
      try {
        const page = await reopened.readPage(room.tag, 0, 10, 1000);
        expect(page.envelopes.map((e) => e.data.toString())).toEqual(['kept']);
        expect(page.room?.logId.equals(before.logId)).toBe(true);
        expect(await reopened.stats()).toMatchObject({ rooms: 1, envelopes: 1, bytes: 4 });
        expect(await reopened.renewLogIds()).toBe(1);
        expect((await reopened.readPage(room.tag, 0, 10, 1000)).room?.logId.equals(before.logId)).toBe(false);
      } finally {
        await reopened.close();
      }
    });

    // Only where several relay nodes share the data (PostgreSQL); SQLite is one node's own file.
    if (factory.sharedByNodes) it('gives two nodes writing to one room at once consecutive sequence numbers, never the same one', async () => {
      const a = await factory.open();
      const b = await factory.reopen(a);
      const storeA = createStore({ engine: a, roomQuotaBytes: 1 << 30, lanes: 4 });
      const storeB = createStore({ engine: b, roomQuotaBytes: 1 << 30, lanes: 4 });
      try {
        const room = newRoomKey();
        const shared = env('sent to both nodes');
        const results = await Promise.all(Array.from({ length: 200 }, (_, i) => (i % 2 ? storeA : storeB).submit(append(room, [i === 0 || i === 1 ? shared : env(`${i}`)]))));
        expect(results.every((r) => r.ok)).toBe(true);
        const { seqs, texts: read } = await texts(a, room);
        expect(seqs).toEqual(Array.from({ length: 199 }, (_, i) => i + 1));
        expect(read.filter((t) => t === 'sent to both nodes')).toHaveLength(1);
      } finally {
        await storeA.close();
        await storeB.close();
      }
    });
  });
}
