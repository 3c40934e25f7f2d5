/**
 * The words conferences use for their decisions (TIMESCALES.md "Checks that are not dates", from
 * Working Together 2023 and Wirral 003 sections 3.11 and 8), offered as suggestions so decisions
 * are recorded the same way every time. They are suggestions only: a member may type anything.
 */
import { isMeetingKind } from './meeting-kinds.ts';

/** The categories of abuse or neglect a plan is made under (Wirral 003 3.11). */
export const CATEGORIES = ['neglect', 'physical abuse', 'emotional abuse', 'sexual abuse'] as const;

/** An initial, pre-birth or transfer-in conference decides whether there is a plan at all. */
const FIRST_CONFERENCE = [
  ...CATEGORIES.map((c) => `Child protection plan under the category of ${c}`),
  'No child protection plan: child in need plan',
  'No child protection plan: early help',
  'No child protection plan: no further action',
];

/** A review conference decides whether the plan continues (its category may change) or ends. */
const REVIEW_CONFERENCE = [
  'Child protection plan continues',
  ...CATEGORIES.map((c) => `Child protection plan continues; category changed to ${c}`),
  'Child protection plan ends: child in need plan',
  'Child protection plan ends: team around the family for at least 3 months',
  'Case closed (exceptional; record the rationale)',
];

/** A strategy discussion decides whether enquiries start and a conference is called. */
const STRATEGY = [
  'Start child protection enquiries (section 47)',
  'Call an initial child protection conference',
  'No child protection enquiries: child in need assessment',
  'No further action',
];

/** A core group reviews the contingency plan at every meeting (seed 002 standing agenda 2b). */
const CORE_GROUP = ['Contingency plan amended', 'Contingency plan invoked', 'Recommend the plan ends at the review conference'];

/** Suggested wording for the decisions of a meeting of `kind`; none for a visit or an unknown kind. */
export function decisionSuggestions(kind: string): readonly string[] {
  if (!isMeetingKind(kind)) return [];
  switch (kind) {
    case 'icpc':
    case 'pre-birth':
    case 'transfer-in':
      return FIRST_CONFERENCE;
    case 'rcpc':
      return REVIEW_CONFERENCE;
    case 'strategy':
      return STRATEGY;
    case 'core-group':
      return CORE_GROUP;
    case 'visit':
      return [];
  }
}
