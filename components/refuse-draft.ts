/**
 * A form that checks its draft before writing it: when the check found problems, the member is
 * taken to the field of the first one (its message is shown beside it), and nothing is written.
 */
import { tick } from 'svelte';
import type { FieldProblem } from '../lib/plan/index.ts';
import { focusField } from './checks/go-to-field.ts';

/**
 * True (and the first problem's field focused) when `problems` refuse the draft. Focus waits for
 * the messages to be drawn, so a date input's first wrong box is known.
 */
export function refuseDraft(problems: readonly FieldProblem[], fieldId: (field: string) => string): boolean {
  const first = problems[0];
  if (!first) return false;
  void tick().then(() => focusField(fieldId(first.field)));
  return true;
}

/**
 * A form's problems with what is wrong in its date inputs' boxes put first for their fields
 * (`dates` maps a field to its DateInput's `problem`): "Date must include a month" says more than
 * the check's "Enter the date", which saw only the last real date the boxes made. Fields keep the
 * order they had; a date problem for a field the check found fine goes where `order` puts it.
 */
export function withDateProblems<P extends FieldProblem>(
  problems: readonly P[],
  dates: Partial<Record<P['field'], string>>,
  order: readonly P['field'][],
): P[] {
  const merged = new Map<P['field'], string>(problems.map((p) => [p.field, p.message]));
  for (const [field, message] of Object.entries(dates) as [P['field'], string | undefined][]) if (message) merged.set(field, message);
  const rank = (field: P['field']) => (order.includes(field) ? order.indexOf(field) : order.length);
  return [...merged].map(([field, message]) => ({ field, message }) as P).sort((a, b) => rank(a.field) - rank(b.field));
}
