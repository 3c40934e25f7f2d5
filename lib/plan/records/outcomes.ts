/** Outcomes by assessment domain, each with its actions and their progress notes. */
import { defineRecord } from '../record-spec.ts';

/** The three domains of the assessment framework that outcomes are grouped by. */
export const DOMAINS = ['developmental-needs', 'parenting-capacity', 'family-environment'] as const;
export type Domain = (typeof DOMAINS)[number];

export const ACTION_STATUSES = ['not-started', 'in-progress', 'done', 'not-done'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** An outcome, in one of the three domains, holding its own actions. */
export const Outcome = defineRecord(
  'outcome',
  { domain: 'string', statement: 'string', measure: 'string', dueDate: 'string', sustainability: 'string' },
  { lists: ['actions'] },
);

/** An action inside its outcome: who does what by when, and how we will know. */
export const Action = defineRecord(
  'action',
  {
    description: 'string',
    ownerId: 'string',
    agency: 'string',
    dueDate: 'string',
    measure: 'string',
    status: 'string',
    agencyAgreed: 'boolean',
  },
  { lists: ['notes'] },
);

/** A dated note of progress on an action. */
export const ProgressNote = defineRecord('progress-note', { date: 'string', text: 'string', addedBy: 'string' });
