/**
 * Words in free text, as the checks count and match them. A word is a run of letters or digits in
 * any script, joined across apostrophes and hyphens ("Ava's", "follow-up" are one word each), so
 * counts match what a reader would say. Matching is on word boundaries: a term never matches inside
 * a longer word ("lac" in "lack", "CIN" in "CINEMA").
 */

const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;

/** Number of words in the text; 0 for empty or punctuation-only text. */
export function countWords(text: string): number {
  let count = 0;
  for (const _ of text.matchAll(WORD)) count += 1;
  return count;
}

/**
 * Escapes every character that has a meaning in a regular expression outside a character class.
 * "-" is deliberately left alone: it means nothing there, and with the `u` flag "\-" is a syntax error.
 */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/**
 * A regular-expression source matching `term` as whole words: not preceded or followed by a letter
 * or digit, with any run of spaces (or a hyphen) allowed wherever the term has a space, so
 * "core  group" and "core-group" match "core group". Use with the `u` flag.
 */
export function wholeWordSource(term: string): string {
  const words = term.trim().split(/\s+/).map(escapeRegExp);
  return `(?<![\\p{L}\\p{N}])${words.join('[\\s-]+')}(?![\\p{L}\\p{N}])`;
}

/** True when any of the terms occurs in the text as whole words, ignoring case. */
export function containsAnyWord(text: string, terms: readonly string[]): boolean {
  if (text === '') return false;
  return anyWordPattern(terms)?.test(text) ?? false;
}

/**
 * The matcher for a list of terms, built once per list: checking a plan asks the same few lists
 * (vague verbs, the child's words and names) for every outcome and action, and building the
 * expression each time was most of that check's cost when a plan opened. Bounded, as lists with
 * children's names change from plan to plan. Null for a list with no usable term.
 */
const patterns = new Map<string, RegExp | null>();
const MAX_PATTERNS = 256;
function anyWordPattern(terms: readonly string[]): RegExp | null {
  const key = terms.join('\u0000');
  let pattern = patterns.get(key);
  if (pattern === undefined) {
    const usable = terms.map((term) => term.trim()).filter((term) => term !== '');
    // No `g` flag: `test` then keeps no state between texts.
    pattern = usable.length === 0 ? null : new RegExp(usable.map(wholeWordSource).join('|'), 'iu');
    if (patterns.size >= MAX_PATTERNS) patterns.clear();
    patterns.set(key, pattern);
  }
  return pattern;
}
