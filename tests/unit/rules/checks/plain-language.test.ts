import { describe, expect, it } from 'vitest';
import { DEFAULT_LEXICON } from '../../../../lib/rules/checks/default-lexicon.ts';
import { extendLexicon } from '../../../../lib/rules/checks/lexicon.ts';
import { checkPlainLanguage, toPlainLanguage } from '../../../../lib/rules/checks/plain-language.ts';

/** The text each finding's range covers, for readable expectations. */
function flagged(text: string): string[] {
  return checkPlainLanguage(text).map((f) => (f.range ? text.slice(f.range.index, f.range.index + f.range.length) : '?'));
}

describe('checkPlainLanguage', () => {
  // The terms the brief names, each with the plain wording a parent should see instead.
  it.each([
    ['S47', 'child protection'],
    ['ICPC', 'the first child protection conference'],
    ['RCPC', 'the review child protection conference'],
    ['CIN', 'child in need'],
    ['LAC', 'in care'],
    ['CLA', 'in care'],
    ['IRO', 'the independent chair'],
    ['CSC', "children's social care"],
    ['PLO', 'the formal steps before going to court'],
    ['EPO', 'an emergency court order to keep a child safe'],
    ['CPP', 'child protection plan'],
    ['contingency plan', 'back-up plan'],
    ['significant harm', 'serious harm'],
    ['strategy discussion', 'a meeting of social care, police and health to decide how to keep the child safe'],
    ['core group', 'plan group'],
  ])('advises replacing %s with “%s”', (term, plain) => {
    const text = `We talked about ${term} today.`;
    const [finding] = checkPlainLanguage(text);
    expect(finding).toMatchObject({ rule: 'plain-language', severity: 'advice', field: 'text', suggestion: plain });
    expect(finding?.fix).toEqual({ kind: 'replace', from: term, to: plain, index: 'We talked about '.length });
  });

  it('spells out an acronym in the message', () => {
    const [finding] = checkPlainLanguage('Date of ICPC: Monday.');
    expect(finding?.message).toBe(
      '“ICPC” (Initial Child Protection Conference) is an abbreviation parents may not know. Say “the first child protection conference”.',
    );
  });

  // Text that must raise nothing, with the reason.
  it.each([
    // "LAC" only as a whole word: never inside "lack".
    ['There was a lack of food in the house.'],
    // Acronyms are case-sensitive: lowercase "lac" and "cin" are not the acronyms.
    ['The lac and the cin were mentioned.'],
    // Whole words only: "Cinema", "IROning" and "S470" contain acronyms but are not them.
    ['Trip to the Cinema, an IROning board and form S470.'],
    // Everyday abbreviations a parent knows.
    ['Ava has a GP appointment and PE on Tuesday.'],
    // A plural of a known everyday abbreviation is known too.
    ['Both GPs agreed.'],
    // An abbreviation spelt out in the same text, "Full Name (ABBR)", is explained.
    ['Lena will have a Disclosure and Barring Service (DBS) check before the DBS result.'],
    // Text typed all in capitals would otherwise flag every word.
    ['PLEASE CALL THE SCHOOL OFFICE'],
    // Words split across a group are not the phrase.
    ['The core of the group was kind.'],
  ])('finds nothing in “%s”', (text) => {
    expect(checkPlainLanguage(text)).toEqual([]);
  });

  it.each([
    // Each way of writing section 47 is caught, in either case where the way is a phrase.
    ['An s47 enquiry started.', ['s47']],
    ['An s.47 enquiry started.', ['s.47']],
    ['An S.47 enquiry started.', ['S.47']],
    ['Under section 47, enquiries started.', ['section 47']],
    ['Under Section 47, enquiries started.', ['Section 47']],
    // Phrases ignore case, spacing and hyphens between their words.
    ['The Core Group met.', ['Core Group']],
    ['The core  group met.', ['core  group']],
    ['The core-group met.', ['core-group']],
    ['The core\ngroup met.', ['core\ngroup']],
    // The longest term wins: one finding for "core group meeting", not two.
    ['Next core group meeting on Friday.', ['core group meeting']],
    // A possessive still leaves the acronym a whole word.
    ["The IRO's view was clear.", ['IRO']],
    // Every occurrence is its own finding, so each can be fixed.
    ['ICPC then RCPC then ICPC.', ['ICPC', 'RCPC', 'ICPC']],
    // A spelt-out acronym with its letters is one term, not several.
    ['A Multi-Agency Risk Assessment Conference (MARAC) is planned.', ['Multi-Agency Risk Assessment Conference (MARAC)']],
  ])('in “%s” flags %j', (text, expected) => {
    expect(flagged(text)).toEqual(expected);
  });

  it('merges the article before a term with the article of its plain wording', () => {
    const [finding] = checkPlainLanguage('Lena will come to the strategy discussion.');
    expect(finding?.fix).toEqual({
      kind: 'replace',
      from: 'the strategy discussion',
      to: 'the meeting of social care, police and health to decide how to keep the child safe',
      index: 'Lena will come to '.length,
    });
  });

  it('makes "a" or "an" agree with the plain wording', () => {
    const [finding] = checkPlainLanguage('Ava will meet an SW weekly.');
    expect(finding?.fix).toEqual({ kind: 'replace', from: 'an SW', to: 'a social worker', index: 'Ava will meet '.length });
  });

  it('capitalises plain wording that starts a sentence', () => {
    const [finding] = checkPlainLanguage('Lena agreed. ICPC is on Monday.');
    expect(finding?.fix).toEqual({ kind: 'replace', from: 'ICPC', to: 'The first child protection conference', index: 13 });
  });

  it('advises writing out an abbreviation the lexicon does not know, once', () => {
    const findings = checkPlainLanguage('A DBS check is needed. The DBS check is booked.');
    expect(findings.map((f) => f.message)).toEqual([
      '“DBS” is an abbreviation parents may not know. Write it out in full, at least the first time.',
    ]);
    expect(findings[0]?.fix).toBeUndefined();
  });

  it('spells out the plural of a lexicon acronym it cannot rewrite', () => {
    expect(checkPlainLanguage('Both ICPCs were late.').map((f) => f.message)).toEqual([
      '“ICPCs” (Initial Child Protection Conference) is an abbreviation parents may not know. Write it out in full, at least the first time.',
    ]);
  });

  it('advises splitting a sentence of more than 25 words', () => {
    const long = `${'word '.repeat(26).trim()}.`;
    const text = `Short first sentence. ${long} Short last one.`;
    const findings = checkPlainLanguage(text);
    expect(findings.map((f) => f.message)).toEqual([
      'This sentence has 26 words. Parents find sentences of 25 words or fewer easier to follow: try splitting it.',
    ]);
    expect(findings[0]?.range).toEqual({ index: text.indexOf('word'), length: long.length });
  });

  it('accepts a sentence of exactly 25 words', () => {
    expect(checkPlainLanguage(`${'word '.repeat(25).trim()}.`)).toEqual([]);
  });

  it('treats each line as its own sentence', () => {
    expect(checkPlainLanguage(`${'word '.repeat(20)}\n${'word '.repeat(20)}`)).toEqual([]);
  });

  it('takes the sentence limit from options', () => {
    expect(checkPlainLanguage('One two three four five six.', DEFAULT_LEXICON, { maxSentenceWords: 5 })).toHaveLength(1);
  });

  it('uses a board’s extended lexicon', () => {
    const board = extendLexicon(DEFAULT_LEXICON, [{ term: 'TAC', kind: 'acronym', plain: 'team around the child', spelt: 'Team Around the Child' }]);
    expect(checkPlainLanguage('The TAC met.', board)[0]?.suggestion).toBe('team around the child');
  });

  it('returns nothing for empty or blank text', () => {
    expect(checkPlainLanguage('')).toEqual([]);
    expect(checkPlainLanguage('  \n\t ')).toEqual([]);
  });

  it('lists findings in order of position', () => {
    const text = 'DBS first, then the ICPC.';
    expect(checkPlainLanguage(text).map((f) => f.range?.index)).toEqual([0, text.indexOf('the ICPC') + 4]);
  });
});

