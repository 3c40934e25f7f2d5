import { describe, expect, it } from 'vitest';
import { profileOptions } from '../../../lib/app/profile-options.ts';
import { DEFAULT_PROFILE_ID, SHIPPED_PROFILES, getShippedProfile } from '../../../lib/rules/deadlines/profiles/index.ts';

describe('profileOptions', () => {
  it('lists every shipped profile, the default first', () => {
    const options = profileOptions();
    expect(options.map((o) => o.id)).toEqual(SHIPPED_PROFILES.map((p) => p.id));
    expect(options[0]!.id).toBe(DEFAULT_PROFILE_ID);
    expect(options.length).toBeGreaterThan(2);
  });

  it('adds the member’s own copies after them, marked as theirs', () => {
    const own = { ...structuredClone(getShippedProfile('wirral-2016')!), id: 'wirral-2016-own-01010101', name: 'Our partnership' };
    expect(profileOptions([own]).at(-1)).toEqual({ id: 'wirral-2016-own-01010101', name: 'Our partnership (your copy)' });
  });
});
