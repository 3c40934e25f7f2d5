// @ts-check
/**
 * Per-connection token bucket with a debt floor.
 *
 * A connection holds up to `burst` tokens, refilled at `ratePerSecond`; each message costs one.
 * With tokens left, the message passes. Without, it is dropped, and the bucket goes into debt:
 * a client that keeps sending while throttled digs deeper instead of getting through at the
 * refill rate. Once the debt reaches `burst` messages (it has sent twice its allowance past the
 * limit) the verdict is `close`: it is flooding, not bursting.
 *
 * The clock is a parameter (milliseconds, monotonic), so tests need no timers.
 */
export class TokenBucket {
  /**
   * @param {{ ratePerSecond: number, burst: number }} limits
   * @param {number} now current time in milliseconds (performance.now() in production)
   */
  constructor(limits, now) {
    /** @private */ this.ratePerMs = limits.ratePerSecond / 1000;
    /** @private */ this.burst = limits.burst;
    /** @private */ this.tokens = limits.burst;
    /** @private */ this.updatedAt = now;
  }

  /**
   * Spends one token for one message.
   * @param {number} now current time in milliseconds, same clock as the constructor's
   * @returns {'pass' | 'drop' | 'close'}
   */
  take(now) {
    const elapsed = Math.max(0, now - this.updatedAt);
    this.updatedAt = now;
    this.tokens = Math.min(this.burst, this.tokens + elapsed * this.ratePerMs) - 1;
    if (this.tokens >= 0) return 'pass';
    return this.tokens > -this.burst ? 'drop' : 'close';
  }
}
