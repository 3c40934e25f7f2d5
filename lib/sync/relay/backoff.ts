/**
 * Reconnection delays (PROTOCOL.md §1): 1 s, doubling, at most 60 s, with jitter so that every
 * member of a group does not come back at the same instant after the relay restarts.
 */
export const BACKOFF_FIRST_MS = 1_000;
export const BACKOFF_MAX_MS = 60_000;

/** The delay before attempt `failures` + 1 (`random` in [0, 1)): between half and all of the cap. */
export function backoffDelay(failures: number, random: number): number {
  const cap = Math.min(BACKOFF_MAX_MS, BACKOFF_FIRST_MS * 2 ** Math.max(0, failures));
  return Math.round(cap / 2 + (cap / 2) * random);
}
