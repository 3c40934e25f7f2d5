/**
 * The order of yyyy-MM-dd dates. Such strings sort as text, oldest first; lists that may hold a
 * missing or broken date (a peer's half-typed value) put the real dates first, where a missing
 * one is easy to spot and fix at the end.
 */
import { isIsoDate } from './iso-date.ts';

/** Oldest first: -1, 0 or 1, for `Array.prototype.sort`. */
export function compareDates(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Real dates before anything else, then by date (`newest-first` reverses only that); 0 on a tie. */
export function compareDatedFirst(a: string, b: string, order: 'oldest-first' | 'newest-first' = 'oldest-first'): number {
  const [datedA, datedB] = [isIsoDate(a), isIsoDate(b)];
  if (datedA !== datedB) return datedA ? -1 : 1;
  return order === 'oldest-first' ? compareDates(a, b) : compareDates(b, a);
}
