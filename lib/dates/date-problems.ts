/**
 * A form's problems together with what is wrong in its date inputs' boxes. A form's own check sees
 * only the last real date the boxes made (a half-typed date is never handed on), so for a field
 * whose boxes are wrong, the boxes' message ("Date must include a month") says more than the
 * check's ("Enter the date"), and it must stop the form even when the check found nothing.
 */

/** A problem with one field of a form, as the forms' checks return them. */
export interface FormProblem {
  field: string;
  message: string;
}

/**
 * `problems` with each non-empty message of `dates` (field → what is wrong in its boxes) put in
 * place of that field's problem, or added. The result is in the order of `order` (fields not in it
 * last, as they came), so the first problem is the first wrong field on screen.
 */
export function withDateProblems<P extends FormProblem>(
  problems: readonly P[],
  dates: Partial<Record<P['field'], string>>,
  order: readonly P['field'][],
): P[] {
  const merged = new Map<P['field'], string>(problems.map((p) => [p.field, p.message]));
  for (const [field, message] of Object.entries(dates) as [P['field'], string | undefined][]) if (message) merged.set(field, message);
  const rank = (field: P['field']) => (order.includes(field) ? order.indexOf(field) : order.length);
  return [...merged].map(([field, message]) => ({ field, message }) as P).sort((a, b) => rank(a.field) - rank(b.field));
}
