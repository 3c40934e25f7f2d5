/** Record types of a plan, as plain values read from the document. */

import type { Division } from '../rules/calendar/holiday-rules.ts';

/** The bank-holiday division whose working days a plan counts in (defined with the holiday rules). */
export { DIVISIONS, type Division } from '../rules/calendar/holiday-rules.ts';

export const PLAN_STATUSES = ['outline', 'detailed', 'agreed', 'ended'] as const;
/** Working Together's life of a plan: outline at conference, detailed by the first core group, agreed, ended. */
export type PlanStatus = (typeof PLAN_STATUSES)[number];

/** The plan's short, single-valued fields (the `meta` root). */
export interface PlanMeta {
  schemaVersion: number;
  familyName: string;
  address: string;
  status: PlanStatus;
  profileId: string;
  division: Division;
  createdAt: string;
  createdBy: string;
}

/** A child the plan is for: born (date of birth) or unborn (expected date of delivery). */
export interface Child {
  id: string;
  name: string;
  /** yyyy-MM-dd, '' when unborn or unknown. */
  dob: string;
  /** Expected date of delivery, yyyy-MM-dd, for an unborn child; '' otherwise. */
  edd: string;
  school: string;
  gp: string;
}

/** What the creator types to start a plan. */
/**
 * The initial conference given when a plan is created: held on `date`, or booked for it
 * (`scheduled`). A plan created before its conference is arranged has none.
 */
export interface NewConference {
  /** yyyy-MM-dd. */
  date: string;
  scheduled: boolean;
}

export interface NewChild {
  name: string;
  dob?: string;
  edd?: string;
}
