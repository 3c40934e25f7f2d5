/**
 * Which events start a rule's count and which event meets it.
 *
 * Matching, for a count after an event (the anchor):
 * - a record that names its meeting (`about`) belongs to that meeting only (or to a record about
 *   the same meeting, when the count runs from a record);
 * - otherwise the first held event of a `due` kind after the anchor meets it. Records (minutes,
 *   reports, letters) answer one meeting each: a record already taken by an earlier anchor is not
 *   reused, and a record after the rule's next anchor belongs to that one. Meetings are not used
 *   up: one visit can end two counts.
 * For a count back from a conference (the target): events of a `due` kind between the previous
 *   held conference and the target (or naming the target in `about`), and no earlier than the
 *   rule's `lookBack`; the rule is met when any of them is on or before the due day.
 */
import type { Rule } from './profiles/types.ts';
import {
  RECORD_KINDS,
  eventsOfKinds,
  type EventKind,
  type IndexedEvent,
  type IndexedTimeline,
} from './timeline.ts';

const RECORDS = new Set<EventKind>(RECORD_KINDS);

/** The held events that start `rule`'s counts, by its `anchor` mode and strategy filters. */
export function selectAnchors(rule: Rule, timeline: IndexedTimeline): IndexedEvent[] {
  const events = eventsOfKinds(timeline, rule.from).filter((e) => e.held && passesFilters(rule, e));
  const mode = rule.anchor ?? 'each';
  if (mode === 'each' || !Array.isArray(rule.due)) return events;

  // Runs of `from` events not yet answered by a held `due` event: one anchor per run.
  const answers = eventsOfKinds(timeline, rule.due).filter((e) => e.held);
  const runs: IndexedEvent[][] = [];
  let next = 0;
  for (const event of events) {
    let answered = false;
    while (next < answers.length && answers[next]!.order < event.order) {
      answered = true;
      next += 1;
    }
    if (answered || runs.length === 0) runs.push([event]);
    else runs[runs.length - 1]!.push(event);
  }
  return runs.map((run) => {
    if (mode === 'first') return run[0]!;
    if (mode === 'last') return run[run.length - 1]!;
    return run.find((e) => e.event.kind !== 'action' && e.event.startsS47 === true) ?? run[0]!;
  });
}

function passesFilters(rule: Rule, indexed: IndexedEvent): boolean {
  const event = indexed.event;
  if (event.kind !== 'strategy') return true;
  if (event.startsS47 === false) return false;
  if (rule.unborn === undefined) return true;
  return (event.unborn === true) === rule.unborn;
}

/** Finds what answers counts after anchors; one instance per rule (it remembers records used). */
export class AfterMatcher {
  readonly #candidates: readonly IndexedEvent[];
  readonly #records: boolean;
  readonly #used = new Set<IndexedEvent>();

  constructor(dueKinds: readonly EventKind[], timeline: IndexedTimeline) {
    this.#candidates = eventsOfKinds(timeline, dueKinds);
    this.#records = dueKinds.every((kind) => RECORDS.has(kind));
  }

  /**
   * The first held event answering `anchor` (taken, if a record), and the first booked (scheduled)
   * one when none has happened. `nextAnchor` bounds where a record without `about` may be.
   */
  match(anchor: IndexedEvent, nextAnchor: IndexedEvent | undefined): { held?: IndexedEvent; booked?: IndexedEvent } {
    let booked: IndexedEvent | undefined;
    for (let i = firstOnOrAfter(this.#candidates, anchor.day); i < this.#candidates.length; i += 1) {
      const candidate = this.#candidates[i]!;
      if (!this.#belongs(candidate, anchor, nextAnchor)) continue;
      if (!candidate.held) {
        booked ??= candidate;
        continue;
      }
      if (this.#records) this.#used.add(candidate);
      return { held: candidate, booked };
    }
    return { booked };
  }

  #belongs(candidate: IndexedEvent, anchor: IndexedEvent, nextAnchor: IndexedEvent | undefined): boolean {
    if (candidate === anchor || this.#used.has(candidate)) return false;
    const about = aboutOf(candidate);
    if (about !== undefined) return sameSubject(about, anchor);
    const after = candidate.order > anchor.order || (candidate.day === anchor.day && candidate.event.kind !== anchor.event.kind);
    if (!after) return false;
    return !(this.#records && nextAnchor && candidate.order > nextAnchor.order);
  }
}

/** True when an event of `kind` belongs to `anchor` (names it, or falls before the next anchor). */
export function hasRelated(
  timeline: IndexedTimeline,
  kind: EventKind,
  anchor: IndexedEvent,
  nextAnchor: IndexedEvent | undefined,
): boolean {
  return eventsOfKinds(timeline, [kind]).some((e) => {
    if (!e.held) return false;
    const about = aboutOf(e);
    if (about !== undefined) return sameSubject(about, anchor);
    return e.order > anchor.order && (!nextAnchor || e.order < nextAnchor.order);
  });
}

/**
 * Events of `kinds` that count towards a conference `target` (held or booked, in date order):
 * naming it, or (naming none) after the previous held conference and on or before the target's day.
 */
export function eventsBefore(timeline: IndexedTimeline, kinds: readonly EventKind[], target: IndexedEvent): IndexedEvent[] {
  const previous = previousConference(timeline, target);
  return eventsOfKinds(timeline, kinds).filter((e) => {
    if (e === target) return false;
    const about = aboutOf(e);
    if (about !== undefined) return about === target.event.id;
    return e.day <= target.day && (!previous || e.day > previous.day);
  });
}

/** The last held conference on a day before `target`'s. */
export function previousConference(timeline: IndexedTimeline, target: IndexedEvent): IndexedEvent | undefined {
  let previous: IndexedEvent | undefined;
  for (const conference of timeline.conferences) {
    if (conference.day >= target.day) break;
    if (conference.held) previous = conference;
  }
  return previous;
}

/** The first held conference from `from` on (itself included) that ended the plan. */
export function planEndFrom(timeline: IndexedTimeline, from: IndexedEvent): IndexedEvent | undefined {
  return timeline.conferences.find(
    (c) => c.held && c.order >= from.order && c.event.kind !== 'action' && c.event.endsPlan === true,
  );
}

/** The first event at or after index 0 whose day is ≥ `day` (binary search over a date-sorted list). */
function firstOnOrAfter(events: readonly IndexedEvent[], day: number): number {
  let low = 0;
  let high = events.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (events[mid]!.day < day) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * True when a record about meeting `about` belongs to `anchor`: the anchor is that meeting, or is
 * itself a record about it (the chair's answer and the minutes it corrects both name the conference).
 */
function sameSubject(about: string, anchor: IndexedEvent): boolean {
  return about === anchor.event.id || about === aboutOf(anchor);
}

function aboutOf(indexed: IndexedEvent): string | undefined {
  return indexed.event.kind === 'action' ? undefined : indexed.event.about;
}
