import { describe, expect, it } from 'vitest';
import { containsAnyWord, countWords } from '../../../../lib/rules/checks/words.ts';

describe('countWords', () => {
  it.each([
    ['', 0],
    ['  …  ', 0],
    ['Take Ava to nursery', 4],
    // Apostrophes and hyphens join: one word each.
    ["Ava's follow-up visit", 3],
    ['Zoë visits the café', 4],
    ['Visit 3 times', 3],
  ])('“%s” has %i words', (text, count) => {
    expect(countWords(text)).toBe(count);
  });
});

describe('containsAnyWord', () => {
  it.each([
    ['The baby sleeps', ['baby'], true],
    ['The babysitter sleeps', ['baby'], false],
    ['young  person', ['young person'], true],
    ['a.b (x)', ['(x)'], true],
    ['anything', [], false],
    ['anything', ['  '], false],
  ])('“%s” contains one of %j: %s', (text, terms, expected) => {
    expect(containsAnyWord(text, terms)).toBe(expected);
  });
});
