import { describe, expect, it } from 'vitest';
import { findUncheckableVagueVerb, findVagueMeasure, mentionsChild, saysHowLong } from '../../../../lib/rules/checks/smart-wording.ts';

describe('mentionsChild', () => {
  const names = ['Ava Testington'];
  it.each([
    ['Ava will be safe', true],
    ['AVA will be safe', true],
    ['Ava Testington will be safe', true],
    ["Ava's room will be clean", true],
    ['The unborn baby will be born into a safe home', true],
    ['Young people in the home will feel safe', true],
    // Inside another word is not the name.
    ['Avalon Road will be quiet', false],
    // The surname alone is the family, not the child.
    ['The Testington house will be tidy', false],
    ['Lena will stop drinking', false],
  ])('“%s” → %s', (text, expected) => {
    expect(mentionsChild(text, names)).toBe(expected);
  });
});

describe('findUncheckableVagueVerb', () => {
  it.each([
    ['Monitor the home', 'monitor'],
    ['Lena to engage with services', 'engage'],
    ['Social worker supporting Lena', 'support'],
    ['Family to keep an eye on Ava', 'keep an eye on'],
    // A number, a frequency or a deadline makes it checkable.
    ['Monitor Ava’s weight every fortnight', undefined],
    ['Support Lena at 3 appointments', undefined],
    ['Weigh Ava at home', undefined],
  ])('“%s” → %s', (text, expected) => {
    expect(findUncheckableVagueVerb(text)).toBe(expected);
  });
});

describe('findVagueMeasure', () => {
  it.each([
    ['Mum engages with services.', 'engage'],
    ['Dad co-operates', 'co-operate'],
    ['Lena complies with the plan', 'comply'],
    ['Lena has complied', 'comply'],
    ['Mum tries harder', 'try'],
    ['Parents participating in the plan', 'participate'],
    ['Lena attended appointments', 'attend'],
    ['Professionals working with the family', 'work with'],
    // Who sees what, how often: observable, even with a vague verb.
    ['Lena attends, and the GP confirms it', undefined],
    ['Lena engages with the family worker every week', undefined],
    ['Lena attends 3 sessions', undefined],
    ['Ava seen clean at nursery', undefined],
    // No vague verb at all.
    ['Weight written in the red book', undefined],
    ['Ava’s attendance at school', undefined],
  ])('“%s” → %s', (text, expected) => {
    expect(findVagueMeasure(text)).toBe(expected);
  });
});

describe('saysHowLong', () => {
  it.each([
    ['For six months', true],
    ['Kept up for 12 weeks', true],
    ['Ava consistently arrives on time', true],
    ['Lena manages without prompting', true],
    ['Lena will carry on', false],
  ])('“%s” → %s', (text, expected) => {
    expect(saysHowLong(text)).toBe(expected);
  });
});
