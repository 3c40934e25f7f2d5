/** The next meeting a plan has booked: what the family (and everyone) needs to know first. */
import { compareDates } from '../dates/date-order.ts';
import { isIsoDate } from '../dates/iso-date.ts';

export interface BookableMeeting {
  id: string;
  kind: string;
  date: string;
  scheduled: boolean;
}

/**
 * The earliest scheduled meeting on or after `today` (yyyy-MM-dd), or undefined. Meetings already
 * held, and booked ones whose date has passed without being marked held, are not "next".
 */
export function nextMeeting<M extends BookableMeeting>(meetings: readonly M[], today: string): M | undefined {
  return meetings
    .filter((m) => m.scheduled && isIsoDate(m.date) && m.date >= today)
    .sort((a, b) => compareDates(a.date, b.date) || (a.id < b.id ? -1 : 1))[0];
}
