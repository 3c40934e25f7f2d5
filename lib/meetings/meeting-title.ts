/** How a meeting is named wherever it is listed or chosen: its kind and its date, in words. */
import { describeDate } from '../dates/date-words.ts';
import { isIsoDate } from '../plan/index.ts';
import { meetingKindLabel } from './meeting-kinds.ts';

/** "Initial child protection conference, 14 March 2026"; "…, date not set" without a real date. */
export function meetingTitle(meeting: { kind: string; date: string }): string {
  return `${meetingKindLabel(meeting.kind)}, ${isIsoDate(meeting.date) ? describeDate(meeting.date) : 'date not set'}`;
}

/** A yyyy-MM-dd date in words ("14 March 2026"), or `fallback` when it is not a real date. */
export function dateInWords(value: string, fallback = 'date not set'): string {
  return isIsoDate(value) ? describeDate(value) : fallback;
}
