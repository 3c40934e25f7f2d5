/**
 * Hostile input never crashes the server and never disturbs anyone else: a real process is fed
 * thousands of seeded random bad frames while a clean room next door must see every message.
 * Replay a failing run with FUZZ_SEED=<seed printed on failure>.
 */
import { afterAll, describe, expect, it, onTestFailed } from 'vitest';
import { WebSocket } from 'ws';
import { seededRandom, sleep, startSignalServer, stopAll, TestClient, waitFor, type SignalServer } from './helpers.ts';

afterAll(stopAll);

/** Never appears in a well-formed log line; the test checks the log for it. */
const MARKER = 'CONFIDENTIAL-7f3a';

type Frame = { data: string | Buffer; binary: boolean; fatal: boolean };

/** One random bad (or merely odd) frame. `fatal` frames make the server close that connection. */
function randomFrame(random: () => number): Frame {
  const int = (n: number) => Math.floor(random() * n);
  const text = (data: string): Frame => ({ data, binary: false, fatal: false });
  const topic = () => `${MARKER}-${int(500)}`; // more than MAX_TOPICS_PER_CONNECTION
  const anyValue = (depth = 0): unknown => {
    switch (int(depth > 3 ? 5 : 8)) {
      case 0: return null;
      case 1: return random() * 1e6 - 5e5;
      case 2: return random() < 0.5;
      case 3: return MARKER.repeat(int(4));
      case 4: return '';
      case 5: return Array.from({ length: int(5) }, () => anyValue(depth + 1));
      case 6: return Object.fromEntries(Array.from({ length: int(4) }, (_, i) => [`k${i}`, anyValue(depth + 1)]));
      default: return { type: ['subscribe', 'publish', 'ping', 'unsubscribe'][int(4)], topics: anyValue(depth + 1) };
    }
  };
  const valid = (): Record<string, unknown> => {
    switch (int(4)) {
      case 0: return { type: 'subscribe', topics: [topic(), topic()] };
      case 1: return { type: 'unsubscribe', topics: [topic()] };
      case 2: return { type: 'publish', topic: topic(), data: MARKER };
      default: return { type: 'ping' };
    }
  };
  switch (int(16)) {
    case 0: // random bytes in a binary frame
      return { data: Buffer.from(Array.from({ length: 1 + int(512) }, () => int(256))), binary: true, fatal: true };
    case 1: { // random bytes in a text frame: usually invalid UTF-8
      const bytes = Buffer.from(Array.from({ length: 1 + int(256) }, () => int(256)));
      return { data: bytes, binary: false, fatal: !isUtf8(bytes) };
    }
    case 2: { // truncated JSON
      const json = JSON.stringify(valid());
      return text(json.slice(0, int(json.length)));
    }
    case 3: // random JSON values of every type
      return text(JSON.stringify(anyValue()));
    case 4: { // a valid message with one field replaced by a wrong type
      const message = valid();
      const field = ['type', 'topic', 'topics'][int(3)]!;
      message[field] = anyValue();
      return text(JSON.stringify(message));
    }
    case 5: // a huge topics array within the frame cap
      return text(JSON.stringify({ type: 'subscribe', topics: Array.from({ length: 3_000 + int(3_000) }, () => topic()) }));
    case 6: // a huge array of wrong-typed topics
      return text(JSON.stringify({ type: 'subscribe', topics: Array.from({ length: 10_000 }, () => int(10)) }));
    case 7: // over-long topic names
      return text(JSON.stringify({ type: 'publish', topic: MARKER.repeat(100), data: 1 }));
    case 8: // a 1 MB frame
      return { data: MARKER.repeat(Math.ceil(1_048_576 / MARKER.length)), binary: false, fatal: true };
    case 9: // nesting too deep to re-serialise
      return text(`{"type":"publish","topic":"${topic()}","data":${'['.repeat(20_000)}${']'.repeat(20_000)}}`);
    case 10: // prototype-pollution shapes
      return text(['{"__proto__":{"type":"ping"}}', '{"type":"subscribe","topics":["__proto__","constructor"]}',
        '{"type":"publish","topic":"__proto__","data":{"__proto__":{"polluted":1}}}', '{"type":"toString"}'][int(4)]!);
    case 11: // unknown types and empty frames
      return text(['', ' ', '{}', '{"type":""}', `{"type":"${MARKER}"}`, '[]', 'null', 'true'][int(8)]!);
    case 12: // random printable garbage
      return text(Array.from({ length: int(200) }, () => String.fromCharCode(32 + int(95))).join(''));
    default: // well-formed noise on the fuzzers' own topics
      return text(JSON.stringify(valid()));
  }
}

