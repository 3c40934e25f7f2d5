/** Dated notes of progress on an action: checked before they are added, never throwing at the user. */
import type * as Y from 'yjs';
import { ProgressNote } from '../plan/records/outcomes.ts';
import { tryParseIsoDate } from '../dates/iso-date.ts';

export interface NoteDraft {
  date: string;
  text: string;
}

export interface NoteProblem {
  field: keyof NoteDraft;
  message: string;
}

/**
 * Problems with a draft note, for the form to show by each field; empty when it can be added.
 * A note dated after `today` is refused: a note records progress that has happened.
 */
export function checkProgressNote(draft: NoteDraft, today: string): NoteProblem[] {
  const problems: NoteProblem[] = [];
  const day = tryParseIsoDate(draft.date);
  if (day === undefined) problems.push({ field: 'date', message: 'Enter the date of the progress, for example 14 3 2027.' });
  else if (day > (tryParseIsoDate(today) ?? day)) problems.push({ field: 'date', message: 'The date cannot be in the future.' });
  if (draft.text.trim() === '') problems.push({ field: 'text', message: 'Enter what progress has been made.' });
  return problems;
}

/** Adds a checked note to an action's notes; a draft with problems is a programmer error. */
export function addProgressNote(doc: Y.Doc, notes: Y.Array<Y.Map<unknown>>, args: NoteDraft & { addedBy: string; today: string }): string {
  const problems = checkProgressNote(args, args.today);
  if (problems.length > 0) throw new RangeError(`addProgressNote: ${problems.map((p) => p.field).join(', ')} invalid`);
  return ProgressNote.add(doc, notes, { date: args.date, text: args.text.trim(), addedBy: args.addedBy });
}
