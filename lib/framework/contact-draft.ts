/**
 * The check on a new contact arrangement (who sees whom, and how often) before it is added: the
 * plan must say who visits, whom they see and how often (Working Together: roles and
 * responsibilities of professionals and family, with the frequency of contact). Never throws.
 */
import type { FieldProblem } from '../plan/index.ts';

export interface ContactDraft {
  who: string;
  withWhom: string;
  frequency: string;
  seenAlone: boolean;
  notes: string;
}

/** Field names in problems: 'who', 'withWhom', 'frequency'. */
export function checkContactDraft(draft: ContactDraft): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (draft.who.trim() === '') problems.push({ field: 'who', message: 'Enter who has the contact, for example “School nurse” or “Grandmother”.' });
  if (draft.withWhom.trim() === '') problems.push({ field: 'withWhom', message: 'Enter whom they see.' });
  if (draft.frequency.trim() === '') problems.push({ field: 'frequency', message: 'Enter how often, for example “Every week”.' });
  return problems;
}

/** The draft's text trimmed, ready for `ContactArrangement.add`. */
export function contactValues(draft: ContactDraft): ContactDraft {
  return {
    who: draft.who.trim(),
    withWhom: draft.withWhom.trim(),
    frequency: draft.frequency.trim(),
    seenAlone: draft.seenAlone,
    notes: draft.notes.trim(),
  };
}
