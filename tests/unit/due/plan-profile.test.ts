import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { getShippedProfile, type Profile } from '../../../lib/rules/deadlines/profiles/index.ts';
import { resolvePlanProfile } from '../../../lib/due/plan-profile.ts';
import { PROFILE_COPY_PREFIX, planRoots, readPlanProfileCopy, storePlanProfile } from '../../../lib/plan/index.ts';
import { newPlan } from './plan-fixtures.ts';

/** A member's own copy of the national profile with the first core group within `days` working days. */
function ownCopy(days: number, id = 'national-own-01010101'): Profile {
  const copy: Profile = { ...structuredClone(getShippedProfile('national')!), id, name: 'Our partnership', basedOn: 'national' };
  copy.rules.find((r) => r.id === 'T8')!.figure = days;
  return copy;
}
const t8 = (profile: Profile) => profile.rules.find((r) => r.id === 'T8')!.figure;

describe('resolvePlanProfile', () => {
  it('finds a shipped profile by id, whatever the member has', () => {
    const resolved = resolvePlanProfile(newPlan({ profileId: 'wirral-2016' }), [ownCopy(8)]);
    expect(resolved).toMatchObject({ source: 'shipped', profileId: 'wirral-2016', missing: false });
    expect(resolved.profile).toBe(getShippedProfile('wirral-2016'));
  });

  it('counts with the copy the plan carries on a device that does not have the profile (a colleague’s)', () => {
    const doc = newPlan({ profileId: ownCopy(8).id, profile: ownCopy(8) });
    const resolved = resolvePlanProfile(doc, []);
    expect(resolved).toMatchObject({ source: 'plan', missing: false, profileId: 'national-own-01010101' });
    expect(resolved.profile).toEqual(ownCopy(8));
    expect(resolved.deviceCopy).toBeUndefined();
  });

  it('prefers the plan’s copy to the member’s edited profile, and offers the edit as an update', () => {
    const doc = newPlan({ profileId: ownCopy(8).id, profile: ownCopy(8) });
    const same = resolvePlanProfile(doc, [ownCopy(8)]);
    expect([same.source, t8(same.profile), same.deviceCopy]).toEqual(['plan', 8, undefined]);
    const edited = resolvePlanProfile(doc, [ownCopy(7)]);
    expect([edited.source, t8(edited.profile), edited.deviceCopy && t8(edited.deviceCopy)]).toEqual(['plan', 8, 7]);
  });

  it('treats the same profile with its keys in another order as unchanged', () => {
    const doc = newPlan({ profileId: ownCopy(8).id, profile: ownCopy(8) });
    const reordered = Object.fromEntries(Object.entries(ownCopy(8)).reverse()) as unknown as Profile;
    expect(resolvePlanProfile(doc, [reordered]).deviceCopy).toBeUndefined();
  });

  it('falls back to the member’s own profile for a plan made before plans carried one, then to national', () => {
    const doc = newPlan({ profileId: ownCopy(8).id });
    expect(readPlanProfileCopy(doc, ownCopy(8).id)).toBeUndefined();
    const onCreatorsDevice = resolvePlanProfile(doc, [ownCopy(8)]);
    expect([onCreatorsDevice.source, onCreatorsDevice.missing, t8(onCreatorsDevice.profile)]).toEqual(['device', false, 8]);
    const onColleaguesDevice = resolvePlanProfile(doc, []);
    expect([onColleaguesDevice.source, onColleaguesDevice.missing, onColleaguesDevice.profile.id]).toEqual(['default', true, 'national']);
  });

  it('uses national, without saying anything is missing, when no profile is chosen', () => {
    const doc = new Y.Doc();
    expect(resolvePlanProfile(doc, [ownCopy(8)])).toMatchObject({ source: 'default', missing: false, profileId: '' });
  });

  it('ignores a copy that is not a valid profile (a peer’s document is not trusted)', () => {
    const doc = newPlan({ profileId: ownCopy(8).id });
    // What a faulty or hostile peer could write; the plan's commands refuse it.
    planRoots(doc).meta.set(PROFILE_COPY_PREFIX + ownCopy(8).id, { ...ownCopy(8), rules: 'none' });
    expect(resolvePlanProfile(doc, [ownCopy(9)])).toMatchObject({ source: 'device' });
    expect(resolvePlanProfile(doc, [])).toMatchObject({ source: 'default', missing: true });
    // A copy stored under the id of another profile is not this plan's profile either.
    planRoots(doc).meta.set(PROFILE_COPY_PREFIX + ownCopy(8).id, ownCopy(8, 'national-own-02020202'));
    expect(resolvePlanProfile(doc, [])).toMatchObject({ source: 'default', missing: true });
  });

  it('hands out a copy: changing the profile it returns leaves the plan as it was', () => {
    const doc = newPlan({ profileId: ownCopy(8).id, profile: ownCopy(8) });
    const resolved = resolvePlanProfile(doc, []);
    resolved.profile.rules.find((r) => r.id === 'T8')!.figure = 99;
    expect(t8(resolvePlanProfile(doc, []).profile)).toBe(8);
  });

  it('follows the plan when a member replaces its copy', () => {
    const doc = newPlan({ profileId: ownCopy(8).id, profile: ownCopy(8) });
    storePlanProfile(doc, { profile: ownCopy(7) });
    expect(t8(resolvePlanProfile(doc, [ownCopy(7)]).profile)).toBe(7);
    expect(resolvePlanProfile(doc, [ownCopy(7)]).deviceCopy).toBeUndefined();
  });
});

