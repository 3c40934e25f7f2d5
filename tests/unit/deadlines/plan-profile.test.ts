import { describe, expect, it } from 'vitest';
import { getShippedProfile } from '../../../lib/rules/profiles/index.ts';
import { resolvePlanProfile } from '../../../lib/deadlines/plan-profile.ts';
import { isPlanDate } from '../../../lib/deadlines/plan-date.ts';

const own = { ...structuredClone(getShippedProfile('wirral-2016')!), id: 'wirral-2016-own-01010101', name: 'Ours' };

describe('resolvePlanProfile', () => {
  it.each([
    ['wirral-2016', 'wirral-2016', false, false],
    ['wirral-2016-own-01010101', 'wirral-2016-own-01010101', false, true],
    ['a-colleagues-copy', 'national', true, false],
    ['', 'national', false, false],
  ])('finds “%s” as %s (missing %s, own %s)', (id, used, missing, isOwn) => {
    const resolved = resolvePlanProfile(id, [own]);
    expect([resolved.profile.id, resolved.missing, resolved.own]).toEqual([used, missing, isOwn]);
  });
});

describe('isPlanDate', () => {
  it.each([
    ['2026-03-02', true],
    ['2024-02-29', true], // a leap day
    ['2026-02-29', false],
    ['2026-13-01', false],
    ['1899-12-31', false],
    ['2200-01-01', false],
    ['2026-3-2', false],
    ['', false],
    [20260302, false],
  ])('%s is a plan date: %s', (value, expected) => {
    expect(isPlanDate(value)).toBe(expected);
  });
});
