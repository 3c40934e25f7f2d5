/**
 * A plan's document as the deadline engine reads it: a flat list of dated events
 * (lib/rules/deadlines/timeline.ts). Pure reads of the Y.Doc; nothing is written.
 *
 * What becomes an event:
 * - each live meeting of a known kind with a real date (booked ones carry `scheduled: true`);
 * - a held meeting's circulation dates: the outline plan sent (`plan-circulated`), the minutes sent
 *   (`minutes-circulated`, or `notes-circulated` for a core group) and received (`minutes-received`),
 *   each `about` its meeting;
 * - each live agency report for a live meeting: its date (`report-submitted`, to the chair) and the
 *   date it was shared with the parent (`report-shared`), `about` that conference;
 * - each child's date of birth (`birth`, for the review of a pre-birth plan);
 * - each live action with a due date (`action`, done when its status is done).
 *
 * What the document does not record is inferred, and the inference is stated here:
 * - A strategy discussion is about an unborn child when every child of the plan was unborn at its
 *   date (no date of birth, or one after it); `edd` is the earliest expected date among them.
 * - A conference ends the plan when one of its decisions says so in the conference wording
 *   (lib/meetings/decision-vocabulary.ts), or when the plan is marked ended and it is the last
 *   held conference on or before the end date.
 * - An action was set when the plan was created (the document keeps no date per action), or on its
 *   due date if that is earlier.
 *
 * A date that is not a plan date (`isPlanDate`: a real date, years 1900–2199) is left out.
 */
import type * as Y from 'yjs';
import {
  Action,
  AgencyReport,
  Decision,
  Meeting,
  Outcome,
  planRoots,
  readChildren,
  readMeta,
  readPlanEnding,
  type Child,
  type MeetingKind as PlanMeetingKind,
} from '../plan/index.ts';
import type { ActionEvent, EventKind, PlanEvent, TimelineEvent } from '../rules/deadlines/timeline.ts';
import { isPlanDate } from '../dates/iso-date.ts';

/** The engine's event kind for each kind of meeting the plan records. */
export const EVENT_KIND_OF_MEETING: Readonly<Record<PlanMeetingKind, PlanEvent['kind']>> = {
  strategy: 'strategy',
  icpc: 'icpc',
  'core-group': 'core-group',
  rcpc: 'rcpc',
  'transfer-in': 'transfer-in-conference',
  'pre-birth': 'pre-birth-conference',
  visit: 'visit',
};

/** The plan's kind of meeting for an engine kind, for booking a proposed meeting; undefined when the plan has none. */
export function meetingKindOfEvent(kind: EventKind): PlanMeetingKind | undefined {
  return (Object.keys(EVENT_KIND_OF_MEETING) as PlanMeetingKind[]).find((k) => EVENT_KIND_OF_MEETING[k] === kind);
}

const CONFERENCES = new Set<EventKind>(['icpc', 'rcpc', 'transfer-in-conference', 'pre-birth-conference']);

/**
 * True when the timeline holds a conference, held or booked. Every timescale of a plan counts from
 * its initial conference (TIMESCALES.md): without one, only the conference itself and actions' own
 * dates can be counted.
 */
export function recordsConference(timeline: readonly TimelineEvent[]): boolean {
  return timeline.some((event) => CONFERENCES.has(event.kind));
}

/**
 * Decisions that end the plan, or make none at an initial conference, in the wording the
 * decision suggestions offer (Wirral 003 section 8; Working Together 2023).
 */
const ENDS_PLAN = /^\s*(child protection plan ends|no child protection plan|case closed)/i;

