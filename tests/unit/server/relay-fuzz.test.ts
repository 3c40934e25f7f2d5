/**
 * Every byte from a client is untrusted. The frame parser is total (any bytes → a frame or an
 * error, never an exception), and the real relay, fed thousands of seeded random and mutated
 * frames from several connections, stays up, answers each with an error or a valid reply, changes
 * no room it was not validly asked to, and keeps serving a clean room next door.
 * Replay a failing run with FUZZ_SEED=<seed printed on failure>.
 */
import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, describe, expect, it, onTestFailed } from 'vitest';
import { decodeClientFrame } from '../../../server/relay/codec.mjs';
import { seededRandom, sleep, stopAll, waitFor } from './helpers.ts';
import { deleteBody, envelope, newRoomKey, pingFrame, pushBody, RelayClient, setKeyBody, signFrame, snapshotBody, syncFrame, unsubscribeFrame, ZERO16, type RoomKey } from './relay-client.ts';
import { startRelay, tempDir } from './relay-helpers.ts';

const temp = tempDir('relay-fuzz-');
afterAll(async () => {
  await stopAll();
  temp.cleanup();
});

const LIMITS = { maxEnvelopeBytes: 4096, maxBatch: 16, maxSnapshotBytes: 65536 };
const ERROR_NAMES = ['bad-frame', 'unknown-type', 'too-large'];

/** Valid frames of every type (signed with a throwaway challenge). */
function validFrames(room: RoomKey, challenge: Buffer): Buffer[] {
  return [
    signFrame(pushBody(1, room, [envelope('a'), envelope('bb')]), challenge, room.privateKey),
    syncFrame(2, room.tag, ZERO16, 5, true),
    unsubscribeFrame(3, room.tag),
    signFrame(snapshotBody(4, room, randomBytes(16), ZERO16, 2, Buffer.from('snap')), challenge, room.privateKey),
    signFrame(deleteBody(5, room), challenge, room.privateKey),
    signFrame(setKeyBody(6, room, randomBytes(32)), challenge, room.privateKey),
    pingFrame(7),
  ];
}

describe('the frame parser', () => {
  const room = newRoomKey();
  const valid = validFrames(room, randomBytes(32));

  it('decodes every valid frame', () => {
    for (const frame of valid) expect(decodeClientFrame(frame, LIMITS)).toMatchObject({ ok: true });
  });

  it('never throws on random bytes, and names a known error when it refuses', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 600 }), (bytes) => {
      const result = decodeClientFrame(Buffer.from(bytes), LIMITS);
      if (!result.ok) expect(ERROR_NAMES).toContain(result.error);
    }), { numRuns: 5_000 });
  });

  it('never throws on valid frames truncated, extended or with bytes changed, and never accepts a shorter or longer one', () => {
    fc.assert(fc.property(
      fc.constantFrom(...valid),
      fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 6 }),
      fc.integer({ min: -40, max: 40 }),
      (frame, edits, resize) => {
        const bytes = Buffer.from(frame);
        for (const [at, value] of edits) bytes[at % bytes.length] = value;
        const sized = resize < 0 ? bytes.subarray(0, Math.max(0, bytes.length + resize)) : Buffer.concat([bytes, Buffer.alloc(resize)]);
        const result = decodeClientFrame(sized, LIMITS);
        if (!result.ok) expect(ERROR_NAMES).toContain(result.error);
        // Lengths are checked exactly: with no byte changed, any other size is refused.
        if (edits.length === 0 && resize !== 0) expect(result.ok).toBe(false);
      },
    ), { numRuns: 5_000 });
  });

  it('refuses sequence numbers above 2^53 − 1 and oversized counts before reading them', () => {
    const sync = syncFrame(1, room.tag, ZERO16, 0, false);
    sync.writeUInt32BE(0x00200000, 1 + 4 + 32 + 16);
    expect(decodeClientFrame(sync, LIMITS)).toMatchObject({ ok: false, error: 'bad-frame' });
    const push = pushBody(1, room, Array.from({ length: 17 }, () => envelope('x')));
    expect(decodeClientFrame(Buffer.concat([push, Buffer.alloc(64)]), LIMITS)).toMatchObject({ ok: false, error: 'too-large' });
  });
});

