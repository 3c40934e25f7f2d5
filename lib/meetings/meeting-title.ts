/** How a meeting is named wherever it is listed or chosen: its kind and its date, in words. */
import { dateInWords } from '../dates/date-words.ts';
import { meetingKindLabel } from './meeting-kinds.ts';

/** "Initial child protection conference, 14 March 2026"; "…, date not set" without a real date. */
export function meetingTitle(meeting: { kind: string; date: string }): string {
  return `${meetingKindLabel(meeting.kind)}, ${dateInWords(meeting.date)}`;
}
