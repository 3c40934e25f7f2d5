/**
 * Chair mode's state, kept in the plan document so every member's panel follows the meeting: which
 * meeting is running (root `chair`), its agenda with the time spent on each item, the current item,
 * and the round in progress. Commands are `(doc, args) => void` like the rest of lib/plan; times
 * are ISO date-times passed in (the chair's clock), never read here.
 */
import type * as Y from 'yjs';
import {
  Action, AgendaItem, COMMAND_ORIGIN, Meeting, Outcome, RoundView, findRecord, planRoots, readLiveMeetingId, setLiveMeetingId,
  type MeetingKind,
} from '../plan/index.ts';
import { appendParagraphs } from '../plan/rich-text-edits.ts';
import type { AgendaTemplateItem } from './agendas.ts';

export interface LiveMeeting {
  id: string;
  kind: MeetingKind;
  date: string;
  startedAt: string;
  currentItemId: string;
  itemStartedAt: string;
  roundQuestion: string;
  agenda: { id: string; title: string; prompts: string[]; section: string; notes: string; spentSeconds: number }[];
  views: { id: string; question: string; memberId: string; name: string; agency: string; view: string; written: boolean }[];
}

function meetingMap(doc: Y.Doc, id: string): Y.Map<unknown> | undefined {
  return findRecord(planRoots(doc).meetings, id);
}

function agendaOf(meeting: Y.Map<unknown>) {
  return Meeting.list(meeting, 'agenda');
}

/** The meeting running now, or null. */
export function readLiveMeeting(doc: Y.Doc): LiveMeeting | null {
  const id = readLiveMeetingId(doc);
  if (id === '') return null;
  const map = meetingMap(doc, id);
  if (!map || map.get('deleted') === true) return null;
  const m = Meeting.read(map);
  if (!m.live) return null;
  const agenda = Meeting.listIfPresent(map, 'agenda');
  const views = Meeting.listIfPresent(map, 'views');
  return {
    id: m.id,
    kind: m.kind as MeetingKind,
    date: m.date,
    startedAt: m.startedAt,
    currentItemId: m.currentItemId,
    itemStartedAt: m.itemStartedAt,
    roundQuestion: m.roundQuestion,
    agenda: agenda ? AgendaItem.readAll(agenda).map((i) => ({ ...i, prompts: i.prompts.split('\n').filter(Boolean) })) : [],
    views: views ? RoundView.readAll(views) : [],
  };
}

/** Every live action id in the plan (outcomes' actions). */
export function allActionIds(doc: Y.Doc): string[] {
  return Outcome.liveMaps(planRoots(doc).outcomes).flatMap((o) => {
    const actions = Outcome.listIfPresent(o, 'actions');
    return actions ? Action.readAll(actions).map((a) => a.id) : [];
  });
}

export interface StartMeetingArgs {
  kind: MeetingKind;
  /** yyyy-MM-dd. */
  date: string;
  /** ISO date-time. */
  now: string;
  agenda: AgendaTemplateItem[];
  /** A booked (scheduled) meeting to hold now, instead of a new one. */
  meetingId?: string;
}

/** Starts a meeting (or holds a booked one) with its agenda, making its first item current. */
export function startMeeting(doc: Y.Doc, args: StartMeetingArgs): string {
  const { meetings } = planRoots(doc);
  let id = args.meetingId ?? '';
  doc.transact(() => {
    if (!id || !meetingMap(doc, id)) id = Meeting.add(doc, meetings, { kind: args.kind, date: args.date });
    // A booked meeting made before chair mode may lack its chair-mode lists: the chair adds them now.
    Meeting.addMissingLists(doc, meetings, id);
    const agenda = agendaOf(meetingMap(doc, id)!);
    for (const item of args.agenda) {
      AgendaItem.add(doc, agenda, { title: item.title, prompts: item.prompts.join('\n'), section: item.section });
    }
    Meeting.update(doc, meetings, id, {
      kind: args.kind, date: args.date, scheduled: false, live: true, startedAt: args.now, itemStartedAt: args.now,
      actionIdsAtStart: allActionIds(doc).join(','), roundQuestion: '', currentItemId: AgendaItem.readAll(agenda)[0]?.id ?? '',
    });
    setLiveMeetingId(doc, id);
  }, COMMAND_ORIGIN);
  return id;
}

