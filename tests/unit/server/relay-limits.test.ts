/**
 * The relay's limits, each with its clear answer and never a crash, against the real process:
 * envelope and frame size, room quota, rooms per connection, rate limits per connection and per
 * address, connections per address, and clients that stop reading.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { sleep, stopAll, waitFor } from './helpers.ts';
import { envelope, newRoomKey, RelayClient, syncFrame, ZERO16, type Entry } from './relay-client.ts';
import { startRelay, tempDir, type RelayServer } from './relay-helpers.ts';

const dirs: Array<ReturnType<typeof tempDir>> = [];
afterAll(async () => {
  await stopAll();
  for (const d of dirs) d.cleanup();
});

async function relay(env: Record<string, string> = {}): Promise<RelayServer> {
  const temp = tempDir('relay-limits-');
  dirs.push(temp);
  return startRelay({ RELAY_DATA_DIR: temp.dir, ...env });
}

describe('sizes', () => {
  it('refuses an envelope over RELAY_MAX_ENVELOPE_BYTES (too-large), keeps the connection, and stores nothing of the batch', async () => {
    const server = await relay({ RELAY_MAX_ENVELOPE_BYTES: '1024' });
    const client = await RelayClient.open(server.relayUrl);
    const room = newRoomKey();
    expect(await client.push(room, [envelope('fine'), envelope(Buffer.alloc(1025))])).toMatchObject({ type: 'error', name: 'too-large' });
    expect(await client.push(room, [envelope(Buffer.alloc(1024))])).toMatchObject({ type: 'pushed', seqs: [1] });
    await server.stop();
  });

  it('closes with 1009 on a frame over the frame cap, before reading it whole', async () => {
    const server = await relay({ RELAY_MAX_SNAPSHOT_BYTES: '4096' });
    const client = await RelayClient.open(server.relayUrl);
    expect(client.hello.maxFrameBytes).toBe(4096 + 256);
    client.sendRaw(Buffer.alloc(4096 + 257));
    await waitFor(() => client.closeCode !== null);
    expect(client.closeCode).toBe(1009);
    expect((await server.health()).status).toBe('ok');
    await server.stop();
  });

  it('refuses pushes past the room quota (quota-exceeded) until a snapshot makes the room smaller', async () => {
    const server = await relay({ RELAY_ROOM_QUOTA_BYTES: '8192' });
    const client = await RelayClient.open(server.relayUrl);
    const room = newRoomKey();
    for (let i = 0; i < 7; i++) expect(await client.push(room, [envelope(Buffer.alloc(1000))])).toMatchObject({ type: 'pushed' });
    expect(await client.push(room, [envelope(Buffer.alloc(2000))])).toMatchObject({ type: 'error', name: 'quota-exceeded' });
    expect(await client.snapshot(room, randomBytes(16), ZERO16, 7, Buffer.alloc(1500))).toMatchObject({ type: 'snapshot-stored', state: { tailBytes: 0 } });
    expect(await client.push(room, [envelope(Buffer.alloc(2000))])).toMatchObject({ type: 'pushed', seqs: [8] });
    await server.stop();
  });

  it('refuses a live subscription past RELAY_MAX_ROOMS_PER_CONNECTION (too-many-rooms) and keeps the others', async () => {
    const server = await relay({ RELAY_MAX_ROOMS_PER_CONNECTION: '3' });
    const client = await RelayClient.open(server.relayUrl);
    for (let i = 0; i < 3; i++) await client.sync(randomBytes(32), { live: true });
    const reqId = client.reqId();
    expect((await client.request(reqId, syncFrame(reqId, randomBytes(32), ZERO16, 0, true))).at(-1)).toMatchObject({ type: 'error', name: 'too-many-rooms' });
    expect(await client.ping()).toMatchObject({ type: 'pong' });
    await server.stop();
  });
});

describe('rates and connections', () => {
  it('answers requests past the rate with rate-limited and a wait, then closes a flood with 1008', async () => {
    const server = await relay({ RELAY_RATE_LIMIT_PER_SECOND: '10', RELAY_RATE_LIMIT_BURST: '50' });
    const client = await RelayClient.open(server.relayUrl);
    const answers = await Promise.all(Array.from({ length: 60 }, () => client.ping()));
    const limited = answers.filter((a) => a.type === 'error');
    expect(answers.filter((a) => a.type === 'pong').length).toBeGreaterThanOrEqual(50);
    expect(limited.length).toBeGreaterThan(0);
    expect(limited[0]).toMatchObject({ name: 'rate-limited' });
    expect((limited[0] as { retryAfterMs: number }).retryAfterMs).toBeGreaterThan(0);
    expect(client.isOpen).toBe(true);
    await Promise.all(Array.from({ length: 200 }, () => client.ping().catch(() => null)));
    await waitFor(() => client.closeCode !== null, 5_000, 'the flood closed');
    expect(client.closeCode).toBe(1008);
    await server.stop();
  });

  it('shares one frame bucket among all connections from one address', async () => {
    const server = await relay({ IP_RATE_LIMIT_PER_SECOND: '10', IP_RATE_LIMIT_BURST: '40' });
    const a = await RelayClient.open(server.relayUrl);
    const b = await RelayClient.open(server.relayUrl);
    const other = await RelayClient.open(server.relayUrl, { headers: { 'x-forwarded-for': '198.51.100.20' } });
    const answers = await Promise.all(Array.from({ length: 30 }, () => [a.ping(), b.ping()]).flat());
    const pongs = answers.filter((x) => x.type === 'pong').length;
    expect(pongs).toBeGreaterThanOrEqual(40);
    expect(pongs).toBeLessThan(48);
    expect(answers.filter((x) => x.type === 'error').every((x) => x.type === 'error' && x.name === 'rate-limited')).toBe(true);
    expect((await Promise.all(Array.from({ length: 30 }, () => other.ping()))).every((x) => x.type === 'pong')).toBe(true);
    await server.stop();
  });

  it('refuses the connection past MAX_CONNECTIONS_PER_IP with 429', async () => {
    const server = await relay({ MAX_CONNECTIONS_PER_IP: '3' });
    await Promise.all(Array.from({ length: 3 }, () => RelayClient.open(server.relayUrl)));
    await expect(RelayClient.open(server.relayUrl)).rejects.toThrow('HTTP 429');
    const elsewhere = await RelayClient.open(server.relayUrl, { headers: { 'x-forwarded-for': '203.0.113.8' } });
    expect(elsewhere.isOpen).toBe(true);
    await server.stop();
  });
});

describe('a client that stops reading', () => {
  it('is held to a bounded backlog, cut off as not-reading (close 4001), and catches up by sequence when it returns', { timeout: 60_000 }, async () => {
    const server = await relay({ RELAY_STALL_MS: '1500', RELAY_RATE_LIMIT_PER_SECOND: '100000', RELAY_RATE_LIMIT_BURST: '100000', IP_BYTES_PER_SECOND: String(1024 ** 3), IP_BYTES_BURST: String(1024 ** 3) });
    const room = newRoomKey();
    const writer = await RelayClient.open(server.relayUrl);
    const stalled = await RelayClient.open(server.relayUrl);
    const start = await stalled.sync(room.tag, { live: true });
    stalled.pauseReading();
    // 40 MB pushed at a reader that reads nothing: what the relay queues for it stays bounded.
    let queuedMax = 0;
    for (let i = 0; i < 40; i++) {
      expect(await writer.push(room, Array.from({ length: 10 }, () => envelope(randomBytes(100_000))))).toMatchObject({ type: 'pushed' });
      queuedMax = Math.max(queuedMax, (await server.health()).relay.queuedBytes);
    }
    await waitFor(async () => (await server.health()).relay.connections === 1, 15_000, 'the stalled reader cut off');
    // The live high-water mark (1 MiB) plus one frame in flight, never the 40 MB.
    expect(queuedMax).toBeLessThan(3 * 1024 * 1024);
    expect(writer.isOpen).toBe(true);
    await waitFor(() => /relay\.closed\.not-reading=1/.test(server.output()), 2_000, 'the cut counted');
    // It comes back and catches up from where it was: every envelope, in order.
    const back = await RelayClient.open(server.relayUrl);
    const caughtUp = await back.sync(room.tag, { after: start.end.state.head, knownLogId: start.end.state.logId });
    expect(caughtUp.entries.map((e: Entry) => e.seq)).toEqual(Array.from({ length: 400 }, (_, i) => i + 1));
    await server.stop();
  });

  it('a live reader that falls behind is paced from the database, not cut off, if it keeps reading', { timeout: 60_000 }, async () => {
    const server = await relay({ RELAY_LIVE_HIGH_WATER_BYTES: '65536', RELAY_RATE_LIMIT_PER_SECOND: '100000', RELAY_RATE_LIMIT_BURST: '100000', IP_BYTES_PER_SECOND: String(1024 ** 3), IP_BYTES_BURST: String(1024 ** 3) });
    const room = newRoomKey();
    const writer = await RelayClient.open(server.relayUrl);
    const slow = await RelayClient.open(server.relayUrl);
    await slow.sync(room.tag, { live: true });
    slow.pauseReading();
    for (let i = 0; i < 20; i++) await writer.push(room, Array.from({ length: 10 }, () => envelope(randomBytes(20_000))));
    await sleep(300);
    slow.resumeReading();
    const seqs = () => slow.frames.flatMap((f) => (f.type === 'envelopes' && f.tag.equals(room.tag) ? f.entries.map((e) => e.seq) : []));
    await waitFor(() => seqs().length >= 200, 20_000, 'the slow reader to catch up');
    expect(seqs()).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    expect(slow.isOpen).toBe(true);
    await server.stop();
  });
});
