/**
 * Whether a plan in the list should prompt to be backed up and removed from this device: it has
 * ended, and the period its timescale profile sets (a board's own profile on this device, or a
 * shipped one; else the product's default) is over by `today`.
 */
import { getShippedProfile, type Profile } from '../rules/deadlines/profiles/index.ts';
import { endedPlanMonths, endedPlanPrompt } from '../rules/retention/ended-plan.ts';
import type { PlanSummary } from './plan-index.ts';

export interface RetentionPrompt {
  endedOn: string;
  months: number;
  /** The profile's name when it set the period; undefined when the product's default applies. */
  setBy?: string;
}

export function retentionPrompt(plan: PlanSummary, ownProfiles: readonly Profile[], today: string): RetentionPrompt | null {
  if (!plan.endedOn) return null;
  const profile = ownProfiles.find((p) => p.id === plan.profileId) ?? getShippedProfile(plan.profileId);
  const { months, fromProfile } = endedPlanMonths(profile);
  const prompt = endedPlanPrompt(plan.endedOn, months, today);
  if (!prompt?.due) return null;
  return { endedOn: plan.endedOn, months, ...(fromProfile && profile ? { setBy: profile.name } : {}) };
}
