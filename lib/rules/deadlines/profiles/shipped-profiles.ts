/**
 * The profiles that ship with the extension: the national one and one per local document in the
 * seeds. They are frozen: a user who wants other figures clones one (`cloneProfile`) and edits the
 * copy, which is stored with their other settings, never here.
 */
import { deepFreeze } from '../deep-freeze.ts';
import { calderdaleGroupAgreement } from './calderdale-group-agreement.ts';
import { conferencingGoodPractice } from './conferencing-good-practice.ts';
import { national } from './national.ts';
import { partnershipResponsibilities } from './partnership-responsibilities.ts';
import { strategyToReviewFlow } from './strategy-to-review-flow.ts';
import type { Profile } from './types.ts';
import { wirral2016 } from './wirral-2016.ts';

/** The profile a new plan uses until someone picks another. */
export const DEFAULT_PROFILE_ID = 'national';

/** Every shipped profile, national first. */
export const SHIPPED_PROFILES: readonly Profile[] = [
  national,
  wirral2016,
  partnershipResponsibilities,
  conferencingGoodPractice,
  calderdaleGroupAgreement,
  strategyToReviewFlow,
].map(deepFreeze);

/** The shipped profile with this id, or `undefined` (the caller then looks among the user's own). */
export function getShippedProfile(id: string): Profile | undefined {
  return SHIPPED_PROFILES.find((profile) => profile.id === id);
}
