/**
 * Checks on what a meeting records beyond attendance: its decisions, dissent from them and changes
 * to the plan. Dissent and changes are recorded with their reasons (TIMESCALES.md "Dissent from a
 * decision is recorded with its reasons"), so a reason is required. Never throws.
 */
import type { FieldProblem } from '../plan/index.ts';

/** Field names in problems: 'text'. */
export function checkDecisionDraft(draft: { text: string }): FieldProblem[] {
  return draft.text.trim() === '' ? [{ field: 'text', message: 'Enter the decision.' }] : [];
}

/** Field names in problems: 'who', 'reason'. */
export function checkDissentDraft(draft: { who: string; agency: string; reason: string }): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (draft.who.trim() === '') problems.push({ field: 'who', message: 'Enter who disagrees.' });
  if (draft.reason.trim() === '') problems.push({ field: 'reason', message: 'Enter their reasons. Dissent is always recorded with its reasons.' });
  return problems;
}

/** Field names in problems: 'change', 'reason'. */
export function checkPlanChangeDraft(draft: { change: string; reason: string }): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (draft.change.trim() === '') problems.push({ field: 'change', message: 'Enter what changes in the plan.' });
  if (draft.reason.trim() === '') problems.push({ field: 'reason', message: 'Enter why the plan changes.' });
  return problems;
}

/** A draft with every string trimmed, ready to add. */
export function trimDraft<T extends Record<string, string>>(draft: T): T {
  return Object.fromEntries(Object.entries(draft).map(([k, v]) => [k, v.trim()])) as T;
}
