/**
 * Checks on a chronology entry as typed, before it is added or saved. An entry needs a real date
 * (not in the future: a chronology records what has happened), what happened, and the agency the
 * information comes from. A source link is optional but must be a web address (http or https): a
 * `javascript:` or `file:` link shown to every member would be a way to attack them. Never throws.
 */
import { isIsoDate } from '../dates/iso-date.ts';
import type { FieldProblem } from '../plan/index.ts';

export interface ChronologyDraft {
  date: string;
  event: string;
  agency: string;
  sourceLink: string;
}

/** True when `value` is an absolute http: or https: address. */
export function isWebAddress(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const url = new URL(value);
  return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '';
}

/** Field names in problems: 'date', 'event', 'agency', 'sourceLink'. */
export function checkChronologyDraft(draft: ChronologyDraft, today: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (draft.date === '') problems.push({ field: 'date', message: 'Enter the date of the event, with day, month and year.' });
  else if (!isIsoDate(draft.date)) problems.push({ field: 'date', message: 'The date is not a real date. Check the day, month and year.' });
  else if (draft.date > today) problems.push({ field: 'date', message: 'This date is still to come. The chronology records what has already happened.' });
  if (draft.event.trim() === '') problems.push({ field: 'event', message: 'Enter what happened.' });
  if (draft.agency.trim() === '') problems.push({ field: 'agency', message: 'Enter the agency the information comes from.' });
  const link = draft.sourceLink.trim();
  if (link !== '' && !isWebAddress(link)) {
    problems.push({ field: 'sourceLink', message: 'The source link must be a web address starting with https:// or http://.' });
  }
  return problems;
}

/** The draft with its text trimmed, ready to store. */
export function chronologyValues(draft: ChronologyDraft): ChronologyDraft {
  return { date: draft.date, event: draft.event.trim(), agency: draft.agency.trim(), sourceLink: draft.sourceLink.trim() };
}

/** The short name a source link is shown by: its host, without "www.". */
export function linkHost(value: string): string {
  return isWebAddress(value) ? new URL(value).hostname.replace(/^www\./, '') : '';
}
