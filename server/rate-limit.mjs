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
   * Spends tokens: one per message, or (for a byte budget) one per byte.
   * @param {number} now current time in milliseconds, same clock as the constructor's
   * @param {number} [cost]
   * @returns {'pass' | 'drop' | 'close'}
   */
  take(now, cost = 1) {
    const elapsed = Math.max(0, now - this.updatedAt);
    this.updatedAt = now;
    this.tokens = Math.min(this.burst, this.tokens + elapsed * this.ratePerMs) - cost;
    if (this.tokens >= 0) return 'pass';
    return this.tokens > -this.burst ? 'drop' : 'close';
  }

  /** Milliseconds until the bucket is out of debt again (0 when it is not in debt). */
  retryAfterMs() {
    return this.tokens >= 0 ? 0 : Math.ceil(-this.tokens / this.ratePerMs);
  }
}
