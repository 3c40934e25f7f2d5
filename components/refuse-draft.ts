/**
 * A form that checks its draft before writing it: when the check found problems, the member is
 * taken to the field of the first one (its message is shown beside it), and nothing is written.
 */
import type { FieldProblem } from '../lib/plan/index.ts';

/** True (and the first problem's field focused) when `problems` refuse the draft. */
export function refuseDraft(problems: readonly FieldProblem[], fieldId: (field: string) => string): boolean {
  const first = problems[0];
  if (!first) return false;
  document.getElementById(fieldId(first.field))?.focus();
  return true;
}