describe('the relay under random frames', () => {
  it('stays up, answers bad frames with errors, and the room next door gets every envelope in order', { timeout: 120_000 }, async () => {
    const seed = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 32));
    onTestFailed(() => console.error(`relay fuzz failed; replay with FUZZ_SEED=${seed}`));
    const server = await startRelay({ RELAY_DATA_DIR: temp.dir, RELAY_RATE_LIMIT_PER_SECOND: '1000000', RELAY_RATE_LIMIT_BURST: '1000000', IP_RATE_LIMIT_PER_SECOND: '1000000', IP_RATE_LIMIT_BURST: '1000000', IP_BYTES_PER_SECOND: String(1024 ** 3), IP_BYTES_BURST: String(1024 ** 3) });
    const clean = newRoomKey();
    const alice = await RelayClient.open(server.relayUrl);
    const bob = await RelayClient.open(server.relayUrl);
    await bob.sync(clean.tag, { live: true });

    const fuzzRoom = newRoomKey();
    const fuzzer = async (random: () => number) => {
      const int = (n: number) => Math.floor(random() * n);
      let client = await RelayClient.open(server.relayUrl);
      let answered = 0;
      for (let i = 0; i < 1_000; i++) {
        if (!client.isOpen) client = await RelayClient.open(server.relayUrl);
        const valid = validFrames(fuzzRoom, client.challenge);
        const base = Buffer.from(valid[int(valid.length)]!);
        let frame: Buffer;
        switch (int(5)) {
          case 0: frame = Buffer.from(Array.from({ length: int(300) }, () => int(256))); break;
          case 1: frame = base.subarray(0, int(base.length)); break;
          case 2: frame = Buffer.concat([base, Buffer.from([int(256)])]); break;
          case 3: for (let k = 0; k < 1 + int(4); k++) base[int(base.length)] = int(256); frame = base; break;
          default: frame = base;
        }
        // Request id 0xfffffff0+ marks fuzz frames so their answers can be counted.
        if (frame.length >= 5) frame.writeUInt32BE(0xfffffff0 + (i % 16), 1);
        const before = client.frames.length;
        client.sendRaw(frame);
        if (i % 25 === 0) {
          await client.ping();
          answered += client.frames.length - before;
          await sleep(1);
        }
      }
      await client.ping();
      client.close();
      return answered;
    };

    const talk = (async () => {
      for (let i = 0; i < 100; i++) {
        expect(await alice.push(clean, [envelope(`clean ${i}`)])).toMatchObject({ type: 'pushed', seqs: [i + 1] });
        await sleep(5);
      }
    })();
    const answered = await Promise.all([fuzzer(seededRandom(seed)), fuzzer(seededRandom(seed + 1)), fuzzer(seededRandom(seed + 2))]);
    await talk;
    await waitFor(() => bob.frames.filter((f) => f.type === 'envelopes' && f.reqId === 0).flatMap((f) => (f as { entries: unknown[] }).entries).length === 100, 10_000, 'the clean room');
    const entries = bob.frames.flatMap((f) => (f.type === 'envelopes' && f.reqId === 0 ? f.entries : []));
    expect(entries.map((e) => e.data.toString())).toEqual(Array.from({ length: 100 }, (_, i) => `clean ${i}`));
    expect(answered.every((n) => n > 0)).toBe(true);
    expect(server.alive()).toBe(true);
    expect((await server.health()).status).toBe('ok');
    await sleep(300);
    expect(server.output()).not.toMatch(/ error where=/);
    expect(server.output()).toMatch(/relay\.refused\.bad-frame=\d+/);
    alice.close();
    bob.close();
    await server.stop();
  });
});
