import { describe, expect, it } from 'vitest';
import { checkDecisionDraft, checkDissentDraft, checkPlanChangeDraft, trimDraft } from '../../../lib/meetings/meeting-entries.ts';
import { decisionSuggestions } from '../../../lib/meetings/decision-vocabulary.ts';

const fields = (problems: { field: string }[]) => problems.map((p) => p.field);

describe('checkDecisionDraft', () => {
  it('needs the decision written', () => {
    expect(fields(checkDecisionDraft({ text: ' ' }))).toEqual(['text']);
    expect(checkDecisionDraft({ text: 'Child protection plan under the category of neglect' })).toEqual([]);
  });
});

describe('checkDissentDraft', () => {
  it.each([
    ['who and reasons given', { who: 'Dr Shah', agency: 'Health', reason: 'Thinks the risk is lower' }, []],
    ['no agency is fine (a parent may dissent)', { who: 'Mother', agency: '', reason: 'Disagrees with the category' }, []],
    ['no reasons', { who: 'Dr Shah', agency: 'Health', reason: '' }, ['reason']],
    ['nobody named', { who: '', agency: 'Health', reason: 'x' }, ['who']],
  ])('%s', (_name, draft, expected) => {
    expect(fields(checkDissentDraft(draft))).toEqual(expected);
  });
});

describe('checkPlanChangeDraft', () => {
  it('needs both the change and its reason', () => {
    expect(fields(checkPlanChangeDraft({ change: '', reason: '' }))).toEqual(['change', 'reason']);
    expect(checkPlanChangeDraft({ change: 'Weekly visits', reason: 'Missed appointments' })).toEqual([]);
  });
});

describe('trimDraft', () => {
  it('trims every field', () => {
    expect(trimDraft({ who: ' Dr Shah ', reason: 'x ' })).toEqual({ who: 'Dr Shah', reason: 'x' });
  });
});

describe('decisionSuggestions', () => {
  it('offers the initial conference outcomes, with a category for a plan', () => {
    const words = decisionSuggestions('icpc');
    expect(words).toContain('Child protection plan under the category of neglect');
    expect(words).toContain('No child protection plan: early help');
    expect(decisionSuggestions('pre-birth')).toEqual(words);
  });

  it('offers the review outcomes at a review conference', () => {
    expect(decisionSuggestions('rcpc')).toContain('Child protection plan ends: team around the family for at least 3 months');
    expect(decisionSuggestions('rcpc')).toContain('Child protection plan continues');
  });

  it('offers nothing for a visit or an unknown kind', () => {
    expect(decisionSuggestions('visit')).toEqual([]);
    expect(decisionSuggestions('picnic')).toEqual([]);
  });
});