describe('toPlainLanguage', () => {
  it.each([
    // Articles merge and capitals follow sentence starts.
    ['The ICPC agreed a CPP.', 'The first child protection conference agreed a child protection plan.'],
    ['ICPC decided.', 'The first child protection conference decided.'],
    ['An SW will visit.', 'A social worker will visit.'],
    ['After the strategy discussion, an S47 enquiry began.', 'After the meeting of social care, police and health to decide how to keep the child safe, a child protection enquiry began.'],
    // A spelt-out acronym is replaced as one.
    ['Lena has a letter about the Public Law Outline (PLO).', 'Lena has a letter about the formal steps before going to court.'],
    // A bullet starts a line, so the wording takes a capital.
    ['- ICPC on Monday', '- The first child protection conference on Monday'],
    // Nothing to change: returned as it was.
    ['There was a lack of food.', 'There was a lack of food.'],
    ['', ''],
  ])('rewrites “%s” as “%s”', (text, expected) => {
    expect(toPlainLanguage(text)).toBe(expected);
  });

  it('leaves abbreviations it has no plain wording for', () => {
    expect(toPlainLanguage('A DBS check at the ICPC.')).toBe('A DBS check at the first child protection conference.');
  });

  it('uses a board’s lexicon', () => {
    const board = extendLexicon(DEFAULT_LEXICON, [{ term: 'ICPC', kind: 'acronym', plain: 'the first big meeting' }]);
    expect(toPlainLanguage('See you at the ICPC.', board)).toBe('See you at the first big meeting.');
  });
});
