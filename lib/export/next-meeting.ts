/**
 * The next meeting a plan has booked, or else the one its timescales say must be held next: what
 * the family (and everyone) needs to know first.
 */
import { compareDates } from '../dates/date-order.ts';
import { isIsoDate } from '../dates/iso-date.ts';
import { meetingKindOfEvent } from '../due/plan-timeline.ts';
import type { MeetingKind } from '../plan/index.ts';
import type { Deadline } from '../rules/deadlines/deadline.ts';
import type { Rule } from '../rules/deadlines/profiles/types.ts';

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

/** A plan's counted deadlines and the rules they come from: what the next meeting is due by. */
export interface MeetingDeadlines {
  deadlines: readonly Deadline[];
  rules: readonly Rule[];
}

export interface MeetingDue {
  kind: MeetingKind;
  /** yyyy-MM-dd. */
  due: string;
  overdue: boolean;
}

/**
 * The earliest meeting the plan's timescales say must still be held (a core group or a
 * conference), from its deadlines not yet met; undefined when none is outstanding. What a rule is
 * met by comes from the rule itself (`due` kinds), not from its id.
 */
export function nextMeetingDue({ deadlines, rules }: MeetingDeadlines): MeetingDue | undefined {
  let next: MeetingDue | undefined;
  for (const deadline of deadlines) {
    if (deadline.status === 'met' || deadline.nature !== 'deadline') continue;
    const rule = rules.find((r) => r.id === deadline.ruleId && r.title === deadline.title);
    if (!rule || rule.due === 'action') continue;
    const kind = rule.due.map(meetingKindOfEvent).find((k): k is MeetingKind => k !== undefined && k !== 'visit');
    if (kind === undefined) continue;
    if (!next || compareDates(deadline.due, next.due) < 0) next = { kind, due: deadline.due, overdue: deadline.status === 'overdue' };
  }
  return next;
}
