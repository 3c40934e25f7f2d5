/**
 * How a due item reads in the panel: its status, when it is due, what met it or is booked for it,
 * and whether its date rests on computed rather than published bank holidays. The panel may name
 * the plan's meetings; nothing here is used outside it (see due-summary.ts for that).
 */
import { dateWithDay, describeDate } from '../dates/date-words.ts';
import type { Deadline, DeadlineStatus } from '../rules/deadlines/deadline.ts';
import type { HolidaySource } from '../rules/calendar/holidays.ts';
import type { EventKind, TimelineEvent } from '../rules/deadlines/timeline.ts';

export const STATUS_LABELS: Readonly<Record<DeadlineStatus, string>> = {
  overdue: 'Overdue',
  'due-today': 'Due today',
  'due-soon': 'Due soon',
  upcoming: 'Coming up',
  met: 'Done',
};

/** What each kind of event is called when the panel names one. */
export const EVENT_LABELS: Readonly<Record<EventKind, string>> = {
  strategy: 'Strategy discussion',
  icpc: 'Initial child protection conference',
  rcpc: 'Review child protection conference',
  'core-group': 'Core group meeting',
  visit: 'Visit',
  'transfer-in-conference': 'Transfer-in conference',
  'pre-birth-conference': 'Pre-birth conference',
  'lac-review': 'Looked-after review',
  'minutes-received': 'Minutes received',
  'minutes-circulated': 'Minutes sent out',
  'notes-circulated': 'Core group notes sent out',
  'plan-circulated': 'Plan sent out',
  'report-submitted': 'Agency report to the chair',
  'report-shared': 'Agency report shared with the parent',
  'amendment-requested': 'Corrections asked for',
  'amendment-answered': 'The chair’s answer to corrections',
  'transfer-notified': 'Notification of the move',
  birth: 'Birth',
  'looked-after': 'Child became looked after',
  action: 'Action',
};

/** When the item is (or was) due, in words. */
export function dueWhen(deadline: Deadline): string {
  const date = dateWithDay(deadline.due);
  switch (deadline.nature) {
    case 'window':
      return deadline.status === 'met' && !deadline.metBy ? `Closed ${date}` : `Open until ${date}`;
    case 'reminder':
      return `On the day: ${date}`;
    case 'prompt':
      return `From ${date}`;
    default:
      if (deadline.status === 'overdue') return `Was due ${date}`;
      if (deadline.status === 'due-today') return `Due today, ${date}`;
      return `Due ${date}`;
  }
}

/** The sentence to show when the due date rests on computed bank holidays; '' when they are published (or not counted). */
export function holidayNote(source: HolidaySource | undefined): string {
  if (source === 'computed-data') {
    return 'This date rests on computed bank holidays, not yet published by gov.uk: check it nearer the time.';
  }
  if (source === 'computed-rules') {
    return 'This date rests on bank holidays computed from the standing rules, not on gov.uk’s published list: a one-off holiday would move it.';
  }
  return '';
}

/** "Core group meeting, 16 March 2026" for an event of the timeline; undefined for an id it does not hold. */
export function describeEvent(id: string, timeline: readonly TimelineEvent[]): string | undefined {
  const event = timeline.find((e) => e.id === id);
  if (!event) return undefined;
  const label = event.kind === 'action' ? 'Action' : EVENT_LABELS[event.kind];
  return `${label}, ${describeDate(event.date)}`;
}

/**
 * What has happened about the item, or is booked for it: "Done: Core group meeting, 12 March
 * 2026", "Happened late: …", "Booked: …" (with a warning when the booking is after the due date).
 * '' when there is nothing to say. Actions say only whether they are done.
 */
export function progressNote(deadline: Deadline, timeline: readonly TimelineEvent[]): string {
  if (deadline.ruleId === 'T21' || deadline.nature === 'reminder') return deadline.metBy ? 'Marked done.' : '';
  if (deadline.metBy) {
    const what = describeEvent(deadline.metBy, timeline);
    return what ? `Done: ${what}.` : 'Done.';
  }
  if (deadline.metLateBy) {
    const what = describeEvent(deadline.metLateBy, timeline);
    return what ? `Happened late: ${what}.` : 'Happened late.';
  }
  if (deadline.booked) {
    const what = describeEvent(deadline.booked.id, timeline) ?? dateWithDay(deadline.booked.date);
    return deadline.booked.inTime
      ? `Booked: ${what}. Mark it held once it has happened.`
      : `Booked: ${what}, which is after the date it is due.`;
  }
  return '';
}
