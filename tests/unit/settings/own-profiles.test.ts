import { describe, expect, it } from 'vitest';
import { SHIPPED_PROFILES, getShippedProfile } from '../../../lib/rules/deadlines/profiles/index.ts';
import { checkCopyName, copyProfile, findOwnProfile, listOwnProfiles, removeOwnProfile, saveOwnProfile, touchesOwnProfiles } from '../../../lib/settings/own-profiles.ts';
import { memoryArea } from '../helpers/memory-area.ts';

const wirral = getShippedProfile('wirral-2016')!;
/** Fixed bytes, so ids are predictable. */
const bytes = (value: number) => ({ getRandomValues: (a: Uint8Array) => a.fill(value) }) as unknown as Crypto;

describe('copyProfile', () => {
  it('copies a profile with a random id, the new name and where it came from', () => {
    const copy = copyProfile(wirral, '  Our partnership ', bytes(0xab));
    expect(copy).toMatchObject({ id: 'wirral-2016-own-abababab', name: 'Our partnership', basedOn: 'wirral-2016' });
    expect(copy.rules).toEqual(wirral.rules);
    expect(copy.rules).not.toBe(wirral.rules);
  });

  it('copies a copy without piling up suffixes', () => {
    const copy = copyProfile(copyProfile(wirral, 'First', bytes(1)), 'Second', bytes(2));
    expect(copy.id).toBe('wirral-2016-own-02020202');
  });
});

describe('checkCopyName', () => {
  it.each([
    ['', 'Enter a name for your copy, for example the name of your safeguarding partnership.'],
    ['   ', 'Enter a name for your copy, for example the name of your safeguarding partnership.'],
    [' wirral multi-agency standards for child protection (2016) ', 'There is already a profile called “wirral multi-agency standards for child protection (2016)”. Choose another name.'],
    ['Our partnership', null],
  ])('checks “%s”', (name, problem) => {
    expect(checkCopyName(name, SHIPPED_PROFILES)).toBe(problem);
  });
});

describe('saveOwnProfile', () => {
  it('saves a valid copy, lists it by name and removes it', async () => {
    const area = memoryArea();
    const b = copyProfile(wirral, 'B partnership', bytes(2));
    const a = copyProfile(wirral, 'A partnership', bytes(1));
    expect(await saveOwnProfile(area, b)).toEqual([]);
    expect(await saveOwnProfile(area, a)).toEqual([]);
    expect((await listOwnProfiles(area)).map((p) => p.name)).toEqual(['A partnership', 'B partnership']);
    await removeOwnProfile(area, a.id);
    expect((await listOwnProfiles(area)).map((p) => p.id)).toEqual([b.id]);
  });

  it('saves nothing when a figure is wrong, and says which', async () => {
    const area = memoryArea();
    const copy = copyProfile(wirral, 'Ours', bytes(1));
    copy.rules[7]!.figure = -3;
    const findings = await saveOwnProfile(area, copy);
    expect(findings).toEqual([{ path: 'rules[7].figure', message: 'The figure must be a whole number from 0 to 1000.', severity: 'error' }]);
    expect(area.data.size).toBe(0);
  });

  it('never replaces a shipped profile', async () => {
    const area = memoryArea();
    const findings = await saveOwnProfile(area, structuredClone(wirral));
    expect(findings.map((f) => f.path)).toEqual(['id']);
    expect(area.data.size).toBe(0);
  });

  it('skips stored values that are not profiles', async () => {
    const area = memoryArea();
    await area.set({ 'profile/x': 'not a profile', 'profile/y': { id: 'other-id', name: 'Y', rules: [] }, identity: {} });
    expect(await listOwnProfiles(area)).toEqual([]);
  });
});

describe('findOwnProfile', () => {
  it('finds one of the member’s own profiles by id, for a new plan to carry', async () => {
    const area = memoryArea();
    const copy = copyProfile(wirral, 'Ours', bytes(1));
    await saveOwnProfile(area, copy);
    await area.set({ 'profile/wirral-2016-own-02020202': { id: 'not-this-id', name: 'Y', rules: [] } });
    expect(await findOwnProfile(area, copy.id)).toEqual(copy);
    expect(await findOwnProfile(area, 'wirral-2016-own-02020202')).toBeUndefined();
    expect(await findOwnProfile(area, 'wirral-2016')).toBeUndefined();
    expect(await findOwnProfile(area, '')).toBeUndefined();
  });
});

describe('touchesOwnProfiles', () => {
  it('is true only for profile keys', () => {
    expect(touchesOwnProfiles({ 'profile/a': {} })).toBe(true);
    expect(touchesOwnProfiles({ 'plan/a': {}, clockOverride: {} })).toBe(false);
  });
});
