/**
 * The plan's history as the deadline engine reads it: a flat list of dated events. `lib/plan`
 * builds it from the document (each meeting, record and action becomes one event); the engine
 * never sees the Y.Doc.
 *
 * Meetings that are booked but have not happened carry `scheduled: true`: they never meet a
 * deadline or start a count, but a deadline that counts back from a conference ("reports 5
 * working days before the review") counts back from a scheduled one too.
 */
import { FIRST_DAY, parseIsoDate, tryParseIsoDate, type IsoDate } from '../../dates/iso-date.ts';
import { sortByRank } from './sort-by-rank.ts';

/** Meetings: they happen, start counts, and meet deadlines that ask for them. */
export const MEETING_KINDS = [
  'strategy',
  'icpc',
  'rcpc',
  'core-group',
  'visit',
  'transfer-in-conference',
  'pre-birth-conference',
  'lac-review',
] as const;

/** Records about a meeting: usually carry `about` (the meeting's id). */
export const RECORD_KINDS = [
  'minutes-received',
  'minutes-circulated',
  'notes-circulated',
  'plan-circulated',
  'report-submitted',
  'report-shared',
  'amendment-requested',
  'amendment-answered',
] as const;

/** Facts about the child or the case that start a count. */
export const FACT_KINDS = ['transfer-notified', 'birth', 'looked-after'] as const;

export const EVENT_KINDS = [...MEETING_KINDS, ...RECORD_KINDS, ...FACT_KINDS, 'action'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];
export type MeetingKind = (typeof MEETING_KINDS)[number];
export type RecordKind = (typeof RECORD_KINDS)[number];

/** Child protection conferences of every kind. */
export const CONFERENCE_KINDS: readonly EventKind[] = ['icpc', 'rcpc', 'transfer-in-conference', 'pre-birth-conference'];

/**
 * Any event but an action.
 * - `strategy`: `startsS47` marks the discussion that started section 47 enquiries (`false`: one
 *   that did not, so no conference is due from it); `unborn` marks a decision about an unborn child,
 *   with `edd` the expected date of delivery when known.
 * - conferences: `endsPlan` records that the conference ended the plan, or at an initial
 *   conference that no plan was made; counts that run only while a plan is in force stop there.
 * - records: `about` names the meeting the record belongs to (minutes of which conference). Without
 *   it, a record is matched to the latest meeting before it that it could belong to.
 * - `core-group` notes are `notes-circulated`; conference minutes are `minutes-circulated`; the
 *   outline plan, chair's letter or record of decision is `plan-circulated`.
 */
export interface PlanEvent {
  id: string;
  kind: Exclude<EventKind, 'action'>;
  date: IsoDate;
  scheduled?: boolean;
  about?: string;
  startsS47?: boolean;
  unborn?: boolean;
  edd?: IsoDate;
  endsPlan?: boolean;
}

/** A plan action: `date` when it was set, `due` its own due date, `done` once completed. */
export interface ActionEvent {
  id: string;
  kind: 'action';
  date: IsoDate;
  due?: IsoDate;
  done?: boolean;
  /** The action's words, passed through to the deadline as `detail`. */
  title?: string;
}

export type TimelineEvent = PlanEvent | ActionEvent;

const KNOWN_KINDS = new Set<string>(EVENT_KINDS);
const CONFERENCES = new Set<EventKind>(CONFERENCE_KINDS);

/** An event with its date as a day number and its position in date order. */
export interface IndexedEvent {
  event: TimelineEvent;
  day: number;
  /** Position in the sorted timeline: breaks ties between events on the same day. */
  order: number;
  held: boolean;
}

/** The timeline sorted by date (stable), with per-kind lists, ready for the engine. */
export interface IndexedTimeline {
  all: IndexedEvent[];
  byKind: Map<EventKind, IndexedEvent[]>;
  byId: Map<string, IndexedEvent>;
  /** Conferences of every kind, held or scheduled, in date order. */
  conferences: IndexedEvent[];
  /** `eventsOfKinds` results for several kinds, by the kinds array (rules share their arrays). */
  merged: Map<readonly EventKind[], IndexedEvent[]>;
}

/**
 * Validates and indexes a timeline. Events of kinds this version does not know are skipped (a
 * newer peer may add kinds). An event with a missing id or a date that is not a real yyyy-MM-dd
 * date is a programmer error in the code that built the timeline: `RangeError` naming it.
 */
export function indexTimeline(timeline: readonly TimelineEvent[]): IndexedTimeline {
  if (!Array.isArray(timeline)) throw new RangeError('timeline must be an array of events');
  const dated: IndexedEvent[] = [];
  for (let at = 0; at < timeline.length; at += 1) {
    const event = timeline[at]!;
    if (typeof event !== 'object' || event === null) throw new RangeError(`timeline[${at}] must be an event object`);
    if (!KNOWN_KINDS.has(event.kind)) continue;
    if (typeof event.id !== 'string' || event.id === '') throw new RangeError(`timeline[${at}].id must be a non-empty string`);
    const day = tryParseIsoDate(event.date) ?? parseIsoDate(event.date, `timeline[${at}].date`);
    const other = event.kind === 'action' ? event.due : event.edd;
    if (other !== undefined && tryParseIsoDate(other) === undefined) {
      parseIsoDate(other, `timeline[${at}].${event.kind === 'action' ? 'due' : 'edd'}`);
    }
    dated.push({ event, day, order: 0, held: event.kind === 'action' || event.scheduled !== true });
  }
  // By day, keeping the given order on one day (day numbers are shifted to be whole and positive).
  const all = sortByRank(dated, (e) => e.day - FIRST_DAY);

  const byKind = new Map<EventKind, IndexedEvent[]>();
  const byId = new Map<string, IndexedEvent>();
  const conferences: IndexedEvent[] = [];
  for (let order = 0; order < all.length; order += 1) {
    const indexed = all[order]!;
    indexed.order = order;
    const kind = indexed.event.kind;
    const list = byKind.get(kind);
    if (list) list.push(indexed);
    else byKind.set(kind, [indexed]);
    byId.set(indexed.event.id, indexed);
    if (CONFERENCES.has(kind)) conferences.push(indexed);
  }
  return { all, byKind, byId, conferences, merged: new Map() };
}

/**
 * The events of some kinds, in date order. Do not change the list returned: it is shared (lists
 * for several kinds are merged once per kinds array and kept on the timeline).
 */
export function eventsOfKinds(timeline: IndexedTimeline, kinds: readonly EventKind[]): readonly IndexedEvent[] {
  if (kinds.length === 1) return timeline.byKind.get(kinds[0]!) ?? NONE;
  let merged = timeline.merged.get(kinds);
  if (!merged) {
    const list: IndexedEvent[] = [];
    for (const kind of kinds) list.push(...(timeline.byKind.get(kind) ?? NONE));
    merged = list.sort((a, b) => a.order - b.order);
    timeline.merged.set(kinds, merged);
  }
  return merged;
}

const NONE: readonly IndexedEvent[] = Object.freeze([]);

/** True when `later` comes after `earlier` in the timeline (a later day, or the same day listed later). */
export function isAfter(later: IndexedEvent, earlier: IndexedEvent): boolean {
  return later.order > earlier.order;
}
