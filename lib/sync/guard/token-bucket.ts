/**
 * Per-peer rate limits: a token bucket, pure, the clock passed in. A peer may send a burst of
 * `capacity` messages, then `perSecond` a second; a message over the limit is dropped (anti-entropy
 * brings any lost update again once the peer calms down).
 */
export interface BucketLimits {
  capacity: number;
  perSecond: number;
}

export interface Bucket {
  tokens: number;
  at: number;
}

/** Typing sends one update a keystroke; a catch-up is one message. Cursors move more often. */
export const PEER_LIMITS = {
  updates: { capacity: 300, perSecond: 60 },
  awareness: { capacity: 60, perSecond: 20 },
} as const satisfies Record<string, BucketLimits>;

export function fullBucket(limits: BucketLimits, now: number): Bucket {
  return { tokens: limits.capacity, at: now };
}

/** The bucket after taking one token at `now`, and whether there was one to take. */
export function take(bucket: Bucket, limits: BucketLimits, now: number): { bucket: Bucket; allowed: boolean } {
  const elapsed = Math.max(0, now - bucket.at) / 1000;
  const tokens = Math.min(limits.capacity, bucket.tokens + elapsed * limits.perSecond);
  if (tokens < 1) return { bucket: { tokens, at: Math.max(now, bucket.at) }, allowed: false };
  return { bucket: { tokens: tokens - 1, at: Math.max(now, bucket.at) }, allowed: true };
}

/** One bucket per peer key, for one kind of message. */
export class PeerRateLimit {
  readonly #buckets = new Map<string, Bucket>();
  readonly #limits: BucketLimits;
  readonly #now: () => number;

  constructor(limits: BucketLimits, now: () => number) {
    this.#limits = limits;
    this.#now = now;
  }

  allow(peer: string): boolean {
    const now = this.#now();
    const result = take(this.#buckets.get(peer) ?? fullBucket(this.#limits, now), this.#limits, now);
    this.#buckets.set(peer, result.bucket);
    return result.allowed;
  }

  forget(peer: string): void {
    this.#buckets.delete(peer);
  }
}
