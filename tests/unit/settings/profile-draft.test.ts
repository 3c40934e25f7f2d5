import { describe, expect, it } from 'vitest';
import { getShippedProfile, validateProfile } from '../../../lib/rules/deadlines/profiles/index.ts';
import { draftFromProfile, draftProblems, profileFromDraft } from '../../../lib/settings/profile-draft.ts';

const wirral = { ...structuredClone(getShippedProfile('wirral-2016')!), id: 'wirral-2016-own-01010101', basedOn: 'wirral-2016' };
const t9 = wirral.rules.findIndex((r) => r.id === 'T9');

describe('draftFromProfile and profileFromDraft', () => {
  it("sets, keeps and clears the months before an ended plan is offered for removal", () => {
    const draft = { ...draftFromProfile(wirral), endedPlanMonths: ' 18 ' };
    const set = profileFromDraft(wirral, draft);
    expect(set.endedPlanLocalCopyMonths).toBe(18);
    expect(draftFromProfile(set).endedPlanMonths).toBe('18');
    expect('endedPlanLocalCopyMonths' in profileFromDraft(set, { ...draftFromProfile(set), endedPlanMonths: '' })).toBe(false);
    const broken = profileFromDraft(wirral, { ...draft, endedPlanMonths: 'a year' });
    expect(draftProblems(validateProfile(broken))).toContainEqual(expect.objectContaining({ field: 'endedPlanMonths', severity: 'error' }));
  });

  it('round-trips a profile unchanged', () => {
    expect(profileFromDraft(wirral, draftFromProfile(wirral))).toEqual(wirral);
  });

  it('offers the typical interval only for rules that have one', () => {
    const draft = draftFromProfile(wirral);
    expect(draft.rules[t9]).toEqual({ figure: '6', unit: 'weeks', typicalFigure: '4', typicalUnit: 'weeks' });
    expect(draft.rules[0]).toEqual({ figure: '15', unit: 'working-days' });
  });

  it('takes the figures, units, names and counting typed', () => {
    const draft = draftFromProfile(wirral);
    draft.name = '  Our partnership ';
    draft.dayZero = 'nextDay';
    draft.rules[t9] = { figure: ' 8 ', unit: 'weeks', typicalFigure: '5', typicalUnit: 'weeks' };
    const profile = profileFromDraft(wirral, draft);
    expect(profile).toMatchObject({ name: 'Our partnership', dayZero: 'nextDay' });
    expect(profile.rules[t9]).toMatchObject({ figure: 8, typical: { figure: 5, unit: 'weeks' }, source: wirral.rules[t9]!.source });
    expect(validateProfile(profile)).toEqual([]);
  });
});

describe('draftProblems', () => {
  it.each([
    ['', 'rules.0.figure'],
    ['2.5', 'rules.0.figure'],
    ['-1', 'rules.0.figure'],
    ['ten', 'rules.0.figure'],
    ['1001', 'rules.0.figure'],
  ])('reports the figure “%s” beside its field', (figure, field) => {
    const draft = draftFromProfile(wirral);
    draft.rules[0]!.figure = figure;
    expect(draftProblems(validateProfile(profileFromDraft(wirral, draft)))).toEqual([
      { field, message: 'The figure must be a whole number from 0 to 1000.', severity: 'error' },
    ]);
  });

  it('reports an empty name and a typical interval longer than the limit beside their fields', () => {
    const draft = draftFromProfile(wirral);
    draft.name = ' ';
    draft.rules[t9]!.typicalFigure = '10';
    expect(draftProblems(validateProfile(profileFromDraft(wirral, draft)))).toEqual([
      { field: 'name', message: 'The profile needs a name.', severity: 'error' },
      { field: `rules.${t9}.typicalFigure`, message: 'The typical interval is longer than the limit, so it will never be proposed.', severity: 'warning' },
    ]);
  });
});
