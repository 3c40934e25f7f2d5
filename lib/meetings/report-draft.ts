/**
 * Agency reports to conferences (seed 001 Appendix 1): which conferences a report can be for, and
 * the checks on a new report and on the dates it was shared. Never throws.
 */
import { isIsoDate } from '../dates/iso-date.ts';
import type { FieldProblem } from '../plan/index.ts';
import { isConference } from './meeting-kinds.ts';
import { sortMeetingsNewestFirst, type DatedRecord } from './meeting-order.ts';

/** The plan's conferences a report can be written for, newest first. */
export function conferencesOf<M extends DatedRecord & { kind: string }>(meetings: readonly M[]): M[] {
  return sortMeetingsNewestFirst(meetings.filter((m) => isConference(m.kind)));
}

export interface ReportDraft {
  meetingId: string;
  agency: string;
  author: string;
}

/** Field names in problems: 'meetingId', 'agency', 'author'. `conferenceIds`: the live conferences. */
export function checkReportDraft(draft: ReportDraft, conferenceIds: readonly string[]): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!conferenceIds.includes(draft.meetingId)) problems.push({ field: 'meetingId', message: 'Choose the conference the report is for.' });
  if (draft.agency.trim() === '') problems.push({ field: 'agency', message: 'Enter your agency or organisation.' });
  if (draft.author.trim() === '') problems.push({ field: 'author', message: 'Enter the name and role of the person writing the report.' });
  return problems;
}

/**
 * Checks the date of a report, or the date it was shared with a parent or the child: required,
 * real, and not still to come (sharing is recorded once it has happened).
 */
export function checkReportDate(value: string, today: string): string | null {
  if (value === '') return 'Enter the date, with day, month and year.';
  if (!isIsoDate(value)) return 'This is not a real date. Check the day, month and year.';
  if (value > today) return 'This date is still to come. Record it once it has happened.';
  return null;
}

/**
 * Reports in the order they are listed: by their conference, newest conference first (the order of
 * `conferences`), then by agency. Reports whose conference is gone or not a conference go last.
 */
export function orderReports<R extends { id: string; meetingId: string; agency: string }>(reports: readonly R[], conferences: readonly { id: string }[]): R[] {
  const rank = (r: R) => {
    const index = conferences.findIndex((c) => c.id === r.meetingId);
    return index === -1 ? conferences.length : index;
  };
  return [...reports].sort((a, b) => rank(a) - rank(b) || a.agency.localeCompare(b.agency, 'en-GB', { sensitivity: 'base' }) || (a.id < b.id ? -1 : 1));
}
