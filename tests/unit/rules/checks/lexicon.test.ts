import { describe, expect, it } from 'vitest';
import { DEFAULT_LEXICON } from '../../../../lib/rules/checks/default-lexicon.ts';
import { compileLexicon, extendLexicon, findLexiconTerms, type Lexicon, type LexiconEntry } from '../../../../lib/rules/checks/lexicon.ts';

const small: Lexicon = [
  { term: 'ICPC', kind: 'acronym', plain: 'the first child protection conference' },
  { term: 'core group', kind: 'phrase', plain: 'plan group' },
];

describe('findLexiconTerms', () => {
  it.each([
    // Acronyms match exactly as listed, so case matters.
    ['ICPC and icpc and Icpc', ['ICPC']],
    // Phrases ignore case.
    ['core group, Core Group, CORE GROUP', ['core group', 'Core Group', 'CORE GROUP']],
    // Never inside a longer word, in any script next to it.
    ['ICPCs, xICPC, ICPC2, éICPC, ICPCé', []],
    // Punctuation is a boundary.
    ['(ICPC), "ICPC", ICPC.', ['ICPC', 'ICPC', 'ICPC']],
  ])('in “%s” finds %j', (text, expected) => {
    expect(findLexiconTerms(text, small).map((m) => m.text)).toEqual(expected);
  });

  it('prefers the longest term where two start at the same place', () => {
    const lexicon: Lexicon = [...small, { term: 'core group meeting', kind: 'phrase', plain: 'plan meeting' }];
    expect(findLexiconTerms('the core group meeting', lexicon).map((m) => m.entry.term)).toEqual(['core group meeting']);
  });

  it('prefers the longest alias across entries, whatever their order', () => {
    // "S47 enquiry" sits in a later entry, yet beats the earlier entry's shorter "S47".
    const lexicon: Lexicon = [
      { term: 'S47', kind: 'acronym', plain: 'child protection' },
      { term: 'Section47', kind: 'acronym', plain: 'child protection enquiry', aliases: ['S47 enquiry'] },
    ];
    expect(findLexiconTerms('An S47 enquiry.', lexicon).map((m) => m.text)).toEqual(['S47 enquiry']);
  });

  it('matches aliases and reports which entry they belong to', () => {
    const [match] = findLexiconTerms('An s.47 enquiry', DEFAULT_LEXICON);
    expect(match).toMatchObject({ text: 's.47', index: 3 });
    expect(match?.entry.term).toBe('S47');
  });

  it('treats regular-expression characters in a term literally', () => {
    const lexicon: Lexicon = [{ term: 'C+ (plan)', kind: 'phrase', plain: 'the plan' }];
    expect(findLexiconTerms('See C+ (plan) and Cx (plan)', lexicon).map((m) => m.index)).toEqual([4]);
  });

  it('finds nothing with an empty lexicon', () => {
    expect(findLexiconTerms('ICPC core group', [])).toEqual([]);
  });
});

describe('extendLexicon', () => {
  it('appends a board’s new terms', () => {
    const extended = extendLexicon(small, [{ term: 'TAC', kind: 'acronym', plain: 'team around the child' }]);
    expect(extended.map((e) => e.term)).toEqual(['ICPC', 'core group', 'TAC']);
  });

  it('lets a board replace the plain wording of a term the base already has', () => {
    const extended = extendLexicon(small, [{ term: 'ICPC', kind: 'acronym', plain: 'the first big meeting' }]);
    expect(extended.filter((e) => e.term === 'ICPC').map((e) => e.plain)).toEqual(['the first big meeting']);
  });

  it('matches a replaced phrase ignoring case and spacing', () => {
    const extended = extendLexicon(small, [{ term: 'Core  Group', kind: 'phrase', plain: 'family plan group' }]);
    expect(extended.map((e) => e.plain)).toEqual(['the first child protection conference', 'family plan group']);
  });

  it('does not change the base lexicon', () => {
    const before = JSON.stringify(small);
    extendLexicon(small, [{ term: 'ICPC', kind: 'acronym', plain: 'changed' }]);
    expect(JSON.stringify(small)).toBe(before);
  });

  it.each<[string, unknown, RegExp]>([
    ['an empty term', { term: ' ', kind: 'phrase', plain: 'x' }, /extra\[0\]\.term/],
    ['no plain wording', { term: 'TAC', kind: 'acronym', plain: '' }, /extra\[0\]\.plain.*TAC/],
    ['an unknown kind', { term: 'TAC', kind: 'word', plain: 'x' }, /extra\[0\]\.kind/],
    ['an empty alias', { term: 'TAC', kind: 'acronym', plain: 'x', aliases: [''] }, /extra\[0\]\.aliases/],
  ])('throws a RangeError naming the entry for %s', (_, entry, message) => {
    expect(() => extendLexicon(small, [entry as LexiconEntry])).toThrow(RangeError);
    expect(() => extendLexicon(small, [entry as LexiconEntry])).toThrow(message);
  });
});

describe('compileLexicon', () => {
  it('returns an already compiled lexicon unchanged', () => {
    const compiled = compileLexicon(small);
    expect(compileLexicon(compiled)).toBe(compiled);
  });

  it('throws a RangeError naming an invalid entry', () => {
    expect(() => compileLexicon([{ term: 'X', kind: 'phrase', plain: ' ' }])).toThrow(/lexicon\[0\]\.plain/);
  });
});

describe('DEFAULT_LEXICON', () => {
  it.each(['S47', 'ICPC', 'RCPC', 'CIN', 'LAC', 'CLA', 'IRO', 'CSC', 'PLO', 'EPO', 'CPP', 'contingency plan', 'significant harm', 'strategy discussion', 'core group'])(
    'has plain wording for %s',
    (term) => {
      expect(DEFAULT_LEXICON.find((e) => e.term === term)?.plain).toBeTruthy();
    },
  );

  it('spells out every acronym', () => {
    expect(DEFAULT_LEXICON.filter((e) => e.kind === 'acronym' && !e.spelt).map((e) => e.term)).toEqual([]);
  });

  it('has no plain wording that is itself jargon, so rewriting twice changes nothing', () => {
    const jargonInPlain = DEFAULT_LEXICON.filter((e) => findLexiconTerms(e.plain, DEFAULT_LEXICON).length > 0).map((e) => e.term);
    expect(jargonInPlain).toEqual([]);
  });

  it('lists each term once', () => {
    const keys = DEFAULT_LEXICON.map((e) => (e.kind === 'phrase' ? e.term.toLowerCase() : e.term));
    expect(new Set(keys).size).toBe(keys.length);
  });
});
