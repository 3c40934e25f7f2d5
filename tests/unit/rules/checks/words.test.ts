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

  it('answers each text on its own when one list is asked about many texts (its matcher is reused)', () => {
    const terms = ['support', 'work with'];
    const texts = ['Mum will work with the family support worker', 'Ava will attend nursery', 'support', 'supportive', 'We will WORK  WITH Dad'];
    for (let round = 0; round < 2; round++) expect(texts.map((t) => containsAnyWord(t, terms))).toEqual([true, false, true, false, true]);
    // Another list with the same words in another order, and one with an extra term, are their own lists.
    expect(containsAnyWord('Ava will attend nursery', ['work with', 'support'])).toBe(false);
    expect(containsAnyWord('Ava will attend nursery', [...terms, 'attend'])).toBe(true);
  });
});
