/**
 * The relay as a client meets it: a real server process on a real SQLite file, real WebSockets,
 * frames built from PROTOCOL.md (relay-client.ts). Push, pull, live delivery, idempotence,
 * compaction, log identity, and the close codes.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stopAll, waitFor } from './helpers.ts';
import { envelope, newRoomKey, RelayClient, ZERO16, type Entry } from './relay-client.ts';
import { startRelay, tempDir, type RelayServer } from './relay-helpers.ts';

const temp = tempDir('relay-test-');
let server: RelayServer;

beforeAll(async () => {
  server = await startRelay({ RELAY_DATA_DIR: temp.dir, RELAY_COMPACT_AFTER_ENVELOPES: '5' });
});
afterAll(async () => {
  await stopAll();
  temp.cleanup();
});

const liveEntries = (client: RelayClient, tag: Buffer): Entry[] =>
  client.frames.flatMap((f) => (f.type === 'envelopes' && f.reqId === 0 && f.tag.equals(tag) ? f.entries : []));

describe('a room on the relay', () => {
  it('says hello with a fresh 32-byte challenge per connection and the limits it enforces', async () => {
    const a = await RelayClient.open(server.relayUrl);
    const b = await RelayClient.open(server.relayUrl);
    expect(a.hello.version).toBe(1);
    expect(a.challenge).toHaveLength(32);
    expect(a.challenge.equals(b.challenge)).toBe(false);
    expect(a.hello).toMatchObject({ maxEnvelopeBytes: 1024 * 1024, maxBatch: 1000, compactAfterEnvelopes: 5 });
    a.close();
    b.close();
  });

  it('is created by its first push, numbers envelopes from 1, and answers a pull with all of them', async () => {
    const room = newRoomKey();
    const client = await RelayClient.open(server.relayUrl);
    const empty = await client.sync(room.tag);
    expect(empty.begin).toMatchObject({ empty: true, reset: false });
    expect(empty.end.state.head).toBe(0);

    const pushed = await client.push(room, [envelope('one'), envelope('two'), envelope('three')]);
    expect(pushed.type).toBe('pushed');
    if (pushed.type !== 'pushed') return;
    expect(pushed.seqs).toEqual([1, 2, 3]);
    expect(pushed.state).toMatchObject({ head: 3, tailCount: 3, tailBytes: 11 });
    expect(pushed.state.logId.equals(ZERO16)).toBe(false);

    const all = await client.sync(room.tag);
    expect(all.entries.map((e) => [e.seq, e.data.toString()])).toEqual([[1, 'one'], [2, 'two'], [3, 'three']]);
    expect(all.end.state.logId.equals(pushed.state.logId)).toBe(true);
    const tail = await client.sync(room.tag, { after: 2, knownLogId: pushed.state.logId });
    expect(tail.begin.reset).toBe(false);
    expect(tail.entries.map((e) => e.seq)).toEqual([3]);
    client.close();
  });

  it('never stores a retried envelope twice: the retry gets the sequence number of the first', async () => {
    const room = newRoomKey();
    const client = await RelayClient.open(server.relayUrl);
    const a = envelope('a');
    const b = envelope('b');
    expect(await client.push(room, [a])).toMatchObject({ seqs: [1] });
    // A retry on a new connection (the ack was lost), with a new envelope beside it.
    const again = await RelayClient.open(server.relayUrl);
    expect(await again.push(room, [a, b, a])).toMatchObject({ seqs: [1, 2, 1], state: { head: 2 } });
    expect((await again.sync(room.tag)).entries.map((e) => e.data.toString())).toEqual(['a', 'b']);
    client.close();
    again.close();
  });

  it('delivers new envelopes live, in order, and gives the pusher its own entries without the data', async () => {
    const room = newRoomKey();
    const alice = await RelayClient.open(server.relayUrl);
    const bob = await RelayClient.open(server.relayUrl);
    await alice.push(room, [envelope('before')]);
    const start = await bob.sync(room.tag, { live: true });
    expect(start.end.subscribed).toBe(true);
    await alice.sync(room.tag, { live: true, after: 1, knownLogId: start.end.state.logId });
    for (let i = 0; i < 20; i++) await alice.push(room, [envelope(`live ${i}`)]);
    await waitFor(() => liveEntries(bob, room.tag).length === 20, 5_000, 'bob to receive 20 live envelopes');
    expect(liveEntries(bob, room.tag).map((e) => e.seq)).toEqual(Array.from({ length: 20 }, (_, i) => i + 2));
    expect(liveEntries(bob, room.tag).map((e) => e.data.toString())).toEqual(Array.from({ length: 20 }, (_, i) => `live ${i}`));
    await waitFor(() => liveEntries(alice, room.tag).length === 20, 5_000, 'alice to see her own entries');
    expect(liveEntries(alice, room.tag).every((e) => e.own && e.data.length === 0)).toBe(true);
    alice.close();
    bob.close();
  });

  it('asks its readers to compact past the threshold, then serves snapshot + tail and folds what the snapshot covers', async () => {
    const room = newRoomKey();
    const writer = await RelayClient.open(server.relayUrl);
    const reader = await RelayClient.open(server.relayUrl);
    await reader.sync(room.tag, { live: true });
    const sent = Array.from({ length: 6 }, (_, i) => envelope(`e${i + 1}`));
    for (const e of sent) await writer.push(room, [e]);
    await waitFor(() => reader.frames.some((f) => f.type === 'room-state' && f.compact), 5_000, 'a compaction hint');

    const snapshotId = randomBytes(16);
    const stored = await writer.snapshot(room, snapshotId, ZERO16, 4, Buffer.from('state up to 4'));
    expect(stored).toMatchObject({ type: 'snapshot-stored', state: { head: 6, snapshotSeq: 4, tailCount: 2, tailBytes: 4 } });
    await waitFor(() => reader.frames.some((f) => f.type === 'room-state' && f.snapshotChanged), 5_000, 'the snapshot notice');

    const fresh = await RelayClient.open(server.relayUrl);
    const caughtUp = await fresh.sync(room.tag);
    expect(caughtUp.snapshots.map((s) => [s.seq, s.data.toString()])).toEqual([[4, 'state up to 4']]);
    expect(caughtUp.entries.map((e) => e.seq)).toEqual([5, 6]);
    // A reader already past the snapshot gets only the tail, no snapshot.
    const tail = await fresh.sync(room.tag, { after: 5, knownLogId: caughtUp.end.state.logId });
    expect(tail.snapshots).toEqual([]);
    expect(tail.entries.map((e) => e.seq)).toEqual([6]);

    // Compare-and-swap: a snapshot based on anything but the current one is refused.
    expect(await writer.snapshot(room, randomBytes(16), ZERO16, 6, Buffer.from('stale'))).toMatchObject({ type: 'error', name: 'snapshot-conflict' });
    expect(await writer.snapshot(room, randomBytes(16), snapshotId, 7, Buffer.from('ahead'))).toMatchObject({ type: 'error', name: 'snapshot-ahead' });
    // The same snapshot again (a retry) is acknowledged without change.
    expect(await writer.snapshot(room, snapshotId, ZERO16, 4, Buffer.from('state up to 4'))).toMatchObject({ type: 'snapshot-stored' });
    // A retried envelope that was folded into the snapshot is still recognised, not stored again.
    expect(await writer.push(room, [sent[1]!])).toMatchObject({ type: 'pushed', seqs: [2], state: { head: 6 } });
    writer.close();
    reader.close();
    fresh.close();
  });

  it('tells a client whose log id is not the room\'s, or whose sequence is ahead, to start again (reset)', async () => {
    const room = newRoomKey();
    const client = await RelayClient.open(server.relayUrl);
    await client.push(room, [envelope('x'), envelope('y')]);
    const other = await client.sync(room.tag, { after: 1, knownLogId: randomBytes(16) });
    expect(other.begin.reset).toBe(true);
    expect(other.entries.map((e) => e.seq)).toEqual([1, 2]);
    const ahead = await client.sync(room.tag, { after: 9, knownLogId: other.end.state.logId });
    expect(ahead.begin.reset).toBe(true);
    expect(ahead.entries.map((e) => e.seq)).toEqual([1, 2]);
    client.close();
  });

  it('answers pings, and closes with 1003 on a text frame', async () => {
    const client = await RelayClient.open(server.relayUrl);
    expect(await client.ping()).toMatchObject({ type: 'pong' });
    client.sendRaw('{"type":"ping"}', false);
    await waitFor(() => client.closeCode !== null);
    expect(client.closeCode).toBe(1003);
  });
});

describe('HTTP', () => {
  it('reports health with relay counts and the store, and metrics in Prometheus text', async () => {
    const health = await server.health();
    expect(health).toMatchObject({ status: 'ok', relay: { store: 'sqlite', storeState: 'up', backplane: 'off' } });
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    expect(metrics).toMatch(/^core_group_relay_envelopes_total \d+$/m);
    expect(metrics).toMatch(/^process_resident_memory_bytes \d+$/m);
  });
});


describe('after a backup is restored', () => {
  it('renew-log-ids gives every room a new log id, so clients see a reset and re-seed', async () => {
    const { execFileSync } = await import('node:child_process');
    const temp2 = tempDir('relay-restore-');
    try {
      const node = await startRelay({ RELAY_DATA_DIR: temp2.dir });
      const room = newRoomKey();
      const client = await RelayClient.open(node.relayUrl);
      const pushed = await client.push(room, [envelope('before the backup')]);
      if (pushed.type !== 'pushed') throw new Error('push refused');
      await node.stop();
      const output = execFileSync(process.execPath, ['server/relay/renew-log-ids.mjs'], { env: { PATH: process.env.PATH ?? '', RELAY_DATA_DIR: temp2.dir } }).toString();
      expect(output).toContain('renewed the log id of 1 room (sqlite)');
      const again = await startRelay({ RELAY_DATA_DIR: temp2.dir });
      const reader = await RelayClient.open(again.relayUrl);
      const sync = await reader.sync(room.tag, { after: 1, knownLogId: pushed.state.logId });
      expect(sync.begin.reset).toBe(true);
      expect(sync.entries.map((e) => e.data.toString())).toEqual(['before the backup']);
      await again.stop();
    } finally {
      temp2.cleanup();
    }
  });
});
