/**
 * The plan's record of what happened, for the professional print: meetings (with attendance,
 * decisions, dissent and changes to the plan), the multi-agency chronology with its sources, and a
 * summary of the agency reports. Plain data; dates in words.
 */
import type * as Y from 'yjs';
import type { Node as PMNode } from 'prosemirror-model';
import {
  AgencyReport, AttendanceEntry, ChronologyEntry, Decision, Dissent, END_OF_PLAN_DISSENT, Meeting, PlanChange, endRecommendationOf, planRoots,
} from '../plan/index.ts';
import { attendanceLabel } from '../meetings/attendance.ts';
import { dateInWords } from '../dates/date-words.ts';
import { meetingTitle } from '../meetings/meeting-title.ts';
import { meetingKindLabel } from '../meetings/meeting-kinds.ts';
import { conferencesOf, orderReports } from '../meetings/report-draft.ts';
import { sortChronology } from '../chronology/chronology-order.ts';
import { isBlank, readRichText } from '../plan/rich-text.ts';

export interface PrintMeeting {
  id: string;
  title: string;
  kind: string;
  date: string;
  /** 'Held' or 'Scheduled'. */
  held: string;
  attendance: { name: string; agency: string; status: string }[];
  decisions: string[];
  dissent: { who: string; agency: string; reason: string }[];
  changes: { change: string; reason: string }[];
  /** A core group's recommendation that the plan ends, the review date it asks for (in words), and dissent from it. */
  endRecommendation: { reasons: string; reviewBy: string; dissent: { who: string; agency: string; reason: string }[] } | null;
  minutes: PMNode | null;
  /** "Minutes circulated 3 June 2026" and the like, for those recorded. */
  circulation: string[];
}

export interface PrintChronologyEntry {
  date: string;
  event: string;
  /** The agency the information came from. */
  source: string;
  sourceLink: string;
  addedBy: string;
}

export interface PrintReportSummary {
  id: string;
  agency: string;
  author: string;
  conference: string;
  date: string;
  viewOnHarm: string;
  shared: string;
}

const inWords = (date: string) => dateInWords(date, 'Date not given');

function endForPrint(map: Y.Map<unknown>): PrintMeeting['endRecommendation'] {
  const end = endRecommendationOf(map);
  if (!end) return null;
  return { reasons: end.reasons, reviewBy: inWords(end.reviewBy), dissent: end.dissent.map(({ who, agency, reason }) => ({ who, agency, reason })) };
}

/** Meetings oldest first (a record reads in order); undated ones last. */
export function meetingsForPrint(doc: Y.Doc): PrintMeeting[] {
  const maps = Meeting.liveMaps(planRoots(doc).meetings);
  return maps
    .map((map) => ({ map, meeting: Meeting.read(map) }))
    .sort((a, b) => (a.meeting.date || '\uffff').localeCompare(b.meeting.date || '\uffff') || a.meeting.order - b.meeting.order)
    .map(({ map, meeting }): PrintMeeting => {
      const minutes = readRichText(Meeting.fragment(map, 'minutes'));
      const circulation = [
        ['Minutes circulated', meeting.minutesCirculated],
        ['Plan circulated', meeting.planCirculated],
        ['Minutes received', meeting.minutesReceived],
      ]
        .filter(([, date]) => date)
        .map(([what, date]) => `${what} ${inWords(date!)}`);
      return {
        id: meeting.id,
        title: meetingTitle(meeting),
        kind: meetingKindLabel(meeting.kind),
        date: inWords(meeting.date),
        held: meeting.scheduled ? 'Scheduled' : 'Held',
        attendance: AttendanceEntry.readAll(Meeting.list(map, 'attendance')).map((a) => ({ name: a.name, agency: a.agency, status: attendanceLabel(a.status) })),
        decisions: Decision.readAll(Meeting.list(map, 'decisions')).map((d) => d.text),
        dissent: Dissent.readAll(Meeting.list(map, 'dissent'))
          .filter((d) => d.about !== END_OF_PLAN_DISSENT)
          .map((d) => ({ who: d.who, agency: d.agency, reason: d.reason })),
        changes: PlanChange.readAll(Meeting.list(map, 'changes')).map((c) => ({ change: c.change, reason: c.reason })),
        endRecommendation: endForPrint(map),
        minutes: isBlank(minutes) ? null : minutes,
        circulation,
      };
    });
}

/** The chronology in its reading order (oldest first), each entry with its source. */
export function chronologyForPrint(doc: Y.Doc): PrintChronologyEntry[] {
  return sortChronology(ChronologyEntry.readAll(planRoots(doc).chronology)).map((e) => ({
    date: inWords(e.date),
    event: e.event,
    source: e.agency.trim() || 'Source not given',
    sourceLink: e.sourceLink,
    addedBy: e.addedBy,
  }));
}

const sharedText = (shared: boolean, on: string, whom: string) =>
  shared ? `Shared with the ${whom} on ${dateInWords(on, 'a date not given')}` : `Not shared with the ${whom}`;

/** One line per agency report, in the order the reports section lists them. */
export function reportsForPrint(doc: Y.Doc): PrintReportSummary[] {
  const roots = planRoots(doc);
  const meetings = Meeting.readAll(roots.meetings);
  return orderReports(AgencyReport.readAll(roots.reports), conferencesOf(meetings)).map((r) => {
    const conference = meetings.find((m) => m.id === r.meetingId);
    return {
      id: r.id,
      agency: r.agency || 'Agency not given',
      author: r.author,
      conference: conference ? meetingTitle(conference) : 'No conference chosen',
      date: inWords(r.date),
      viewOnHarm: r.viewOnHarm,
      shared: `${sharedText(r.sharedWithParent, r.sharedWithParentOn, 'parent')}. ${sharedText(r.sharedWithChild, r.sharedWithChildOn, 'child')}.`,
    };
  });
}
