import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getShippedProfile, validateProfile, type Profile, type Rule } from '../../../../lib/rules/deadlines/profiles/index.ts';

const base = getShippedProfile('wirral-2016')!;
/** Wirral with its first rule (T1) replaced by `change` applied to a copy. */
function withRule(change: Record<string, unknown>): unknown {
  const copy = structuredClone(base) as Profile;
  copy.rules[0] = { ...copy.rules[0]!, ...change } as Rule;
  return copy;
}
function withProfile(change: Record<string, unknown>): unknown {
  return { ...structuredClone(base), ...change };
}

describe('validateProfile', () => {
  it.each([[null], [42], ['wirral'], [[]], [{}]])('reports errors and does not throw for %j', (value) => {
    const findings = validateProfile(value);
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.every((f) => typeof f.message === 'string' && f.message !== '')).toBe(true);
  });

  it('never throws, whatever it is given', () => {
    fc.assert(fc.property(fc.anything(), (value) => Array.isArray(validateProfile(value))));
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom('figure', 'unit', 'from', 'due', 'sooner', 'typical', 'anchor'), fc.anything()), (change) =>
        Array.isArray(validateProfile(withRule(change))),
      ),
    );
  });

  it.each([
    [{ figure: -1 }, 'rules[0].figure'],
    [{ figure: 1.5 }, 'rules[0].figure'],
    [{ figure: '15' }, 'rules[0].figure'],
    [{ unit: 'fortnights' }, 'rules[0].unit'],
    [{ id: 'T22' }, 'rules[0].id'],
    [{ title: '  ' }, 'rules[0].title'],
    [{ source: '' }, 'rules[0].source'],
    [{ section: undefined }, 'rules[0].section'],
    [{ direction: 'sideways' }, 'rules[0].direction'],
    [{ from: [] }, 'rules[0].from'],
    [{ from: ['party'] }, 'rules[0].from'],
    [{ due: [] }, 'rules[0].due'],
    [{ due: 'action' }, 'rules[0].due'], // met by the action, but counts from a strategy discussion
    [{ anchor: 'middle' }, 'rules[0].anchor'],
    [{ anchor: 'last', direction: 'before' }, 'rules[0].anchor'],
    [{ recurring: true }, 'rules[0].recurring'], // due icpc is not among from (strategy)
    [{ recurring: 'yes' }, 'rules[0].recurring'],
    [{ direction: 'before', anchor: 'each', sooner: { figure: 1, unit: 'months', from: 'birth' } }, 'rules[0].sooner'],
    [{ sooner: { figure: 1, unit: 'months', from: 'party' } }, 'rules[0].sooner.from'],
    [{ nature: 'reminder' }, 'rules[0].nature'], // a reminder counts back from a conference
    [{ nature: 'whim' }, 'rules[0].nature'],
    [{ direction: 'before', anchor: 'each', nature: 'window' }, 'rules[0].direction'],
    [{ lookBack: { figure: 4, unit: 'weeks' } }, 'rules[0].lookBack'], // only for counts back
    [{ requires: 'party' }, 'rules[0].requires'],
    [{ notBeforeGestationWeeks: 50 }, 'rules[0].notBeforeGestationWeeks'],
    [{ wording: 7 }, 'rules[0].wording'],
  ])('reports an error at the field for a rule changed by %j', (change, path) => {
    const findings = validateProfile(withRule(change));
    expect(findings).toContainEqual(expect.objectContaining({ path, severity: 'error' }));
  });

  it('warns, without an error, when the typical interval is longer than the limit', () => {
    const findings = validateProfile(withRule({ typical: { figure: 20, unit: 'working-days' } }));
    expect(findings).toEqual([expect.objectContaining({ path: 'rules[0].typical', severity: 'warning' })]);
  });

  it('reports two rules with one id counting from the same kind of event', () => {
    const copy = structuredClone(base) as Profile;
    copy.rules.push({ ...copy.rules[0]!, figure: 20 });
    expect(validateProfile(copy)).toContainEqual(
      expect.objectContaining({ path: `rules[${copy.rules.length - 1}].from`, severity: 'error' }),
    );
  });

  it('accepts one id counting from different events (000’s T3 after initial and review conferences)', () => {
    expect(validateProfile(getShippedProfile('partnership-responsibilities'))).toEqual([]);
  });

  it.each([
    [{ id: 'My Board' }, 'id'],
    [{ id: '' }, 'id'],
    [{ name: '' }, 'name'],
    [{ short: undefined }, 'short'],
    [{ dayZero: 'tomorrow' }, 'dayZero'],
    [{ rules: 'none' }, 'rules'],
    [{ basedOn: 3 }, 'basedOn'],
    [{ endedPlanLocalCopyMonths: 0 }, 'endedPlanLocalCopyMonths'],
    [{ endedPlanLocalCopyMonths: 6.5 }, 'endedPlanLocalCopyMonths'],
  ])('reports an error at the profile field for %j', (change, path) => {
    expect(validateProfile(withProfile(change))).toContainEqual(expect.objectContaining({ path, severity: 'error' }));
  });

  it('warns about a profile with no rules', () => {
    expect(validateProfile(withProfile({ rules: [] }))).toEqual([
      expect.objectContaining({ path: 'rules', severity: 'warning' }),
    ]);
  });
});
