/**
 * Checks on what a member types about when a meeting happens, before anything is written. A
 * meeting is either held (it has happened, so its date is today or earlier) or scheduled (booked
 * for a date still to come). Never throws: problems come back for the form to show.
 */
import { isIsoDate } from '../dates/iso-date.ts';
import type { FieldProblem } from '../plan/index.ts';

export interface MeetingWhen {
  /** yyyy-MM-dd, or '' when nothing (or an unfinished date) was typed. */
  date: string;
  /** True for a meeting booked for the future, not yet held. */
  scheduled: boolean;
}

/** Field names in problems: 'date'. An empty list means the values can be saved. */
export function checkMeetingWhen(when: MeetingWhen, today: string): FieldProblem[] {
  if (when.date === '') return [{ field: 'date', message: 'Enter the date of the meeting, with day, month and year.' }];
  if (!isIsoDate(when.date)) return [{ field: 'date', message: 'The date of the meeting is not a real date. Check the day, month and year.' }];
  if (!when.scheduled && when.date > today) {
    return [{ field: 'date', message: 'This date is still to come, so the meeting cannot have been held yet. If it is booked, choose “Scheduled”.' }];
  }
  return [];
}

/**
 * Checks a date the minutes or the outline plan were circulated, or the minutes received. Empty is
 * fine (not done yet). Such a date can be neither before the meeting nor still to come.
 */
export function checkRecordedDate(value: string, meetingDate: string, today: string): string | null {
  if (value === '') return null;
  if (!isIsoDate(value)) return 'This is not a real date. Check the day, month and year.';
  if (value > today) return 'This date is still to come. Record it once it has happened.';
  if (isIsoDate(meetingDate) && value < meetingDate) return 'This date is before the meeting. Check the date.';
  return null;
}
