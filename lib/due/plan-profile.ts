/**
 * Which timescale profile a plan counts with: the ONE place this is decided, for every reader (the
 * plan's What's due, what is due across plans, the background's badge and notifications, proposed
 * next dates, the chair's closing summary).
 *
 * A plan names its profile by id (`meta.profileId`) and, when that is a member's own profile,
 * carries a copy of it (lib/plan/plan-profile-copy.ts). In order:
 * 1. a shipped profile with that id (it ships with the extension: every member has the same one);
 * 2. the plan's copy, when it passes `validateProfile` (a peer's document is not trusted);
 * 3. this member's own profile with that id, for plans made before plans carried their profile;
 * 4. the default (national) profile, and the plan says so (`missing`) rather than showing nothing.
 *
 * The plan's copy comes before the member's own: editing an own profile never silently changes the
 * plans already using it. When the two differ, `deviceCopy` holds the member's version, to offer
 * "Use my updated profile for this plan".
 */
import type * as Y from 'yjs';
import { readMeta, readPlanProfileCopy } from '../plan/index.ts';
import { DEFAULT_PROFILE_ID, getShippedProfile, validateProfile, type Profile } from '../rules/deadlines/profiles/index.ts';
import { sameProfile } from './same-profile.ts';

/** Where the profile came from (see the module comment). */
export type PlanProfileSource = 'shipped' | 'plan' | 'device' | 'default';

export interface PlanProfile {
  /** The profile to count with. A copy: changing it changes nothing else. */
  profile: Profile;
  source: PlanProfileSource;
  /** The id the plan names ('' when none is chosen yet). */
  profileId: string;
  /** True when the plan names a profile that neither it nor this device holds (the default stands in). */
  missing: boolean;
  /**
   * This member's own profile with the plan's id, when the plan carries a copy that differs from
   * it (the member changed its figures since): offered as the plan's update, never applied unasked.
   */
  deviceCopy?: Profile;
}

/** The profile the plan in `doc` counts with, given this member's own profiles (see the module comment). */
export function resolvePlanProfile(doc: Y.Doc, ownProfiles: readonly Profile[]): PlanProfile {
  const profileId = readMeta(doc).profileId;
  const shipped = getShippedProfile(profileId);
  if (shipped) return { profile: shipped, source: 'shipped', profileId, missing: false };
  const own = ownProfiles.find((p) => p.id === profileId);
  const copy = usableCopy(readPlanProfileCopy(doc, profileId), profileId);
  if (copy) {
    const differs = own !== undefined && !sameProfile(own, copy);
    return { profile: copy, source: 'plan', profileId, missing: false, ...(differs ? { deviceCopy: own } : {}) };
  }
  if (own) return { profile: own, source: 'device', profileId, missing: false };
  return { profile: getShippedProfile(DEFAULT_PROFILE_ID)!, source: 'default', profileId, missing: profileId !== '' };
}

/** The stored copy as a profile of its own (a deep copy), when it is one with no error; else undefined. */
function usableCopy(stored: unknown, profileId: string): Profile | undefined {
  if (stored === undefined || validateProfile(stored).some((f) => f.severity === 'error')) return undefined;
  const copy = structuredClone(stored) as Profile;
  return copy.id === profileId ? copy : undefined;
}
