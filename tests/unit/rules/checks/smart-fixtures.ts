/**
 * Shared fixtures for the SMART, plain-language and completeness tests: a fictional family (the
 * Testingtons) with a core group, and a good action, outcome and plan that raise no findings, so
 * each test can break exactly one thing.
 */
import type { ActionForChecks, CheckContext, MemberForChecks, OutcomeForChecks } from '../../../../lib/rules/checks/check-inputs.ts';
import type { Finding } from '../../../../lib/rules/checks/findings.ts';
import type { PlanForChecks } from '../../../../lib/rules/checks/plan-completeness.ts';

/** A Monday. */
export const TODAY = '2025-03-03';
/** The next review conference, a Thursday. */
export const REVIEW = '2025-05-29';

export const MEMBERS: MemberForChecks[] = [
  { id: 'sw', name: 'Priya Fieldworth', agency: 'Children’s Social Care', role: 'lead social worker' },
  { id: 'hv', name: 'Sam Visitor', agency: 'Health visiting' },
  { id: 'school', name: 'Jo Classmore', agency: 'Oakfield Primary School' },
  { id: 'mum', name: 'Lena Testington', agency: 'Family', role: 'mother' },
];

export function makeContext(overrides: Partial<CheckContext> = {}): CheckContext {
  return { members: MEMBERS, childNames: ['Ava Testington', 'Leo Testington'], today: TODAY, nextReviewDate: REVIEW, ...overrides };
}

export function goodAction(overrides: Partial<ActionForChecks> = {}): ActionForChecks {
  return {
    id: 'a1',
    description: 'Health visitor to weigh Ava at home every fortnight',
    ownerId: 'hv',
    dueDate: '2025-04-15',
    measure: 'Weight written in the red book; Ava stays on her growth line',
    agencyAgreed: true,
    status: 'open',
    ...overrides,
  };
}

export function goodOutcome(overrides: Partial<OutcomeForChecks> = {}): OutcomeForChecks {
  return {
    id: 'o1',
    statement: 'Ava will be fed, clean and dressed for the weather every day',
    domain: 'developmental-needs',
    measure: 'Visits without notice find Ava fed and clean; nursery notes show she arrives ready',
    dueDate: '2025-05-20',
    sustainability: 'Kept up for three months, including the school holidays, without prompting',
    actions: [goodAction()],
    ...overrides,
  };
}

export function goodPlan(overrides: Partial<PlanForChecks> = {}): PlanForChecks {
  return {
    harms: [
      {
        category: 'Neglect',
        description: 'Ava has often gone to nursery hungry and in dirty clothes',
        impact: 'Ava is underweight and tired, and other children avoid her',
      },
    ],
    dangerStatement: 'If nothing changes, Ava will keep missing meals and her health will suffer.',
    outcomes: [goodOutcome()],
    contingencyPlan: 'If Ava is found hungry again, the social worker will ask the manager for an urgent meeting.',
    visiting: { frequency: 'Every two weeks, at home', seenAlone: 'Ava seen on her own in her bedroom at each visit' },
    ...overrides,
  };
}

/** A finding as `rule/severity/field`, for compact expectations. */
export function keyOf(finding: Finding): string {
  return `${finding.rule}/${finding.severity}/${finding.field}`;
}

export function keysOf(findings: readonly Finding[]): string[] {
  return findings.map(keyOf);
}
