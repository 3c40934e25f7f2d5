import { describe, expect, it } from 'vitest';
import { checkEndRecommendation } from '../../../lib/chair/end-recommendation-draft.ts';

const fields = (problems: { field: string }[]) => problems.map((p) => p.field);

describe('checkEndRecommendation', () => {
  it('accepts reasons and a review date after the core group', () => {
    expect(checkEndRecommendation({ reasons: 'Safe for six months', reviewBy: '2027-03-15' }, '2027-03-01')).toEqual([]);
  });

  it('asks for the reasons and the date together', () => {
    const problems = checkEndRecommendation({ reasons: '  ', reviewBy: '' }, '2027-03-01');
    expect(fields(problems)).toEqual(['reasons', 'reviewBy']);
    expect(problems[0]!.message).toMatch(/why the core group recommends/);
  });

  it('refuses a date that is not real, or one on or before the core group', () => {
    expect(checkEndRecommendation({ reasons: 'x', reviewBy: '2027-02-30' }, '2027-03-01')[0]!.message).toMatch(/real date/);
    expect(checkEndRecommendation({ reasons: 'x', reviewBy: '2027-03-01' }, '2027-03-01')[0]!.message).toMatch(/after this core group/);
  });
});
