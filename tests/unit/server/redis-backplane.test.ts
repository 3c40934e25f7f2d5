/**
 * Two nodes share rooms through a real redis-server; Redis going away costs cross-node reach only,
 * and coming back restores it. Everything runs on loopback with ephemeral ports.
 */
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sleep, startRedis, startSignalServer, stopAll, TestClient, waitFor, type RedisServer, type SignalServer } from './helpers.ts';

const PREFIX = 'test-signal:';
let redis: RedisServer;
let nodeA: SignalServer;
let nodeB: SignalServer;
let probe: Redis;
const clients: TestClient[] = [];

beforeAll(async () => {
  redis = await startRedis();
  const env = { REDIS_URL: redis.url, REDIS_CHANNEL_PREFIX: PREFIX, LOG_INTERVAL_MS: '200' };
  [nodeA, nodeB] = await Promise.all([startSignalServer({ ...env, NODE_ID: 'a' }), startSignalServer({ ...env, NODE_ID: 'b' })]);
  // The test's own view of Redis, to see which channels the nodes hold. It must not queue or
  // retry while Redis is deliberately down.
  probe = new Redis(redis.url, { enableOfflineQueue: false, maxRetriesPerRequest: 0, retryStrategy: () => 100 });
  probe.on('error', () => {});
  await waitFor(async () => (await nodeA.health()).backplane === 'up' && (await nodeB.health()).backplane === 'up', 10_000, 'backplane up');
}, 30_000);

afterAll(async () => {
  for (const c of clients) c.close();
  probe?.disconnect();
  await stopAll();
});

async function subscriber(node: SignalServer, ...topics: string[]): Promise<TestClient> {
  const client = await TestClient.open(node.wsUrl);
  clients.push(client);
  client.send({ type: 'subscribe', topics });
  await client.roundTrip();
  return client;
}

/** Subscribers Redis counts on a topic's channel (one per node holding it). */
async function nodesOn(topic: string): Promise<number> {
  // After a Redis restart our probe reconnects on its own, maybe after the nodes: not yet, not 0.
  if (probe.status !== 'ready') return -1;
  const reply = (await probe.pubsub('NUMSUB', PREFIX + topic)) as [string, number];
  return Number(reply[1]);
}

/** Publishes of `data` a client received so far. */
const copiesOf = (client: TestClient, topic: string, data: string) => client.publishesTo(topic).filter((m) => m.data === data).length;

describe('Redis backplane', () => {
  it('delivers a publish on node A to a subscriber on node B exactly once, and to A’s own subscribers once', async () => {
    const onA = await subscriber(nodeA, 'shared');
    const onB = await subscriber(nodeB, 'shared');
    await waitFor(async () => (await nodesOn('shared')) === 2, 5_000, 'both nodes subscribed');

    onA.send({ type: 'publish', topic: 'shared', data: 'from-a' });
    onB.send({ type: 'publish', topic: 'shared', data: 'from-b' });
    await waitFor(() => copiesOf(onB, 'shared', 'from-a') > 0 && copiesOf(onA, 'shared', 'from-b') > 0, 5_000, 'cross-node delivery');
    await sleep(300); // room for a duplicate to show up, if there were one
    expect(copiesOf(onB, 'shared', 'from-a')).toBe(1);
    expect(copiesOf(onA, 'shared', 'from-a')).toBe(1); // the echo from Redis is skipped by node id
    expect(copiesOf(onA, 'shared', 'from-b')).toBe(1);
    expect(copiesOf(onB, 'shared', 'from-b')).toBe(1);
    // `clients` counts the receiving node's own subscribers.
    expect(onB.publishesTo('shared').find((m) => m.data === 'from-a')).toMatchObject({ clients: 1 });
  });

  it('holds a Redis channel only for topics with local subscribers', async () => {
    const onA = await subscriber(nodeA, 'only-on-a');
    await waitFor(async () => (await nodesOn('only-on-a')) === 1, 5_000, 'channel held by A');
    const channels = (await probe.pubsub('CHANNELS', `${PREFIX}*`)) as string[];
    expect(channels).toContain(PREFIX + 'only-on-a');
    onA.send({ type: 'unsubscribe', topics: ['only-on-a'] });
    await waitFor(async () => (await nodesOn('only-on-a')) === 0, 5_000, 'channel released');
  });

  it('does not deliver a cross-node publish to other topics', async () => {
    const onA = await subscriber(nodeA, 'topic-x');
    const onB = await subscriber(nodeB, 'topic-y');
    await waitFor(async () => (await nodesOn('topic-y')) === 1);
    onA.send({ type: 'publish', topic: 'topic-x', data: 'x-only' });
    await waitFor(() => copiesOf(onA, 'topic-x', 'x-only') === 1);
    await sleep(200);
    await onB.roundTrip();
    expect(onB.received.filter((m) => (m as { type: string }).type === 'publish')).toEqual([]);
  });

  it('keeps serving local rooms while Redis is down, and shares rooms across nodes again once it is back', { timeout: 40_000 }, async () => {
    const a1 = await subscriber(nodeA, 'local');
    const a2 = await subscriber(nodeA, 'local');
    const b1 = await subscriber(nodeB, 'across');
    const a3 = await subscriber(nodeA, 'across');
    await waitFor(async () => (await nodesOn('across')) === 2);

    await redis.stop();
    await waitFor(async () => (await nodeA.health()).backplane === 'down' && (await nodeB.health()).backplane === 'down', 10_000, 'backplane down');

    for (let i = 0; i < 20; i++) a1.send({ type: 'publish', topic: 'local', data: `during-${i}` });
    await waitFor(() => a2.publishesTo('local').length === 20, 5_000, 'local delivery while Redis is down');
    expect(a2.publishesTo('local').map((m) => m.data)).toEqual(Array.from({ length: 20 }, (_, i) => `during-${i}`));
    a3.send({ type: 'publish', topic: 'across', data: 'lost-while-down' });
    await a3.roundTrip();
    expect(nodeA.alive() && nodeB.alive()).toBe(true);
    // A topic first opened while Redis is down must be subscribed once it returns.
    const b2 = await subscriber(nodeB, 'opened-while-down');

    await redis.restart();
    await waitFor(async () => (await nodeA.health()).backplane === 'up' && (await nodeB.health()).backplane === 'up', 15_000, 'backplane up again');
    await waitFor(async () => (await nodesOn('across')) === 2 && (await nodesOn('opened-while-down')) === 1, 5_000, 'resubscribed');

    a3.send({ type: 'publish', topic: 'across', data: 'after-recovery' });
    const a4 = await subscriber(nodeA, 'opened-while-down');
    await waitFor(async () => (await nodesOn('opened-while-down')) === 2);
    a4.send({ type: 'publish', topic: 'opened-while-down', data: 'late-room' });
    await waitFor(() => copiesOf(b1, 'across', 'after-recovery') === 1 && copiesOf(b2, 'opened-while-down', 'late-room') === 1, 5_000, 'cross-node after recovery');
    await sleep(300);
    expect(copiesOf(b1, 'across', 'after-recovery')).toBe(1);
    expect(copiesOf(b1, 'across', 'lost-while-down')).toBe(0); // nothing is queued for later: stale signals do harm

    // The logs tell the story in states and counts, without room names.
    for (const node of [nodeA, nodeB]) {
      expect(node.output()).toMatch(/backplane state=down[\s\S]*backplane state=up/);
      expect(node.output()).not.toMatch(/across|opened-while-down|local|redis:\/\//);
    }
  });
});
