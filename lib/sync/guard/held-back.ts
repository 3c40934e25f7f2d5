/**
 * Updates held back because they refer to changes this copy does not have yet. They live only
 * here, in memory, never in the document: so never stored, synced onward or backed up. Each is
 * kept for a bounded time, and all of them together within a bounded size; the oldest go first.
 * The clock is passed in.
 */
export const HOLD_LIMITS = { ms: 60_000, bytes: 2 * 1024 * 1024, count: 256 } as const;

export interface HeldUpdate {
  update: Uint8Array;
  origin: unknown;
  heldAt: number;
}

export class HeldBack {
  #held: HeldUpdate[] = [];
  #bytes = 0;
  readonly #limits: { ms: number; bytes: number; count: number };

  constructor(limits: { ms: number; bytes: number; count: number } = HOLD_LIMITS) {
    this.#limits = limits;
  }

  get size(): number {
    return this.#held.length;
  }

  get bytes(): number {
    return this.#bytes;
  }

  /** Holds `update`; false when it alone is larger than the whole allowance (it is dropped). */
  hold(update: Uint8Array, origin: unknown, now: number): boolean {
    this.expire(now);
    if (update.length > this.#limits.bytes) return false;
    this.#held.push({ update, origin, heldAt: now });
    this.#bytes += update.length;
    while (this.#bytes > this.#limits.bytes || this.#held.length > this.#limits.count) this.#dropOldest();
    return true;
  }

  /** Forgets what has been held longer than allowed. */
  expire(now: number): void {
    while (this.#held.length > 0 && now - this.#held[0]!.heldAt > this.#limits.ms) this.#dropOldest();
  }

  /** Takes everything held (the caller offers each again). */
  takeAll(): HeldUpdate[] {
    const all = this.#held;
    this.#held = [];
    this.#bytes = 0;
    return all;
  }

  #dropOldest(): void {
    const dropped = this.#held.shift();
    if (dropped) this.#bytes -= dropped.update.length;
  }
}
