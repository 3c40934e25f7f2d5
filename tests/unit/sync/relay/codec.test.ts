import { describe, expect, it } from 'vitest';
import { backoffDelay } from '../../../../lib/sync/relay/backoff.ts';
import { decodeServerFrame, fromHex, RelayFrameError } from '../../../../lib/sync/relay/codec.ts';
import { seededRandom } from '../../../support/seeded-random.ts';

describe('decodeServerFrame', () => {
  it('reads an ERROR and a PONG, and ignores a frame type from a newer server', () => {
    const message = new TextEncoder().encode('slow down');
    const error = new Uint8Array([0x8f, 0, 0, 0, 7, 0, 10, 0, 0, 0x03, 0xe8, 0, message.length, ...message]);
    expect(decodeServerFrame(error)).toEqual({ type: 'error', reqId: 7, code: 10, name: 'rate-limited', retryAfterMs: 1000, message: 'slow down' });
    expect(decodeServerFrame(fromHex('8a00000009'))).toEqual({ type: 'pong', reqId: 9 });
    expect(decodeServerFrame(fromHex('c0ffee'))).toEqual({ type: 'unknown', frameType: 0xc0 });
  });

  it('refuses short frames, trailing bytes and sequence numbers over 2^53 − 1 with a RelayFrameError, never anything else', () => {
    expect(() => decodeServerFrame(fromHex('8a000000'))).toThrow(RelayFrameError);
    expect(() => decodeServerFrame(fromHex('8a0000000900'))).toThrow(RelayFrameError);
    const pushed = new Uint8Array(1 + 4 + 32 + 60 + 2 + 8);
    pushed[0] = 0x81;
    pushed.fill(0xff, 1 + 4 + 32 + 16, 1 + 4 + 32 + 24); // head = 2^64 − 1
    expect(() => decodeServerFrame(pushed)).toThrow(RelayFrameError);
    const random = seededRandom(15);
    for (let i = 0; i < 5_000; i++) {
      const bytes = Uint8Array.from({ length: Math.floor(random() * 120) + 1 }, () => Math.floor(random() * 256));
      bytes[0] = 0x80 + Math.floor(random() * 16);
      try {
        decodeServerFrame(bytes);
      } catch (error) {
        expect(error).toBeInstanceOf(RelayFrameError);
      }
    }
  });
});

describe('backoffDelay', () => {
  it('starts at about a second, doubles, stops at a minute, and spreads retries over the upper half', () => {
    expect([0, 1, 2, 3, 6, 20].map((n) => backoffDelay(n, 1))).toEqual([1_000, 2_000, 4_000, 8_000, 60_000, 60_000]);
    expect(backoffDelay(0, 0)).toBe(500);
    expect(backoffDelay(10, 0)).toBe(30_000);
  });
});
