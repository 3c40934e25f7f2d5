import { describe, expect, it } from 'vitest';
import { PeerRateLimit, fullBucket, take } from '../../../../lib/sync/guard/token-bucket.ts';

describe('token bucket', () => {
  const limits = { capacity: 3, perSecond: 2 };

  it('allows a burst of the capacity, then refuses until it refills', () => {
    let bucket = fullBucket(limits, 0);
    const allowed = [];
    for (let i = 0; i < 4; i++) {
      const result = take(bucket, limits, 0);
      bucket = result.bucket;
      allowed.push(result.allowed);
    }
    expect(allowed).toEqual([true, true, true, false]);
    expect(take(bucket, limits, 499).allowed).toBe(false);
    expect(take(bucket, limits, 500).allowed).toBe(true);
  });

  it('never holds more than the capacity, however long the peer was quiet', () => {
    const bucket = take(fullBucket(limits, 0), limits, 3_600_000).bucket;
    expect(bucket.tokens).toBe(2);
  });

  it('does not refill when the clock goes backwards', () => {
    const empty = { tokens: 0, at: 10_000 };
    expect(take(empty, limits, 0).allowed).toBe(false);
  });

  it('keeps one bucket per peer: a flooding peer does not slow another', () => {
    let now = 0;
    const limit = new PeerRateLimit(limits, () => now);
    for (let i = 0; i < 3; i++) expect(limit.allow('flood')).toBe(true);
    expect(limit.allow('flood')).toBe(false);
    expect(limit.allow('calm')).toBe(true);
    now = 1000;
    expect(limit.allow('flood')).toBe(true);
  });
});
