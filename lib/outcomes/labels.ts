/**
 * The words the plan uses for outcome domains and action statuses. The stored values are the ids in
 * lib/plan/records/outcomes.ts; these are what a parent or practitioner reads.
 */
import { ACTION_STATUSES, DOMAINS, type ActionStatus, type Domain } from '../plan/records/outcomes.ts';

/** The three assessment domains, worded as in seed 002 ("Child focussed outcomes should arise out of…", 2a–c). */
export const DOMAIN_LABELS: Readonly<Record<Domain, string>> = {
  'developmental-needs': "The child's developmental needs",
  'parenting-capacity': 'Parenting capacity',
  'family-environment': 'Family and environmental factors',
};

export const ACTION_STATUS_LABELS: Readonly<Record<ActionStatus, string>> = {
  'not-started': 'Not started',
  'in-progress': 'In progress',
  done: 'Done',
  'not-done': 'Not done',
};

export function isDomain(value: string): value is Domain {
  return (DOMAINS as readonly string[]).includes(value);
}

export function isActionStatus(value: string): value is ActionStatus {
  return (ACTION_STATUSES as readonly string[]).includes(value);
}
