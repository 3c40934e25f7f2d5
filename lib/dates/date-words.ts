/**
 * Dates as people read them, as they are written in England: "4 March 2025", "Monday 16 March
 * 2026", "10 Jan 2025". A value that is not a real yyyy-MM-dd date (a peer's half-typed record) is
 * never thrown over: each function says what it shows instead.
 */
import { format, parseISO } from 'date-fns';
import { isIsoDate } from './iso-date.ts';

/** "4 March 2025"; a value that is not a real date is returned as it is. */
export function describeDate(value: string): string {
  if (!isIsoDate(value)) return value;
  let words = described.get(value);
  if (words === undefined) {
    // A plan names the same few hundred dates thousands of times (a chronology, every version of it).
    if (described.size >= DESCRIBED_KEPT) described.clear();
    words = format(parseISO(value), 'd MMMM yyyy');
    described.set(value, words);
  }
  return words;
}

/** Dates already put in words: formatting is pure, and took half of reading a large plan into words. */
const described = new Map<string, string>();
const DESCRIBED_KEPT = 10_000;

/** "14 March 2026", or `fallback` when the value is not a real date. */
export function dateInWords(value: string, fallback = 'date not set'): string {
  return isIsoDate(value) ? describeDate(value) : fallback;
}

/** "Monday 16 March 2026": dates to book or meet carry their weekday. Assumes a real date. */
export function dateWithDay(date: string): string {
  return format(parseISO(date), 'EEEE d MMMM yyyy');
}

/**
 * "10 Jan 2025": short enough for a table column or a chart axis at side-panel width. A value
 * that is not a real date is shown as it is, or as "No date" when empty.
 */
export function shortDate(value: string): string {
  if (!isIsoDate(value)) return value.trim() === '' ? 'No date' : value;
  return format(parseISO(value), 'd MMM yyyy');
}
