/**
 * Which timescale profile a plan counts with. A plan stores only a profile id: a shipped profile,
 * or one a member cloned and edited on their own device. A plan shared from a colleague may name a
 * profile this device does not have; it then counts with the default (national) profile, and says
 * so, rather than showing nothing.
 */
import { DEFAULT_PROFILE_ID, getShippedProfile, type Profile } from '../rules/profiles/index.ts';

export interface PlanProfile {
  profile: Profile;
  /** True when the plan names a profile that is not on this device (the default stands in). */
  missing: boolean;
  /** True for one of the member's own (cloned) profiles. */
  own: boolean;
}

/** The profile for `profileId` among the shipped ones and `ownProfiles` (see the module comment). */
export function resolvePlanProfile(profileId: string, ownProfiles: readonly Profile[]): PlanProfile {
  const shipped = getShippedProfile(profileId);
  if (shipped) return { profile: shipped, missing: false, own: false };
  const own = ownProfiles.find((p) => p.id === profileId);
  if (own) return { profile: own, missing: false, own: true };
  return { profile: getShippedProfile(DEFAULT_PROFILE_ID)!, missing: profileId !== '', own: false };
}