function isUtf8(bytes: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

async function openSocket(url: string): Promise<WebSocket> {
  const socket = new WebSocket(url, { handshakeTimeout: 5_000 });
  socket.on('error', () => {});
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  return socket;
}

/** Sends `count` random frames, reconnecting whenever the server closes the connection. */
async function fuzz(url: string, random: () => number, count: number): Promise<{ reconnects: number }> {
  let socket = await openSocket(url);
  let reconnects = 0;
  for (let i = 0; i < count; i++) {
    if (socket.readyState !== WebSocket.OPEN) {
      socket.terminate();
      socket = await openSocket(url);
      reconnects++;
    }
    const frame = randomFrame(random);
    socket.send(frame.data, { binary: frame.binary });
    if (frame.fatal) {
      // Wait for the server's verdict (bounded), so the next frames land on a live connection.
      const closing = socket;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 2_000);
        closing.once('close', () => (clearTimeout(timer), resolve()));
      });
    }
    const drainDeadline = Date.now() + 10_000;
    while (socket.bufferedAmount > 1 << 20) {
      if (Date.now() > drainDeadline) throw new Error('server stopped reading for 10 s');
      await sleep(5);
    }
    if (i % 20 === 0) await sleep(1); // let the clean room's timers run in this same process
  }
  socket.terminate();
  return { reconnects };
}

/** Two clean clients alternately publish `count` numbered messages each on `topic`. */
async function converse(alice: TestClient, bob: TestClient, topic: string, count: number, gapMs: number) {
  for (let seq = 0; seq < count; seq++) {
    alice.send({ type: 'publish', topic, data: { from: 'alice', seq } });
    bob.send({ type: 'publish', topic, data: { from: 'bob', seq } });
    await sleep(gapMs);
  }
}

function sequenceFrom(client: TestClient, topic: string, from: string): number[] {
  return client
    .publishesTo(topic)
    .map((m) => m.data as { from: string; seq: number })
    .filter((d) => d.from === from)
    .map((d) => d.seq);
}

describe('under random bad frames from several connections', () => {
  it('stays up, keeps /health 200, and the room next door receives every message in order', { timeout: 90_000 }, async () => {
    const seed = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 32));
    onTestFailed(() => console.error(`hardening fuzz failed; replay with FUZZ_SEED=${seed}`));
    // The fuzzers must reach the parser, not just the rate limiter (tested separately below).
    const server = await startSignalServer({ RATE_LIMIT_PER_SECOND: '1000000', RATE_LIMIT_BURST: '1000000', LOG_INTERVAL_MS: '200' });
    const room = 'clean-room';
    const alice = await TestClient.open(server.wsUrl);
    const bob = await TestClient.open(server.wsUrl);
    for (const c of [alice, bob]) {
      c.send({ type: 'subscribe', topics: [room] });
      await c.roundTrip();
    }

    const FUZZERS = 4;
    const FRAMES_EACH = 1_500;
    const MESSAGES = 200;
    const healthChecks: number[] = [];
    let fuzzing = true;
    const poller = (async () => {
      // Bounded by the fuzzing below, and by 600 polls whatever happens.
      for (let i = 0; fuzzing && i < 600; i++) {
        healthChecks.push(await fetch(`${server.url}/health`).then((r) => r.status, () => 0));
        await sleep(100);
      }
    })();

    let results;
    try {
      results = await Promise.all([
        ...Array.from({ length: FUZZERS }, (_, i) => fuzz(server.wsUrl, seededRandom(seed + i), FRAMES_EACH)),
        converse(alice, bob, room, MESSAGES, 10),
      ]);
    } finally {
      fuzzing = false;
      await poller;
    }

    const expected = Array.from({ length: MESSAGES }, (_, i) => i);
    await waitFor(() => sequenceFrom(bob, room, 'alice').length >= MESSAGES && sequenceFrom(alice, room, 'bob').length >= MESSAGES, 10_000, 'clean room messages');
    expect(sequenceFrom(bob, room, 'alice')).toEqual(expected);
    expect(sequenceFrom(alice, room, 'bob')).toEqual(expected);
    // Nothing the fuzzers published reached the clean room.
    expect(bob.publishesTo(room).every((m) => typeof m.data === 'object' && m.data !== null)).toBe(true);
    expect(alice.isOpen && bob.isOpen).toBe(true);

    expect(server.alive()).toBe(true);
    expect(healthChecks.length).toBeGreaterThan(0);
    expect(healthChecks.every((status) => status === 200)).toBe(true);
    expect(await server.health()).toMatchObject({ status: 'ok' });
    // Fatal frames were sent, so the fuzzers must have been cut off and come back.
    expect(results.slice(0, FUZZERS).reduce((n, r) => n + (r as { reconnects: number }).reconnects, 0)).toBeGreaterThan(0);

    // The log counted the drops and closes, and carries no content and no room name.
    await sleep(400);
    const log = server.output();
    expect(log).toMatch(/dropped\.invalid-json=\d+/);
    expect(log).toMatch(/closed\.binary=\d+/);
    expect(log).toMatch(/closed\.oversized=\d+/);
    expect(log).not.toContain(MARKER);
    expect(log).not.toContain(room);
    expect(log).not.toMatch(/ error where=/); // no handler threw
    alice.close();
    bob.close();
    await server.stop();
  });
});

