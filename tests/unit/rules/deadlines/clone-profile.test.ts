import { describe, expect, it } from 'vitest';
import { cloneProfile, getShippedProfile, validateProfile } from '../../../../lib/rules/deadlines/profiles/index.ts';

const wirral = getShippedProfile('wirral-2016')!;

describe('cloneProfile', () => {
  it('copies every rule under a new id and name, recording the original', () => {
    const clone = cloneProfile(wirral, 'wirral-2016-team-a', '  Wirral, team A  ');
    expect(clone).toMatchObject({ id: 'wirral-2016-team-a', name: 'Wirral, team A', basedOn: 'wirral-2016' });
    expect(clone.rules).toEqual(wirral.rules);
    expect(validateProfile(clone)).toEqual([]);
  });

  it('shares nothing with the original, so editing the clone leaves it alone', () => {
    const clone = cloneProfile(wirral, 'copy', 'Copy');
    clone.rules[0]!.figure = 10;
    clone.rules[0]!.from.push('visit');
    clone.rules.pop();
    expect(wirral.rules[0]!.figure).toBe(15);
    expect(wirral.rules[0]!.from).toEqual(['strategy']);
    expect(clone.rules.length).toBe(wirral.rules.length - 1);
  });

  it('leaves the original unchanged (it is pure)', () => {
    const before = JSON.stringify(wirral);
    cloneProfile(wirral, 'copy', 'Copy');
    expect(JSON.stringify(wirral)).toBe(before);
  });

  it.each([
    ['Not Kebab', 'Name', /newId/],
    ['', 'Name', /newId/],
    ['copy', '   ', /newName/],
    ['wirral-2016', 'Same', /newId/],
  ])('throws a RangeError for id %j and name %j', (id, name, message) => {
    expect(() => cloneProfile(wirral, id, name)).toThrow(RangeError);
    expect(() => cloneProfile(wirral, id, name)).toThrow(message);
  });
});
