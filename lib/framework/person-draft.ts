/**
 * Parents, carers and other significant people as the family section offers them, and the check
 * on a new person before they are added. Never throws.
 */
import type { FieldProblem } from '../plan/index.ts';

/** The `kind` values a Person record stores. */
export const PERSON_KINDS = ['parent', 'carer', 'significant'] as const;
export type PersonKind = (typeof PERSON_KINDS)[number];

export const PERSON_KIND_LABELS: Record<PersonKind, string> = {
  parent: 'Parent',
  carer: 'Carer',
  significant: 'Other significant person',
};

export interface PersonDraft {
  name: string;
  relationship: string;
  kind: PersonKind | '';
  contact: string;
}

/** A kind a peer stored that this version does not know reads as "other significant person". */
export function personKind(value: string): PersonKind {
  return (PERSON_KINDS as readonly string[]).includes(value) ? (value as PersonKind) : 'significant';
}

/** Field names in problems: 'name', 'kind'. */
export function checkPersonDraft(draft: PersonDraft): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (draft.name.trim() === '') problems.push({ field: 'name', message: 'Enter the person’s name.' });
  if (draft.kind === '') problems.push({ field: 'kind', message: 'Choose whether they are a parent, a carer or another significant person.' });
  return problems;
}
