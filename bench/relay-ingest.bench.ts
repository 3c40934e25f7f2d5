/**
 * Relay ingest: envelopes acknowledged per second (PUSHED, i.e. durable) by one node on SQLite, one
 * node on PostgreSQL, and two nodes on one PostgreSQL with the Redis backplane.
 *
 * Load: 16 connections, each pushing to its own room (16 plans), each keeping 16 pushes in flight.
 * Envelopes are 256 bytes of random ciphertext (a sealed small Yjs update: a 12-byte nonce, ~230
 * bytes of update, a 16-byte tag). Batched: 100 envelopes per PUSH under one signature; signed per
 * envelope: 1 envelope per PUSH, so one Ed25519 verification per envelope. Frames are signed
 * before the clock starts (the signing is the clients' cost, not the relay's), after HELLO gave
 * each connection its challenge. One warm-up push per connection creates the rooms first.
 *
 * The load generator, the relay(s), PostgreSQL and Redis share this machine's 2 cores: the
 * two-node figure shows what 2 cores allow, not what two machines would do. Rate limits are
 * raised for the bench (they are per-connection and per-address guards, not the point here).
 */
import { randomBytes } from 'node:crypto';
import type { Figure } from './figure.ts';
import { startRedis, stopAll, type RedisServer } from '../tests/unit/server/helpers.ts';
import { pushBody, RelayClient, newRoomKey, signFrame, type RoomKey } from '../tests/unit/server/relay-client.ts';
import { startPostgres, startRelay, tempDir, type Postgres, type RelayServer } from '../tests/unit/server/relay-helpers.ts';

const CONNECTIONS = 16;
const IN_FLIGHT = 16;
const ENVELOPE_BYTES = 256;
const UNLIMITED = {
  RELAY_RATE_LIMIT_PER_SECOND: '10000000', RELAY_RATE_LIMIT_BURST: '10000000',
  IP_RATE_LIMIT_PER_SECOND: '10000000', IP_RATE_LIMIT_BURST: '10000000',
  IP_BYTES_PER_SECOND: String(1024 ** 4), IP_BYTES_BURST: String(1024 ** 4),
  RELAY_ROOM_QUOTA_BYTES: String(1024 ** 4), LOG_INTERVAL_MS: '600000',
};

/** Pushes `total` envelopes in batches of `batch` through the nodes; resolves with envelopes per second. */
async function ingest(nodes: RelayServer[], total: number, batch: number): Promise<number> {
  const clients = await Promise.all(Array.from({ length: CONNECTIONS }, (_, i) => RelayClient.open(nodes[i % nodes.length]!.relayUrl)));
  const rooms: RoomKey[] = clients.map(() => newRoomKey());
  try {
    await Promise.all(clients.map((c, i) => c.push(rooms[i]!, [{ id: randomBytes(16), data: randomBytes(ENVELOPE_BYTES) }])));
    const framesPer = Math.ceil(total / batch / CONNECTIONS);
    const frames = clients.map((c, i) => Array.from({ length: framesPer }, (_, f) => {
      const reqId = 1_000 + f;
      const envelopes = Array.from({ length: batch }, () => ({ id: randomBytes(16), data: randomBytes(ENVELOPE_BYTES) }));
      return signFrame(pushBody(reqId, rooms[i]!, envelopes), c.challenge, rooms[i]!.privateKey);
    }));
    const started = performance.now();
    await Promise.all(clients.map(async (client, i) => {
      let next = 0;
      const lane = async () => {
        while (next < framesPer) {
          const f = next++;
          const answer = await client.answer(1_000 + f, frames[i]![f]!);
          if (answer.type !== 'pushed') throw new Error(`push refused: ${JSON.stringify(answer)}`);
        }
      };
      await Promise.all(Array.from({ length: IN_FLIGHT }, lane));
    }));
    const seconds = (performance.now() - started) / 1000;
    return Math.round((framesPer * batch * CONNECTIONS) / seconds);
  } finally {
    for (const c of clients) c.close();
  }
}

export default async function (): Promise<Figure[]> {
  const figures: Figure[] = [];
  const temps: Array<ReturnType<typeof tempDir>> = [];
  let postgres: Postgres | null = null;
  let redis: RedisServer | null = null;
  const add = (label: string, perSecond: number, budgetPerSecond: number | null) => {
    figures.push({ name: `relay ingest, ${label}`, value: perSecond, unit: 'envelopes/s', budget: null });
    // As time per 1,000 envelopes, so a budget reads as "at most": 20,000/s is 50 ms per 1,000.
    if (budgetPerSecond !== null) figures.push({ name: `relay ingest, ${label}: time per 1,000 envelopes`, value: 1_000_000 / perSecond, unit: 'ms', budget: 1_000_000 / budgetPerSecond });
    process.stderr.write(`  ${label}: ${perSecond} envelopes/s\n`);
  };
  try {
    const sqliteDir = tempDir('relay-bench-sqlite-');
    temps.push(sqliteDir);
    const sqlite = await startRelay({ RELAY_DATA_DIR: sqliteDir.dir, ...UNLIMITED });
    add(`SQLite, 1 node, batches of 100 × ${ENVELOPE_BYTES} B`, await ingest([sqlite], 200_000, 100), 20_000);
    add(`SQLite, 1 node, batches of 10 × ${ENVELOPE_BYTES} B`, await ingest([sqlite], 50_000, 10), null);
    add(`SQLite, 1 node, signed per envelope (batches of 1 × ${ENVELOPE_BYTES} B)`, await ingest([sqlite], 10_000, 1), null);
    await sqlite.stop();

    [postgres, redis] = await Promise.all([startPostgres(), startRedis()]);
    const oneUrl = await postgres.createDatabase('bench_one');
    const pgOne = await startRelay({ DATABASE_URL: oneUrl, ...UNLIMITED });
    add(`PostgreSQL, 1 node, batches of 100 × ${ENVELOPE_BYTES} B`, await ingest([pgOne], 100_000, 100), null);
    await pgOne.stop();

    const twoUrl = await postgres.createDatabase('bench_two');
    const pgTwo = [await startRelay({ DATABASE_URL: twoUrl, REDIS_URL: redis.url, ...UNLIMITED }), await startRelay({ DATABASE_URL: twoUrl, REDIS_URL: redis.url, ...UNLIMITED })];
    add(`PostgreSQL, 2 nodes + Redis, batches of 100 × ${ENVELOPE_BYTES} B`, await ingest(pgTwo, 100_000, 100), null);
    await Promise.all(pgTwo.map((n) => n.stop()));
  } finally {
    await stopAll();
    await postgres?.stop();
    for (const t of temps) t.cleanup();
  }
  return figures;
}
