/** Plans for the deadline tests, built with the plan's own commands (never by writing Y types). */
import * as Y from 'yjs';
import {
  Action,
  AgencyReport,
  Decision,
  Meeting,
  Outcome,
  createPlan,
  planRoots,
  type MeetingKind,
  type NewChild,
} from '../../../lib/plan/index.ts';
import type { Profile } from '../../../lib/rules/deadlines/profiles/index.ts';

export function newPlan(
  options: { familyName?: string; children?: NewChild[]; profileId?: string; profile?: Profile; createdAt?: string } = {},
): Y.Doc {
  const doc = new Y.Doc();
  createPlan(doc, {
    familyName: options.familyName ?? 'Testington',
    children: options.children ?? [{ name: 'Ava', dob: '2019-03-14' }],
    profileId: options.profileId ?? 'national',
    ...(options.profile ? { profile: options.profile } : {}),
    division: 'england-and-wales',
    createdBy: 'Sam Sample',
    createdAt: options.createdAt ?? '2026-01-05',
  });
  return doc;
}

export function addMeeting(
  doc: Y.Doc,
  kind: MeetingKind,
  date: string,
  extra: { scheduled?: boolean; minutesCirculated?: string; planCirculated?: string; minutesReceived?: string } = {},
): string {
  return Meeting.add(doc, planRoots(doc).meetings, { kind, date, ...extra });
}

export function addDecision(doc: Y.Doc, meetingId: string, text: string): void {
  const record = Meeting.liveMaps(planRoots(doc).meetings).find((m) => m.get('id') === meetingId)!;
  Decision.add(doc, Meeting.list(record, 'decisions'), { text });
}

export function addReport(doc: Y.Doc, meetingId: string, values: { date?: string; sharedWithParentOn?: string } = {}): string {
  return AgencyReport.add(doc, planRoots(doc).reports, {
    meetingId,
    agency: 'Health',
    author: 'Jo Example',
    date: values.date ?? '',
    sharedWithParent: values.sharedWithParentOn !== undefined,
    sharedWithParentOn: values.sharedWithParentOn ?? '',
  });
}

export function addAction(doc: Y.Doc, values: { description: string; dueDate: string; status?: string }): string {
  const outcomes = planRoots(doc).outcomes;
  const outcomeId = Outcome.readAll(outcomes)[0]?.id ?? Outcome.add(doc, outcomes, { domain: 'parenting-capacity', statement: 'Ava is fed every day' });
  const record = Outcome.liveMaps(outcomes).find((m) => m.get('id') === outcomeId)!;
  return Action.add(doc, Outcome.list(record, 'actions'), { description: values.description, dueDate: values.dueDate, status: values.status ?? 'not-started' });
}
