/**
 * Adding a capture to a plan, once the member has chosen where: checks on what they confirmed
 * (never throwing), then one command that writes it through the plan's own commands.
 *
 * Every capture keeps its source (the page's title and address) and who added it (the member's
 * declared name). A chronology entry has a field for the address but none for the title yet, so
 * the title is written as the entry's last line ("Source: …") rather than dropped.
 */
import type * as Y from 'yjs';
import { ChronologyEntry, Meeting, planRoots, richTextFragment, findRecord, type FieldProblem } from '../plan/index.ts';
import { checkChronologyDraft, isWebAddress } from '../chronology/chronology-draft.ts';
import { dateInWords } from '../dates/date-words.ts';
import { appendParagraphs, paragraphsOf, type TextRun } from '../plan/rich-text-edits.ts';
import { parseDestination } from './capture-destinations.ts';

/** What the member confirmed in the "Add to plan" view. */
export interface CaptureDraft {
  /** The captured text, as edited. */
  text: string;
  pageTitle: string;
  pageUrl: string;
  /** A destination value (capture-destinations.ts); '' before one is chosen. */
  destination: string;
  /** For a chronology entry: the date of the event (yyyy-MM-dd) and the agency the information comes from. */
  date: string;
  agency: string;
}

export interface CaptureAuthor {
  name: string;
  agency: string;
}

/**
 * Problems with `draft` for the plan `doc`, by field ('text', 'destination', and for the
 * chronology 'date' and 'agency'); empty when it can be added.
 */
export function checkCaptureDraft(doc: Y.Doc, draft: CaptureDraft, today: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (draft.text.trim() === '') problems.push({ field: 'text', message: 'Enter the text to add to the plan.' });
  const destination = draft.destination === '' ? undefined : parseDestination(doc, draft.destination);
  if (draft.destination === '') problems.push({ field: 'destination', message: 'Choose where in the plan to add it.' });
  else if (!destination) problems.push({ field: 'destination', message: 'That part of the plan is no longer there (a colleague may have removed it). Choose another.' });
  if (destination?.kind === 'chronology') {
    const found = checkChronologyDraft({ date: draft.date, event: draft.text, agency: draft.agency, sourceLink: '' }, today);
    problems.push(...found.filter((p) => p.field === 'date' || p.field === 'agency'));
  }
  return problems;
}

/**
 * Writes a checked capture into `doc`, each destination through its own command (one transaction).
 * A draft that fails checkCaptureDraft is a programming mistake here: RangeError.
 */
export function addCaptureToPlan(doc: Y.Doc, draft: CaptureDraft, by: CaptureAuthor, today: string): void {
  if (checkCaptureDraft(doc, draft, today).length > 0) throw new RangeError('addCaptureToPlan: the draft has problems; check it first');
  const destination = parseDestination(doc, draft.destination)!;
  const text = draft.text.trim();
  const title = draft.pageTitle.trim();
  const url = draft.pageUrl.trim();
  const roots = planRoots(doc);
  switch (destination.kind) {
    case 'chronology': {
      const link = isWebAddress(url) ? url : '';
      const source = [title, link ? '' : url].filter(Boolean).join(', ');
      ChronologyEntry.add(doc, roots.chronology, {
        date: draft.date,
        event: source ? `${text}\n\nSource: ${source}` : text,
        agency: draft.agency.trim(),
        sourceLink: link,
        addedBy: by.name.trim(),
      });
      return;
    }
    case 'text':
      appendParagraphs(doc, richTextFragment(doc, destination.field), [...paragraphsOf(text), sourceLine(title, url, by, today)]);
      return;
    case 'minutes': {
      const meeting = findRecord(roots.meetings, destination.meetingId)!;
      appendParagraphs(doc, Meeting.fragment(meeting, 'minutes'), [...paragraphsOf(text), sourceLine(title, url, by, today)]);
      return;
    }
  }
}

/** "From <title, linked to the page>, added by Sam Patel (Health) on 3 March 2026." in italics. */
export function sourceLine(title: string, url: string, by: CaptureAuthor, today: string): TextRun[] {
  const who = by.name.trim() ? `${by.name.trim()}${by.agency.trim() ? ` (${by.agency.trim()})` : ''}` : 'a member who had not set their name';
  const shown = title || url;
  const runs: TextRun[] = [];
  if (shown) runs.push({ text: 'From ', italic: true }, { text: shown, italic: true, href: isWebAddress(url) ? url : undefined }, { text: ', added', italic: true });
  else runs.push({ text: 'Added', italic: true });
  runs.push({ text: ` by ${who} on ${dateInWords(today, today)}.`, italic: true });
  return runs;
}
