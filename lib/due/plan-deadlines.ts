/**
 * One plan's deadlines: its document read into a timeline, counted under its own profile and
 * bank-holiday division. Pure: `today` is a parameter.
 */
import type * as Y from 'yjs';
import { readMeta, standingEndRecommendation, type Division } from '../plan/index.ts';
import type { Deadline } from '../rules/deadlines/deadline.ts';
import { computeDeadlines } from '../rules/deadlines/deadlines.ts';
import { prepareProfile, type PreparedProfile } from '../rules/deadlines/prepared-profile.ts';
import type { Profile } from '../rules/deadlines/profiles/index.ts';
import type { TimelineEvent } from '../rules/deadlines/timeline.ts';
import { resolvePlanProfile, type PlanProfile } from './plan-profile.ts';
import { planTimeline } from './plan-timeline.ts';
import { bringReviewForward } from './review-brought-forward.ts';

export interface PlanDue {
  deadlines: Deadline[];
  timeline: TimelineEvent[];
  plan: PlanProfile;
  division: Division;
}

/**
 * Prepared profiles, for computing many plans: each shipped profile and each of the member's own
 * is checked once (`prepareProfile`'s contract). Keyed by the profile object, not its id: plans
 * that carry a copy of one profile may hold different versions of it, so a plan's copy is prepared
 * for that plan alone. Make one per batch of plans, not per page: a member may edit their own
 * profile between batches.
 */
export type PreparedProfiles = Map<Profile, PreparedProfile>;

/**
 * The deadlines of the plan in `doc` as of `today`, under the profile it counts with
 * (`resolvePlanProfile`). Overdue first, then by due date (the engine's order).
 */
export function computePlanDue(
  doc: Y.Doc,
  ownProfiles: readonly Profile[],
  today: string,
  prepared: PreparedProfiles = new Map(),
): PlanDue {
  const meta = readMeta(doc);
  const plan = resolvePlanProfile(doc, ownProfiles);
  let profile = prepared.get(plan.profile);
  if (!profile) {
    profile = prepareProfile(plan.profile);
    // A plan's copy is a fresh object on every read: keeping it would only hold memory.
    if (plan.source !== 'plan') prepared.set(plan.profile, profile);
  }
  const timeline = planTimeline(doc);
  const deadlines = computeDeadlines(timeline, profile, today, { division: meta.division });
  // A core group's recommendation that the plan ends brings the review conference forward.
  const brought = bringReviewForward(deadlines, timeline, standingEndRecommendation(doc), today, meta.division);
  return { deadlines: brought, timeline, plan, division: meta.division };
}
