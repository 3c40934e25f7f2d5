import { describe, expect, it } from 'vitest';
import { findUncheckableVagueVerb, mentionsChild, saysHowLong } from '../../../../lib/rules/checks/smart-wording.ts';

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