/** The plan's timeline for the deadline engine (see the module comment). */
export function planTimeline(doc: Y.Doc): TimelineEvent[] {
  const roots = planRoots(doc);
  const children = readChildren(doc);
  const events: TimelineEvent[] = [];
  const meetingIds = new Set<string>();
  const heldConferences: PlanEvent[] = [];

  for (const record of Meeting.liveMaps(roots.meetings)) {
    const meeting = Meeting.read(record);
    const kind = EVENT_KIND_OF_MEETING[meeting.kind as PlanMeetingKind];
    if (!kind || !isPlanDate(meeting.date)) continue;
    const event: PlanEvent = { id: meeting.id, kind, date: meeting.date };
    if (meeting.scheduled) event.scheduled = true;
    if (kind === 'strategy') Object.assign(event, unbornAt(meeting.date, children));
    if (CONFERENCES.has(kind) && endsPlanByDecision(record)) event.endsPlan = true;
    events.push(event);
    meetingIds.add(meeting.id);
    if (meeting.scheduled) continue;
    if (CONFERENCES.has(kind)) heldConferences.push(event);
    // Records of what happened after a meeting: only for meetings that have happened.
    const about = (suffix: string, recordKind: PlanEvent['kind'], date: string) => {
      if (isPlanDate(date)) events.push({ id: `${meeting.id}:${suffix}`, kind: recordKind, date, about: meeting.id });
    };
    if (CONFERENCES.has(kind)) {
      about('plan-circulated', 'plan-circulated', meeting.planCirculated);
      about('minutes-circulated', 'minutes-circulated', meeting.minutesCirculated);
      about('minutes-received', 'minutes-received', meeting.minutesReceived);
    } else if (kind === 'core-group') {
      about('plan-circulated', 'plan-circulated', meeting.planCirculated);
      about('notes-circulated', 'notes-circulated', meeting.minutesCirculated);
    }
  }

  markPlanEnd(doc, heldConferences);

  for (const report of AgencyReport.readAll(roots.reports)) {
    if (!meetingIds.has(report.meetingId)) continue;
    if (isPlanDate(report.date)) {
      events.push({ id: `${report.id}:submitted`, kind: 'report-submitted', date: report.date, about: report.meetingId });
    }
    if (report.sharedWithParent && isPlanDate(report.sharedWithParentOn)) {
      events.push({ id: `${report.id}:shared`, kind: 'report-shared', date: report.sharedWithParentOn, about: report.meetingId });
    }
  }

  for (const child of children) {
    if (isPlanDate(child.dob)) events.push({ id: `birth:${child.id}`, kind: 'birth', date: child.dob });
  }

  const createdAt = readMeta(doc).createdAt;
  for (const outcome of Outcome.liveMaps(roots.outcomes)) {
    const actions = Outcome.listIfPresent(outcome, 'actions');
    for (const action of actions ? Action.readAll(actions) : []) {
      if (!isPlanDate(action.dueDate)) continue;
      const set = isPlanDate(createdAt) && createdAt < action.dueDate ? createdAt : action.dueDate;
      const event: ActionEvent = { id: action.id, kind: 'action', date: set, due: action.dueDate, title: action.description.trim() };
      if (action.status === 'done') event.done = true;
      events.push(event);
    }
  }
  return events;
}

/** True when one of the meeting's decisions ends the plan (a record without its decisions list has none). */
function endsPlanByDecision(record: Y.Map<unknown>): boolean {
  const decisions = Meeting.listIfPresent(record, 'decisions');
  return decisions !== null && Decision.readAll(decisions).some((d) => ENDS_PLAN.test(d.text));
}

/** `unborn` and `edd` for a strategy discussion on `date` (see the module comment). */
function unbornAt(date: string, children: readonly Child[]): Pick<PlanEvent, 'unborn' | 'edd'> {
  if (children.length === 0) return {};
  const expected: string[] = [];
  for (const child of children) {
    if (isPlanDate(child.dob) && child.dob <= date) return {};
    const when = isPlanDate(child.dob) ? child.dob : child.edd;
    if (isPlanDate(when)) expected.push(when);
  }
  expected.sort();
  return expected.length > 0 ? { unborn: true, edd: expected[0]! } : { unborn: true };
}

/** A plan marked ended: its last held conference on or before the end date ended it. */
function markPlanEnd(doc: Y.Doc, heldConferences: PlanEvent[]): void {
  if (readMeta(doc).status !== 'ended') return;
  const { endedOn } = readPlanEnding(doc);
  if (!isPlanDate(endedOn)) return;
  let last: PlanEvent | undefined;
  for (const event of heldConferences) if (event.date <= endedOn && (!last || event.date >= last.date)) last = event;
  if (last) last.endsPlan = true;
}
