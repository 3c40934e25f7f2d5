/** Meetings and visits, with attendance, decisions, dissent and changes to the plan. */
import { defineRecord } from '../record-spec.ts';

export const MEETING_KINDS = ['strategy', 'icpc', 'core-group', 'rcpc', 'transfer-in', 'pre-birth', 'visit'] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];

export const ATTENDANCE = ['present', 'apologies', 'absent'] as const;
export type Attendance = (typeof ATTENDANCE)[number];

/** A meeting or visit: conferences, core groups, strategy discussions, transfer-in, pre-birth. */
export const Meeting = defineRecord(
  'meeting',
  {
    kind: 'string',
    date: 'string',
    /** True for a meeting booked for the future, not yet held. */
    scheduled: 'boolean',
    minutesCirculated: 'string',
    planCirculated: 'string',
    minutesReceived: 'string',
  },
  { richText: ['minutes'], lists: ['attendance', 'decisions', 'dissent', 'changes'] },
);

export const AttendanceEntry = defineRecord('attendance', { memberId: 'string', name: 'string', agency: 'string', status: 'string' });
export const Decision = defineRecord('decision', { text: 'string' });
export const Dissent = defineRecord('dissent', { who: 'string', agency: 'string', reason: 'string' });
export const PlanChange = defineRecord('plan-change', { change: 'string', reason: 'string' });
