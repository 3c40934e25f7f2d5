import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { diffTokens, diffWords, hasChanges, tokenize, type DiffPart } from '../../../lib/history/word-diff.ts';

const side = (parts: DiffPart[], kind: 'removed' | 'added') => parts.filter((p) => p.kind !== kind).map((p) => p.text).join('');
const mark = (parts: DiffPart[]) => parts.map((p) => (p.kind === 'same' ? p.text : p.kind === 'added' ? `{+${p.text}+}` : `[-${p.text}-]`)).join('');

describe('tokenize', () => {
  it('splits into words, runs of spaces and line breaks, losing nothing', () => {
    expect(tokenize('Ava  attends\nschool.')).toEqual(['Ava', '  ', 'attends', '\n', 'school.']);
    expect(tokenize('')).toEqual([]);
  });
});

describe('diffWords', () => {
  it.each([
    ['identical texts', 'Ava is safe.', 'Ava is safe.', 'Ava is safe.'],
    // Punctuation belongs to its word: "school." became "school daily.".
    ['a word added', 'Ava attends school.', 'Ava attends school daily.', 'Ava attends [-school.-]{+school daily.+}'],
    ['a word inserted mid-sentence', 'Ava attends school', 'Ava attends her school', 'Ava attends {+her +}school'],
    ['a word replaced', 'Leo sees his father weekly.', 'Leo sees his father monthly.', 'Leo sees his father [-weekly.-]{+monthly.+}'],
    ['a word removed', 'The home is very cold.', 'The home is cold.', 'The home is [-very -]cold.'],
    ['two neighbouring words replaced read as one change', 'the cat sat', 'a dog sat', '[-the cat-]{+a dog+} sat'],
    ['everything new', '', 'New text', '{+New text+}'],
    ['everything gone', 'Old text', '', '[-Old text-]'],
    ['a paragraph added', 'First.', 'First.\nSecond.', 'First.{+\nSecond.+}'],
    ['a change in one paragraph of several', 'One.\nTwo apples.\nThree.', 'One.\nTwo pears.\nThree.', 'One.\nTwo [-apples.-]{+pears.+}\nThree.'],
  ])('marks %s', (_name, before, after, expected) => {
    expect(mark(diffWords(before, after))).toBe(expected);
  });

  it('keeps both texts recoverable for any input', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), fc.string({ maxLength: 80 }), (a, b) => {
        const parts = diffWords(a, b);
        expect(side(parts, 'added')).toBe(a);
        expect(side(parts, 'removed')).toBe(b);
      }),
    );
  });

  it('keeps both texts recoverable for word-like input with small edits', () => {
    const words = fc.array(fc.constantFrom('Ava', 'Leo', 'school', 'home', 'safe', ' ', '\n', 'the'), { maxLength: 40 });
    fc.assert(
      fc.property(words, words, (a, b) => {
        const parts = diffWords(a.join(''), b.join(''));
        expect(side(parts, 'added')).toBe(a.join(''));
        expect(side(parts, 'removed')).toBe(b.join(''));
      }),
    );
  });

  it('shows a run with more changes than the limit as removed whole and added whole', () => {
    const parts = diffWords('a b c d e f', 'g h i j k l', 3);
    expect(parts).toEqual([{ kind: 'removed', text: 'a b c d e f' }, { kind: 'added', text: 'g h i j k l' }]);
  });

  it('stays quick for a long field with one word changed', () => {
    const long = Array.from({ length: 25_000 }, (_, i) => `word${i % 97}`).join(' ');
    const edited = long.replace('word50', 'changed');
    const parts = diffWords(long, edited);
    expect(parts.filter((p) => p.kind !== 'same')).toEqual([{ kind: 'removed', text: 'word50' }, { kind: 'added', text: 'changed' }]);
  });
});

describe('diffTokens', () => {
  it('finds a shortest edit script', () => {
    const edits = diffTokens(['a', 'b', 'c', 'a', 'b', 'b', 'a'], ['c', 'b', 'a', 'b', 'a', 'c'], 100)!;
    // Myers' paper's example: the shortest script has 5 edits.
    expect(edits.filter((e) => e.kind !== 'same')).toHaveLength(5);
  });

  it('gives up past the limit', () => {
    expect(diffTokens(['a', 'b'], ['c', 'd'], 1)).toBeNull();
  });
});

describe('hasChanges', () => {
  it('is false only when every part is the same', () => {
    expect(hasChanges(diffWords('x', 'x'))).toBe(false);
    expect(hasChanges(diffWords('x', 'y'))).toBe(true);
  });
});
