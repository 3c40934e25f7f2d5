import { describe, expect, it } from 'vitest';
import { checkScalingDraft, type ScalingDraft } from '../../../lib/framework/scaling-draft.ts';

const TODAY = '2025-06-10';
const draft = (over: Partial<ScalingDraft> = {}): ScalingDraft => ({
  person: 'Mum (Jo Testington)',
  agency: '',
  score: '4',
  date: '2025-06-01',
  note: '',
  ...over,
});
const fields = (d: ScalingDraft) => {
  const result = checkScalingDraft(d, TODAY);
  return result.ok ? [] : result.problems.map((p) => p.field);
};

describe('checkScalingDraft', () => {
  it('accepts a whole score from 0 to 10 on a past or present day, trimmed', () => {
    expect(checkScalingDraft(draft({ person: '  Jo ', agency: ' School ', score: ' 7 ', note: ' better ' }), TODAY)).toEqual({
      ok: true,
      value: { person: 'Jo', agency: 'School', score: 7, date: '2025-06-01', note: 'better' },
    });
    expect(fields(draft({ score: '0' }))).toEqual([]);
    expect(fields(draft({ score: '10', date: TODAY }))).toEqual([]);
  });

  it.each([
    ['', /Enter a score from 0 to 10/],
    ['four', /must be a number/],
    ['4.5', /whole number/],
    ['11', /from 0 to 10/],
    ['-1', /from 0 to 10/],
    ['1e1', /must be a number/],
  ])('refuses the score %j with a message', (score, message) => {
    const result = checkScalingDraft(draft({ score }), TODAY);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems).toEqual([{ field: 'score', message: expect.stringMatching(message) }]);
  });

  it.each([
    ['', /Enter the date/],
    ['2025-02-30', /not a real date/], // February has at most 29 days
    ['10/06/2025', /not a real date/],
    ['2025-06-11', /in the future/], // the day after TODAY
  ])('refuses the date %j', (date, message) => {
    const result = checkScalingDraft(draft({ date }), TODAY);
    expect(result.ok ? [] : result.problems).toEqual([{ field: 'date', message: expect.stringMatching(message) }]);
  });

  it('needs to know whose score it is', () => {
    expect(fields(draft({ person: '   ' }))).toEqual(['person']);
  });

  it('reports every problem at once', () => {
    expect(fields({ person: '', agency: '', score: '12', date: '', note: '' })).toEqual(['person', 'score', 'date']);
  });
});
