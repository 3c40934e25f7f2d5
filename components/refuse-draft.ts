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