function secondsBetween(from: string, to: string): number {
  const ms = Date.parse(to) - Date.parse(from);
  return Number.isFinite(ms) && ms > 0 ? Math.round(ms / 1000) : 0;
}

/** Makes `itemId` the current item, adding the time since the last change to the item left. */
export function goToItem(doc: Y.Doc, args: { meetingId: string; itemId: string; now: string }): void {
  const map = meetingMap(doc, args.meetingId);
  if (!map) return;
  const meeting = Meeting.read(map);
  doc.transact(() => {
    const agenda = agendaOf(map);
    const leaving = findRecord(agenda, meeting.currentItemId);
    if (leaving) {
      const spent = AgendaItem.read(leaving).spentSeconds + secondsBetween(meeting.itemStartedAt, args.now);
      AgendaItem.set(doc, agenda, meeting.currentItemId, 'spentSeconds', spent);
    }
    Meeting.update(doc, planRoots(doc).meetings, args.meetingId, { currentItemId: args.itemId, itemStartedAt: args.now });
  }, COMMAND_ORIGIN);
}

/** Adds an item at the end of the agenda. */
export function addAgendaItem(doc: Y.Doc, args: { meetingId: string; title: string; prompts?: string; section?: string }): string | undefined {
  const map = meetingMap(doc, args.meetingId);
  if (!map) return undefined;
  return AgendaItem.add(doc, agendaOf(map), { title: args.title.trim(), prompts: args.prompts ?? '', section: args.section ?? '' });
}

export function moveAgendaItem(doc: Y.Doc, args: { meetingId: string; itemId: string; to: number }): void {
  const map = meetingMap(doc, args.meetingId);
  if (map) AgendaItem.move(doc, agendaOf(map), args.itemId, args.to);
}

export function setItemNotes(doc: Y.Doc, args: { meetingId: string; itemId: string; notes: string }): void {
  const map = meetingMap(doc, args.meetingId);
  if (map) AgendaItem.set(doc, agendaOf(map), args.itemId, 'notes', args.notes);
}

/** Starts a round: the chair asks each present member in turn; '' ends it. */
export function setRoundQuestion(doc: Y.Doc, args: { meetingId: string; question: string }): void {
  if (meetingMap(doc, args.meetingId)) Meeting.set(doc, planRoots(doc).meetings, args.meetingId, 'roundQuestion', args.question.trim());
}

/** Records a member's view in the round (or a written view from a member who is not here). */
export function recordView(
  doc: Y.Doc,
  args: { meetingId: string; question: string; memberId: string; name: string; agency: string; view: string; written?: boolean },
): void {
  const map = meetingMap(doc, args.meetingId);
  if (!map) return;
  const views = Meeting.list(map, 'views');
  const existing = RoundView.readAll(views).find((v) => v.question === args.question && v.memberId === args.memberId && args.memberId !== '');
  if (existing) RoundView.set(doc, views, existing.id, 'view', args.view);
  else RoundView.add(doc, views, { question: args.question, memberId: args.memberId, name: args.name, agency: args.agency, view: args.view, written: args.written ?? false });
}

/** The actions added to the plan since the meeting started (the meeting's new actions). */
export function newActionIds(doc: Y.Doc, meetingId: string): string[] {
  const map = meetingMap(doc, meetingId);
  if (!map) return [];
  const before = new Set(Meeting.read(map).actionIdsAtStart.split(',').filter(Boolean));
  return allActionIds(doc).filter((id) => !before.has(id));
}

/**
 * Closes the meeting: time on the last item counted, no longer live, and the minutes draft
 * written into the meeting's minutes when they are still empty (a minute-taker's words are never
 * overwritten). The caller has checked the new actions.
 */
export function closeMeeting(doc: Y.Doc, args: { meetingId: string; now: string; minutesDraft: string[] }): void {
  const map = meetingMap(doc, args.meetingId);
  if (!map) return;
  doc.transact(() => {
    goToItem(doc, { meetingId: args.meetingId, itemId: '', now: args.now });
    Meeting.update(doc, planRoots(doc).meetings, args.meetingId, { live: false, roundQuestion: '' });
    const minutes = Meeting.fragment(map, 'minutes');
    if (minutes.length === 0) appendParagraphs(doc, minutes, args.minutesDraft.map((line) => [{ text: line }]));
    if (readLiveMeetingId(doc) === args.meetingId) setLiveMeetingId(doc, '');
  }, COMMAND_ORIGIN);
}