describe('per-case outcomes', () => {
  it.each([
    ['a binary frame', Buffer.from('{"type":"ping"}'), true, 1003],
    ['a frame over MAX_FRAME_BYTES', 'x'.repeat(64 * 1024 + 1), false, 1009],
    ['a text frame that is not UTF-8', Buffer.from([0x7b, 0xff, 0xfe, 0x7d]), false, 1007],
  ])('closes the connection on %s (code %i)', async (_name, data, binary, code) => {
    const server = await startSignalServer();
    const victim = await TestClient.open(server.wsUrl);
    victim.sendRaw(data, binary);
    expect(await victim.waitForClose()).toBe(code);
    expect(server.alive()).toBe(true);
    await server.stop();
  });

  it('closes the connection on broken WebSocket framing (code 1002)', async () => {
    const server = await startSignalServer();
    const victim = await TestClient.open(server.wsUrl);
    // A text frame without the mask bit every client frame must carry (RFC 6455 §5.1).
    victim.writeRawBytes(Buffer.from([0x81, 0x02, 0x7b, 0x7d]));
    expect(await victim.waitForClose()).toBe(1002);
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
    await server.stop();
  });

  it('drops malformed frames but keeps the connection, which still gets its pong', async () => {
    const server = await startSignalServer();
    const client = await TestClient.open(server.wsUrl);
    for (const frame of ['not json', '{"type":"subscribe","topics":"x"}', '{"type":"publish"}', '[]', '{"type":"nope"}']) {
      client.send(frame);
    }
    await client.roundTrip();
    expect(client.received).toEqual([{ type: 'pong' }]);
    await server.stop();
  });

  it('subscribes no more than MAX_TOPICS_PER_CONNECTION topics and ignores the excess', async () => {
    const server = await startSignalServer({ MAX_TOPICS_PER_CONNECTION: '3' });
    const greedy = await TestClient.open(server.wsUrl);
    greedy.send({ type: 'subscribe', topics: ['a', 'b', 'c', 'd', 'e'] });
    await greedy.roundTrip();
    expect(await server.health()).toMatchObject({ topics: 3 });
    const other = await TestClient.open(server.wsUrl);
    other.send({ type: 'subscribe', topics: ['d'] });
    other.send({ type: 'publish', topic: 'd', data: 1 });
    other.send({ type: 'publish', topic: 'a', data: 2 });
    await waitFor(() => greedy.publishesTo('a').length === 1);
    expect(greedy.publishesTo('d')).toEqual([]);
    expect(greedy.isOpen).toBe(true);
    await server.stop();
  });

  it('cuts off a receiver that stops reading once MAX_BUFFERED_BYTES is queued for it', { timeout: 30_000 }, async () => {
    const server = await startSignalServer({ MAX_BUFFERED_BYTES: '65536', RATE_LIMIT_PER_SECOND: '100000', RATE_LIMIT_BURST: '100000', LOG_INTERVAL_MS: '100' });
    const stalled = await TestClient.open(server.wsUrl);
    const sender = await TestClient.open(server.wsUrl);
    stalled.send({ type: 'subscribe', topics: ['busy'] });
    await stalled.roundTrip();
    stalled.pauseReading();
    const chunk = 'x'.repeat(60_000);
    // Loopback socket buffers hold a few MB; 2,000 × 60 KB is far more, so the backlog must build.
    for (let i = 0; i < 2_000; i++) {
      sender.send({ type: 'publish', topic: 'busy', data: chunk });
      if (i % 50 === 49) {
        await sender.roundTrip();
        if ((await server.health()).connections === 1) break;
      }
    }
    await waitFor(async () => (await server.health()).connections === 1, 10_000, 'stalled receiver cut off');
    expect(sender.isOpen).toBe(true);
    await sender.roundTrip();
    await waitFor(() => /closed\.slow-consumer=1/.test(server.output()), 2_000, 'slow-consumer logged');
    stalled.close();
    await server.stop();
  });
});

