/**
 * Two relay nodes on one PostgreSQL with the Redis backplane, members connected to different
 * nodes: live envelopes cross between the nodes, in order, and when Redis drops messages (it is
 * not durable) the database still gets them to every subscriber; while PostgreSQL is down, writes
 * are refused as unavailable, /health says 503, and the node recovers by itself.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRedis, stopAll, waitFor, type RedisServer } from './helpers.ts';
import { envelope, newRoomKey, RelayClient, syncFrame, ZERO16, type Entry } from './relay-client.ts';
import { startPostgres, startRelay, type Postgres, type RelayServer } from './relay-helpers.ts';
import { YjsRelayPeer } from './yjs-relay-peer.ts';

let postgres: Postgres;
let redis: RedisServer;
let nodeA: RelayServer;
let nodeB: RelayServer;

beforeAll(async () => {
  [postgres, redis] = await Promise.all([startPostgres(), startRedis()]);
  const url = await postgres.createDatabase('scale_out');
  const env = { DATABASE_URL: url, REDIS_URL: redis.url };
  nodeA = await startRelay(env);
  nodeB = await startRelay(env);
  await waitFor(async () => (await nodeA.health()).relay.backplane === 'up' && (await nodeB.health()).relay.backplane === 'up', 10_000, 'both backplanes up');
}, 60_000);
afterAll(async () => {
  await stopAll();
  await postgres?.stop();
});

const live = (client: RelayClient, tag: Buffer): Entry[] =>
  client.frames.flatMap((f) => (f.type === 'envelopes' && f.reqId === 0 && f.tag.equals(tag) ? f.entries : []));

describe('two relay nodes on one PostgreSQL, with Redis between them', () => {
  it('carries live envelopes from a member on one node to a member on the other, in order, both ways', async () => {
    const room = newRoomKey();
    const alice = await RelayClient.open(nodeA.relayUrl);
    const bob = await RelayClient.open(nodeB.relayUrl);
    await alice.sync(room.tag, { live: true });
    await bob.sync(room.tag, { live: true });
    for (let i = 0; i < 50; i++) {
      await (i % 2 ? bob : alice).push(room, [envelope(`${i % 2 ? 'bob' : 'alice'} ${i}`)]);
    }
    await waitFor(() => live(alice, room.tag).length === 50 && live(bob, room.tag).length === 50, 10_000, 'both to see all 50');
    for (const client of [alice, bob]) expect(live(client, room.tag).map((e) => e.seq)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    // Alice's envelopes reach Bob with their data. (His own come flagged `own` when delivered live,
    // or with their data when a gap — Alice's envelope still crossing Redis — made his node resume
    // him from the database.)
    const fromAlice = live(bob, room.tag).filter((e) => !e.own && e.data.toString().startsWith('alice'));
    expect(fromAlice.map((e) => e.data.toString())).toEqual(Array.from({ length: 25 }, (_, i) => `alice ${2 * i}`));
    alice.close();
    bob.close();
  });

  it('converges Yjs members on different nodes writing at once', { timeout: 60_000 }, async () => {
    const room = newRoomKey();
    const key = randomBytes(32);
    const peers = [nodeA, nodeB, nodeA].map((node, i) => new YjsRelayPeer(`member-${i}`, room, key, () => node.relayUrl));
    await Promise.all(peers.map((p) => p.connect()));
    await Promise.all(peers.map(async (peer) => {
      for (let i = 0; i < 100; i++) {
        peer.doc.getMap('plan').set(`${peer.name}-${i}`, i);
        if (i % 10 === 9) await new Promise((resolve) => setTimeout(resolve, 1));
      }
    }));
    await waitFor(() => peers.every((p) => p.outbox.size === 0 && p.doc.getMap('plan').size === 300), 20_000, 'convergence');
    const states = peers.map((p) => p.doc.getMap('plan').toJSON());
    expect(states[1]).toEqual(states[0]);
    expect(states[2]).toEqual(states[0]);
    for (const p of peers) p.stop();
  });

  it('still delivers what a node committed while Redis was down, from the database', { timeout: 60_000 }, async () => {
    const room = newRoomKey();
    const writer = await RelayClient.open(nodeA.relayUrl);
    const reader = await RelayClient.open(nodeB.relayUrl);
    await writer.push(room, [envelope('before the outage')]);
    await reader.sync(room.tag, { live: true });
    await redis.stop();
    await writer.push(room, [envelope('during the outage')]);
    // Nothing can cross through Redis now; node B finds the new head in the database.
    await waitFor(() => live(reader, room.tag).some((e) => e.data.toString() === 'during the outage'), 15_000, 'delivery without Redis');
    expect(live(reader, room.tag).map((e) => e.seq)).toEqual([2]);
    await redis.restart();
    await waitFor(async () => (await nodeA.health()).relay.backplane === 'up' && (await nodeB.health()).relay.backplane === 'up', 15_000, 'backplanes back');
    await writer.push(room, [envelope('after the outage')]);
    await waitFor(() => live(reader, room.tag).length === 2, 10_000, 'delivery through Redis again');
    expect(live(reader, room.tag).map((e) => e.seq)).toEqual([2, 3]);
    writer.close();
    reader.close();
  });

  it('answers unavailable and reports 503 while PostgreSQL is down, never crashes, and recovers by itself', { timeout: 60_000 }, async () => {
    const room = newRoomKey();
    const client = await RelayClient.open(nodeA.relayUrl);
    await client.push(room, [envelope('before')]);
    postgres.pause();
    try {
      const refused = await client.push(room, [envelope('during')]);
      expect(refused).toMatchObject({ type: 'error', name: 'unavailable' });
      expect((refused as { retryAfterMs: number }).retryAfterMs).toBeGreaterThan(0);
      const reqId = client.reqId();
      expect((await client.request(reqId, syncFrame(reqId, room.tag, ZERO16, 0, true))).at(-1)).toMatchObject({ type: 'error', name: 'unavailable' });
      const health = await fetch(`${nodeA.url}/health`);
      expect(health.status).toBe(503);
      expect(await health.json()).toMatchObject({ status: 'unavailable', relay: { storeState: 'down' } });
    } finally {
      postgres.resume();
    }
    await waitFor(async () => (await fetch(`${nodeA.url}/health`)).status === 200, 15_000, 'the node to see its database again');
    expect(await client.push(room, [envelope('after')])).toMatchObject({ type: 'pushed', seqs: [2] });
    expect(nodeA.alive() && nodeB.alive()).toBe(true);
    client.close();
  });
});
