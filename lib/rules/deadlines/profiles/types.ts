/**
 * A timescale profile is data: one board's figures for the rules T1–T21 of TIMESCALES.md, each
 * citing the document and section it comes from. The deadline engine reads any profile the same
 * way; what a rule means is in its fields, not in code keyed on its id.
 *
 * How a rule counts (see `rule-count.ts`):
 * - `direction: 'after'`: due `figure` `unit`s after an event of a `from` kind; met by the first
 *   event of a `due` kind after it, on or before the due date.
 * - `direction: 'before'`: due `figure` `unit`s before a conference (held or scheduled) of a `from`
 *   kind; met by an event of a `due` kind between the previous conference and that one, on or before
 *   the due date.
 */
import type { EventKind } from '../timeline.ts';

/** The rule numbers of TIMESCALES.md. */
export const TIMESCALE_IDS = [
  'T1', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'T8', 'T9', 'T10', 'T11',
  'T12', 'T13', 'T14', 'T15', 'T16', 'T17', 'T18', 'T19', 'T20', 'T21',
] as const;
export type TimescaleId = (typeof TIMESCALE_IDS)[number];

/**
 * Units a figure can be in. `hours` and `minutes` count whole days: a meeting's time of day is not
 * recorded, so "within 24 hours" is due the next calendar day (the earliest day the moment can fall
 * on) and "30 minutes before" falls on the meeting's own day.
 */
export const UNITS = ['working-days', 'calendar-days', 'weeks', 'months', 'hours', 'minutes'] as const;
export type Unit = (typeof UNITS)[number];

/**
 * Which events of the `from` kinds start a count:
 * - `each`: every one (core groups, visits, conferences);
 * - `first` / `last`: the first or last of a run of them not yet answered by a `due` event (004's
 *   "15 days after *last* strategy meeting");
 * - `starts-s47`: the strategy discussion marked `startsS47`, else the first of the run (Working
 *   Together's "the strategy discussion at which section 47 enquiries were initiated").
 */
export const ANCHORS = ['each', 'first', 'last', 'starts-s47'] as const;
export type Anchor = (typeof ANCHORS)[number];

/**
 * What kind of item a rule produces:
 * - `deadline`: something must happen by the due date (the default);
 * - `window`: a period others may act in (T18: asking for corrections to minutes); once it closes
 *   nothing is outstanding, so it is never overdue;
 * - `reminder`: a note for the day of an upcoming conference (T19), never overdue;
 * - `prompt`: something to consider with no figure (T20), live from its date until answered.
 */
export const NATURES = ['deadline', 'window', 'reminder', 'prompt'] as const;
export type Nature = (typeof NATURES)[number];

/** A length of time. */
export interface Span {
  figure: number;
  unit: Unit;
}

export interface Rule extends Span {
  id: TimescaleId;
  /** Plain English: what is due, e.g. "Initial child protection conference". */
  title: string;
  direction: 'after' | 'before';
  /** Events the count runs from ('after') or back from ('before'). */
  from: EventKind[];
  /** Event kinds that meet the rule; `'action'` for T21 (each action's own due date). */
  due: EventKind[] | 'action';
  /** The document and section, e.g. "Wirral Safeguarding Children Board, … (2016), 3.2". */
  source: string;
  /** The section alone, e.g. "3.2", for the short citation in a deadline's basis. */
  section: string;
  /** The document's own words, where they help. */
  wording?: string;
  /** Why the figure was read the way it was, where the document leaves room. */
  note?: string;
  nature?: Nature;
  anchor?: Anchor;
  /** "Every N": each meeting that meets the rule starts the next count (`due` kinds ⊆ `from`). */
  recurring?: boolean;
  /** Runs only while a plan is in force: stops at a conference with `endsPlan`. */
  whilePlan?: boolean;
  /** For strategy counts: only decisions about an unborn child (true) or a born child (false). */
  unborn?: boolean;
  /** T17: or this long after an event of this kind (the birth), whichever is sooner. */
  sooner?: Span & { from: EventKind };
  /** Applies only when an event of this kind belongs to the anchor (T18: corrections were asked for). */
  requires?: EventKind;
  /**
   * For counts back from a conference: an answering event counts only when it is at most this long
   * before the due date (T10: the core group that prepares the review, not an earlier routine one).
   */
  lookBack?: Span;
  /** What practice usually aims for, inside the limit (Wirral: core groups "typically once every 4 weeks"). */
  typical?: Span;
  /** T16: the conference cannot be held before this many weeks' gestation (needs the strategy event's `edd`). */
  notBeforeGestationWeeks?: number;
}

export interface Profile {
  /** Kebab-case, stable: stored in each plan's meta. */
  id: string;
  name: string;
  /** The document's title (and issuer). */
  source: string;
  /** A short name for citations in a deadline's basis, e.g. "Wirral 2016". */
  short: string;
  /**
   * How "within N days of X" counts: `event` makes X day 0 (the first day counted is the day after);
   * `nextDay` makes X itself day 1, for boards that count the decision day. Counts back ("N days
   * before Y") always count N whole days back from Y.
   */
  dayZero: 'event' | 'nextDay';
  rules: Rule[];
  /**
   * Months after a plan ends before the plan list prompts to back it up and remove it from this
   * device (lib/rules/retention/ended-plan.ts). A board sets it in its own profile; when unset the
   * product's own default applies (no shipped guidance gives one).
   */
  endedPlanLocalCopyMonths?: number;
  /** The profile this one was cloned from. */
  basedOn?: string;
  note?: string;
}
