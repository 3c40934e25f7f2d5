/**
 * A stable sort on whole-number ranks without a comparator: each rank and position are packed
 * into one float and sorted natively, which is several times faster than `Array.prototype.sort`
 * calling back into JavaScript. The engine sorts every timeline and every result list with it.
 */

/** Positions fit in 20 bits; ranks in the remaining 32 bits of a double's 53-bit integer range. */
const POSITIONS = 2 ** 20;
const MAX_RANK = 2 ** 32 - 1;

/**
 * `items` in ascending order of `rankOf(item)`, keeping the given order among equal ranks. Ranks
 * must be whole numbers from 0 to 2^32 − 1: anything else is a programmer error (`RangeError`).
 */
export function sortByRank<T>(items: readonly T[], rankOf: (item: T) => number): T[] {
  if (items.length >= POSITIONS) {
    const ranks = items.map((item) => checked(rankOf(item)));
    const order = items.map((_, i) => i).sort((a, b) => ranks[a]! - ranks[b]! || a - b);
    return order.map((i) => items[i]!);
  }
  const keys = new Float64Array(items.length);
  for (let i = 0; i < items.length; i += 1) keys[i] = checked(rankOf(items[i]!)) * POSITIONS + i;
  keys.sort();
  const sorted = new Array<T>(items.length);
  for (let j = 0; j < keys.length; j += 1) {
    const key = keys[j]!;
    sorted[j] = items[key - Math.floor(key / POSITIONS) * POSITIONS]!;
  }
  return sorted;
}

function checked(rank: number): number {
  if (!Number.isInteger(rank) || rank < 0 || rank > MAX_RANK) throw new RangeError(`sortByRank: rank ${rank} is not a whole number 0–2^32−1`);
  return rank;
}
