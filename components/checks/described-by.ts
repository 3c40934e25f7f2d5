/** The ids that tie a field to its findings list (FieldFindings) for aria-describedby. */

/** The id of the findings list under the field with `fieldId`. */
export const findingsId = (fieldId: string): string => `${fieldId}-findings`;

/**
 * An aria-describedby value naming the given ids, skipping empty ones (a findings list that is not
 * shown has no element to point at); undefined when none are left.
 */
export function describedBy(...ids: (string | false | undefined | null)[]): string | undefined {
  const present = ids.filter((id): id is string => typeof id === 'string' && id !== '');
  return present.length > 0 ? present.join(' ') : undefined;
}
