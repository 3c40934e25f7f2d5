import { describe, expect, it } from 'vitest';
import { peerLiveness } from '../../../lib/sync/peer-liveness.ts';

function clock() {
  let t = 1_000;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe('peerLiveness', () => {
  it('gives a connection the full quiet time from when it is first seen', () => {
    const c = clock();
    const live = peerLiveness<object>(10_000, c.now);
    const conn = {};
    c.advance(60_000); // connected long before we looked: no head start
    expect(live.isQuiet(conn)).toBe(false);
    c.advance(9_999);
    expect(live.isQuiet(conn)).toBe(false);
    c.advance(1);
    expect(live.isQuiet(conn)).toBe(true);
  });

  it('is never quiet while the colleague keeps answering', () => {
    const c = clock();
    const live = peerLiveness<object>(10_000, c.now);
    const conn = {};
    live.isQuiet(conn);
    for (let i = 0; i < 20; i++) {
      c.advance(3_000); // anti-entropy every 3 s
      live.heard(conn);
      expect(live.isQuiet(conn)).toBe(false);
    }
  });

  it('tells one dead connection from a healthy one', () => {
    const c = clock();
    const live = peerLiveness<object>(10_000, c.now);
    const dead = {};
    const healthy = {};
    live.isQuiet(dead);
    live.isQuiet(healthy);
    for (let i = 0; i < 4; i++) {
      c.advance(3_000);
      live.heard(healthy);
    }
    expect(live.isQuiet(dead)).toBe(true);
    expect(live.isQuiet(healthy)).toBe(false);
  });
});
