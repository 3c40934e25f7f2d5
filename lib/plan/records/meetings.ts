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
    /** Chair mode: the meeting is running now (see lib/chair/live-meeting.ts). */
    live: 'boolean',
    /** ISO date-time the chair started it, and the current agenda item and when it became current. */
    startedAt: 'string',
    currentItemId: 'string',
    itemStartedAt: 'string',
    /** Ids of the plan's actions when the meeting started, comma-separated: the rest are new. */
    actionIdsAtStart: 'string',
    /** The question of the round in progress ('' when none). */
    roundQuestion: 'string',
    /** A core group recommending that the plan ends at the review conference (end-recommendation.ts). */
    recommendsEnd: 'boolean',
    /** Why the group recommends it. */
    endReasons: 'string',
    /** yyyy-MM-dd: the date the group asks the review conference to be held by (brought forward). */
    reviewBy: 'string',
  },
  {
    richText: ['minutes'],
    lists: ['attendance', 'decisions', 'dissent', 'changes', 'agenda', 'views'],
    label: 'Meeting',
    section: 'meetings',
    elementPrefix: 'meeting',
    // The new-meeting form (components/meetings/NewMeetingForm.svelte) starts with its kind.
    addElementId: 'new-meeting-kind',
  },
);

/** An item of a chaired meeting's agenda, with the time spent on it and its notes. */
export const AgendaItem = defineRecord('agenda-item', {
  title: 'string',
  /** One prompt per line. */
  prompts: 'string',
  section: 'string',
  notes: 'string',
  spentSeconds: 'number',
}, { label: 'Agenda item', section: 'meeting', elementPrefix: 'agenda-item' });

/** A view given in a round (or written by a member who could not attend). */
export const RoundView = defineRecord('round-view', {
  question: 'string',
  memberId: 'string',
  name: 'string',
  agency: 'string',
  view: 'string',
  written: 'boolean',
}, { label: 'View', section: 'meeting', elementPrefix: 'round-view' });

export const AttendanceEntry = defineRecord(
  'attendance',
  { memberId: 'string', name: 'string', agency: 'string', status: 'string' },
  { label: 'Attendance', section: 'meetings', elementPrefix: 'attendance' },
);
export const Decision = defineRecord('decision', { text: 'string' }, { label: 'Decision', section: 'meetings', elementPrefix: 'decision' });
/** What a dissent is from: '' a decision of the meeting; `END_OF_PLAN_DISSENT` its recommendation that the plan ends. */
export const END_OF_PLAN_DISSENT = 'end-of-plan';

export const Dissent = defineRecord(
  'dissent',
  { who: 'string', agency: 'string', reason: 'string', about: 'string' },
  { label: 'Dissent', section: 'meetings', elementPrefix: 'dissent' },
);
export const PlanChange = defineRecord(
  'plan-change',
  { change: 'string', reason: 'string' },
  { label: 'Change to the plan', section: 'meetings', elementPrefix: 'plan-change' },
);