describe('rate limiting', () => {
  it('drops what a client sends past its burst but keeps the connection while the excess stays under one more burst', async () => {
    const server = await startSignalServer({ RATE_LIMIT_PER_SECOND: '10', RATE_LIMIT_BURST: '100' });
    const eager = await TestClient.open(server.wsUrl);
    for (let i = 0; i < 150; i++) eager.send({ type: 'ping' });
    await sleep(500);
    const pongs = eager.received.length;
    expect(pongs).toBeGreaterThanOrEqual(100);
    expect(pongs).toBeLessThan(110); // the burst, plus what trickled back in at 10/s
    expect(eager.isOpen).toBe(true);
    await server.stop();
  });

  it('closes a flooding connection with 1008 while its neighbours keep talking, even in its own room', async () => {
    const server = await startSignalServer({ RATE_LIMIT_PER_SECOND: '50', RATE_LIMIT_BURST: '100', LOG_INTERVAL_MS: '100' });
    const flooder = await TestClient.open(server.wsUrl);
    const listener = await TestClient.open(server.wsUrl);
    const alice = await TestClient.open(server.wsUrl);
    const bob = await TestClient.open(server.wsUrl);
    listener.send({ type: 'subscribe', topics: ['flooded'] });
    await listener.roundTrip();
    for (const c of [alice, bob]) {
      c.send({ type: 'subscribe', topics: ['calm'] });
      await c.roundTrip();
    }

    for (let i = 0; i < 5_000 && flooder.isOpen; i++) {
      flooder.send({ type: 'publish', topic: 'flooded', data: i });
      if (i % 500 === 499) await sleep(1);
    }
    await converse(alice, bob, 'calm', 20, 25); // 40 messages/s each: within their own limit
    expect(await flooder.waitForClose()).toBe(1008);

    await waitFor(() => sequenceFrom(bob, 'calm', 'alice').length === 20 && sequenceFrom(alice, 'calm', 'bob').length === 20);
    expect(alice.isOpen && bob.isOpen && listener.isOpen).toBe(true);
    // The flooder's room heard at most its burst, not the flood.
    expect(listener.publishesTo('flooded').length).toBeLessThanOrEqual(110);
    await waitFor(() => /closed\.rate-limit=1/.test(server.output()), 2_000, 'rate-limit close logged');
    expect(server.output()).toMatch(/dropped\.rate-limit=\d+/);
    await server.stop();
  });
});

describe('raw TCP garbage', () => {
  it('answers malformed HTTP with nothing worse than a closed socket', async () => {
    const server = await startSignalServer();
    const { connect } = await import('node:net');
    for (const garbage of ['\x00\x01\x02\xff\r\n\r\n', 'GET / HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n', 'x'.repeat(100_000)]) {
      const socket = connect(server.port, '127.0.0.1');
      socket.on('error', () => {});
      socket.write(garbage);
      await sleep(50);
      socket.destroy();
    }
    expect(server.alive()).toBe(true);
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
    await server.stop();
  });
});
