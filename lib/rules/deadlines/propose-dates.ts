/**
 * Dates to book after recording a meeting, for the UI and chair mode ("next dates").
 *
 * Contract of `proposeDates(timeline, profile, afterEvent)`:
 * - For every usable rule that counts forward from the event's kind to a meeting (after an ICPC:
 *   first core group, first review, first visit; after a core group: the next core group; after a
 *   review: the next review; after a strategy discussion: the initial conference; after a birth:
 *   the review of a pre-birth plan), one proposal: `latest` is the limit, `date` the latest working
 *   day on or before it, or on or before the rule's `typical` interval when it has one (Wirral
 *   core groups: typically 4 weeks, at most 6).
 * - For every proposed conference, the deadlines that count back from it (reports to the chair,
 *   reports shared with parents, the core group before a review), dated from the proposed date and
 *   marked with `countsFrom` (the proposal's key).
 * - `existing` names a meeting already held or booked after the event that would answer a proposal.
 * - Nothing is proposed from a conference that ended the plan for rules that run only with a plan.
 * Sorted by date, then rule number. Pure: no clock, no writes.
 */
import { compareDates } from '../../dates/date-order.ts';
import { lastWorkingDayNumberOnOrBefore, type Division } from '../calendar/calendar.ts';
import { limitAfter } from './deadline-drafts.ts';
import { assertDivision } from '../calendar/holidays.ts';
import { describe, formatDayNumber, parseIsoDate, type IsoDate } from '../../dates/iso-date.ts';
import { prepareForCall, type PreparedProfile } from './prepared-profile.ts';
import type { Profile, Rule, TimescaleId } from './profiles/types.ts';
import { countSpan, type CountContext } from './rule-count.ts';
import { AfterMatcher } from './rule-matching.ts';
import {
  CONFERENCE_KINDS,
  MEETING_KINDS,
  eventsOfKinds,
  indexTimeline,
  type EventKind,
  type IndexedEvent,
  type IndexedTimeline,
  type TimelineEvent,
} from './timeline.ts';

export interface Proposal {
  /** `T8:icpc-1` for a meeting; `T5:T12:icpc-1` for a deadline counted back from a proposed one. */
  key: string;
  ruleId: TimescaleId;
  title: string;
  /** What to book or do: a meeting kind, or the record a deadline asks for. */
  kind: EventKind;
  /** The proposed date. */
  date: IsoDate;
  /** The limit under the rule. */
  latest: IsoDate;
  basis: string;
  /** Ids of the recorded events the date derives from. */
  hangsOn: string[];
  /** For deadlines before a proposed conference: that proposal's key. */
  countsFrom?: string;
  /** A meeting already held or booked that would answer the proposal. */
  existing?: { id: string; date: IsoDate; held: boolean };
}

const MEETINGS = new Set<EventKind>(MEETING_KINDS);
const CONFERENCES = new Set<EventKind>(CONFERENCE_KINDS);

/** Proposed dates after the event with id `afterEvent` (see the module comment). Throws `RangeError` if it is not in the timeline. */
export function proposeDates(
  timeline: readonly TimelineEvent[],
  profile: Profile | PreparedProfile,
  afterEvent: string,
  options: { division?: Division } = {},
): Proposal[] {
  const prepared = prepareForCall(profile);
  const context: CountContext = { dayZero: prepared.profile.dayZero, division: assertDivision(options.division ?? 'england-and-wales', 'options.division') };
  const indexed = indexTimeline(timeline);
  const event = indexed.byId.get(afterEvent);
  if (!event) throw new RangeError(`afterEvent must be the id of an event in the timeline, got ${describe(afterEvent)}`);
  const rules = prepared.rules;

  const proposals: Proposal[] = [];
  for (const rule of rules) {
    const meeting = proposeMeeting(rule, event, indexed, prepared, context);
    if (!meeting) continue;
    proposals.push(meeting);
    if (!CONFERENCES.has(meeting.kind)) continue;
    for (const before of rules) {
      if (before.direction !== 'before' || (before.nature ?? 'deadline') !== 'deadline' || !before.from.includes(meeting.kind)) continue;
      if (!Array.isArray(before.due) || before.due.length === 0) continue;
      const limit = countSpan(before, 'before', parseIsoDate(meeting.date, 'date'), context);
      const day = MEETINGS.has(before.due[0]!) ? lastWorkingDayNumberOnOrBefore(limit, context.division) : limit;
      proposals.push({
        key: `${before.id}:${meeting.key}`, ruleId: before.id, title: before.title, kind: before.due[0]!,
        date: formatDayNumber(day), latest: formatDayNumber(limit), basis: prepared.basis(before, meeting.kind),
        hangsOn: meeting.hangsOn, countsFrom: meeting.key,
      });
    }
  }
  return proposals.sort((a, b) => compareDates(a.date, b.date) || Number(a.ruleId.slice(1)) - Number(b.ruleId.slice(1)));
}

/** The meeting `rule` asks for after `event`, if the rule counts from that kind of event to a meeting. */
function proposeMeeting(
  rule: Rule,
  event: IndexedEvent,
  timeline: IndexedTimeline,
  prepared: PreparedProfile,
  context: CountContext,
): Proposal | undefined {
  if (rule.direction !== 'after' || (rule.nature ?? 'deadline') !== 'deadline' || !Array.isArray(rule.due)) return undefined;
  const kind = rule.due.find((k) => MEETINGS.has(k));
  if (!kind) return undefined;
  const anchor = anchorFor(rule, event, timeline);
  if (!anchor) return undefined;
  if (rule.whilePlan && anchor.event.kind !== 'action' && anchor.event.endsPlan === true) return undefined;

  const { day: limit, hangsOn } = limitAfter(rule, anchor, timeline, context);
  const aim = rule.typical ? Math.min(limit, countSpan(rule.typical, 'after', anchor.day, context)) : limit;
  const workingDay = lastWorkingDayNumberOnOrBefore(aim, context.division);
  const day = workingDay > anchor.day ? workingDay : aim;

  const proposal: Proposal = {
    key: `${rule.id}:${anchor.event.id}`, ruleId: rule.id, title: rule.title, kind,
    date: formatDayNumber(day), latest: formatDayNumber(limit), basis: prepared.basis(rule, anchor.event.kind), hangsOn,
  };
  const { held, booked } = new AfterMatcher(rule.due, timeline).match(anchor, undefined);
  const existing = held ?? booked;
  if (existing) proposal.existing = { id: existing.event.id, date: existing.event.date, held: existing.held };
  return proposal;
}

/**
 * The event the count runs from: `event` itself when the rule counts from its kind (strategy
 * filters apply); for a `sooner` trigger (a birth), the latest held `from` event before it.
 */
function anchorFor(rule: Rule, event: IndexedEvent, timeline: IndexedTimeline): IndexedEvent | undefined {
  const e = event.event;
  if (rule.from.includes(e.kind)) {
    if (e.kind !== 'strategy') return event;
    if (e.startsS47 === false) return undefined;
    return rule.unborn === undefined || (e.unborn === true) === rule.unborn ? event : undefined;
  }
  if (rule.sooner?.from === e.kind) {
    return eventsOfKinds(timeline, rule.from).filter((a) => a.held && a.order < event.order).at(-1);
  }
  return undefined;
}
