import { describe, expect, it } from 'vitest';
import { TokenBucket } from '../../../server/rate-limit.mjs';

describe('TokenBucket', () => {
  it('lets a burst through at once', () => {
    const bucket = new TokenBucket({ ratePerSecond: 10, burst: 5 }, 0);
    expect(Array.from({ length: 5 }, () => bucket.take(0))).toEqual(['pass', 'pass', 'pass', 'pass', 'pass']);
  });

  it('drops past the burst, then closes once the debt reaches another burst', () => {
    const bucket = new TokenBucket({ ratePerSecond: 10, burst: 3 }, 0);
    const verdicts = Array.from({ length: 7 }, () => bucket.take(0));
    expect(verdicts).toEqual(['pass', 'pass', 'pass', 'drop', 'drop', 'close', 'close']);
  });

  it('refills at the rate, so a client sending exactly at the rate is never throttled', () => {
    const bucket = new TokenBucket({ ratePerSecond: 50, burst: 1 }, 0);
    for (let t = 0; t < 10_000; t += 20) expect(bucket.take(t)).toBe('pass');
  });

  it('recovers from throttling after a quiet spell', () => {
    const bucket = new TokenBucket({ ratePerSecond: 10, burst: 2 }, 0);
    expect([bucket.take(0), bucket.take(0), bucket.take(0)]).toEqual(['pass', 'pass', 'drop']);
    // One dropped message is one token of debt: 0.1 s repays it, a further 0.1 s earns the next token.
    expect(bucket.take(200)).toBe('pass');
  });

  it('never holds more than a burst, however long the connection was idle', () => {
    const bucket = new TokenBucket({ ratePerSecond: 10, burst: 2 }, 0);
    expect([bucket.take(3_600_000), bucket.take(3_600_000), bucket.take(3_600_000)]).toEqual(['pass', 'pass', 'drop']);
  });

  it('ignores a clock that steps backwards', () => {
    const bucket = new TokenBucket({ ratePerSecond: 10, burst: 2 }, 1_000);
    expect([bucket.take(0), bucket.take(0), bucket.take(0)]).toEqual(['pass', 'pass', 'drop']);
  });
});
