/** Outcomes by assessment domain, each with its actions and their progress notes. */
import { defineRecord } from '../record-spec.ts';
import { ASSESSMENT_DOMAINS, type AssessmentDomain } from '../../rules/checks/check-inputs.ts';

/** The three domains of the assessment framework that outcomes are grouped by (the checks' list). */
export const DOMAINS = ASSESSMENT_DOMAINS;
export type Domain = AssessmentDomain;

export const ACTION_STATUSES = ['not-started', 'in-progress', 'done', 'not-done'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** The id of the button that adds an outcome to `domain`. */
export const addOutcomeElementId = (domain: Domain): string => `add-outcome-${domain}`;

/** An outcome, in one of the three domains, holding its own actions. */
export const Outcome = defineRecord(
  'outcome',
  { domain: 'string', statement: 'string', measure: 'string', dueDate: 'string', sustainability: 'string' },
  {
    lists: ['actions'],
    label: 'Outcome',
    section: 'outcomes',
    elementPrefix: 'o',
    addElementId: addOutcomeElementId(DOMAINS[0]),
    fieldLabels: {
      statement: 'What needs to change',
      measure: 'How progress will be measured',
      dueDate: 'By when',
      sustainability: 'How the change will be sustained',
      domain: 'Assessment domain',
      actions: 'Actions',
    },
    // The actions list is reached through its "Add an action" button.
    fieldIds: { dueDate: 'due', actions: 'add-action' },
  },
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
  {
    lists: ['notes'],
    label: 'Action',
    section: 'outcomes',
    elementPrefix: 'a',
    fieldLabels: {
      description: 'What will be done',
      ownerId: 'Who will do it',
      agency: 'Agency',
      dueDate: 'By when',
      status: 'Progress',
      measure: 'How it will be measured',
      agencyAgreed: 'The agency has agreed to do this',
    },
    fieldIds: { ownerId: 'owner', dueDate: 'due', agencyAgreed: 'agreed' },
  },
);

/** A dated note of progress on an action. */
export const ProgressNote = defineRecord(
  'progress-note',
  { date: 'string', text: 'string', addedBy: 'string' },
  { label: 'Progress note', section: 'outcomes', elementPrefix: 'note' },
);
