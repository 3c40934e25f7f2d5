import { describe, expect, it } from 'vitest';
import { HeldBack } from '../../../../lib/sync/guard/held-back.ts';

const bytes = (n: number) => new Uint8Array(n);

describe('HeldBack', () => {
  const limits = { ms: 1000, bytes: 100, count: 3 };

  it('keeps within its size: the oldest go first, and one update larger than all of it is refused', () => {
    const held = new HeldBack(limits);
    expect(held.hold(bytes(60), 'a', 0)).toBe(true);
    expect(held.hold(bytes(60), 'b', 1)).toBe(true);
    expect(held.size).toBe(1);
    expect(held.bytes).toBe(60);
    expect(held.hold(bytes(101), 'c', 2)).toBe(false);
    expect(held.takeAll().map((h) => h.origin)).toEqual(['b']);
  });

  it('keeps within its count', () => {
    const held = new HeldBack(limits);
    for (let i = 0; i < 5; i++) held.hold(bytes(1), i, i);
    expect(held.takeAll().map((h) => h.origin)).toEqual([2, 3, 4]);
  });

  it('forgets what was held longer than allowed (clock passed in)', () => {
    const held = new HeldBack(limits);
    held.hold(bytes(1), 'old', 0);
    held.hold(bytes(1), 'new', 900);
    held.expire(1500);
    expect(held.takeAll().map((h) => h.origin)).toEqual(['new']);
  });
});
