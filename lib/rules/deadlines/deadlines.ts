/**
 * The deadline engine: a plan's timeline and a timescale profile in, every due item out: what is
 * due, when, under which rule and source, its status, and which events it hangs on.
 *
 * Contract of `computeDeadlines` (pure; `today` is a parameter, the clock is never read):
 * - One item per rule per event that starts its count (see `rule-matching.ts` for which events
 *   start counts and which answer them), plus one per open or done action (T21).
 * - Met: the event the rule asks for happened on or before the due date (`metBy` names it).
 * - Late: an event that happened after the due date does not meet the rule. The item stays
 *   `overdue` (it was breached, and audits count breaches) and `metLateBy` names the late event,
 *   so the UI can show "held late" apart from "still outstanding".
 * - Otherwise by date against `today`: `overdue` after the due date, `due-today`, `due-soon` within
 *   `dueSoonDays` working days (default 2), else `upcoming`.
 * - Windows (T18) never go overdue: once closed nothing is outstanding, so they are `met`.
 *   Reminders (T19) exist for booked conferences from today on. Prompts (T20) have no figure:
 *   `due-today` from their date until answered.
 * - Counts that run only while a plan is in force stop at a conference with `endsPlan`.
 * - Sorted overdue first, then by due date (then rule number, then key).
 * - `key` is the rule and the event counted from (`T8:icpc-1`): stable while the timeline
 *   changes, so notifications and keyed lists can follow an item.
 *
 * The engine is one pass per rule over a timeline indexed once (sorted, grouped by kind); dates are
 * day numbers throughout and are formatted only for the result. Computing many plans, prepare the
 * profile once (`prepareProfile`): bench/deadlines.bench.ts measures 500 plans that way.
 */
import { addWorkingDaysToDayNumber, type Division } from '../calendar/calendar.ts';
import type { Deadline, DeadlineStatus } from './deadline.ts';
import { draftsFor, type Draft } from './deadline-drafts.ts';
import { assertDivision } from '../calendar/holidays.ts';
import { FIRST_DAY, describe, formatDayNumber, parseIsoDate, type IsoDate } from '../../dates/iso-date.ts';
import { prepareForCall, type PreparedProfile } from './prepared-profile.ts';
import { sortByRank } from './sort-by-rank.ts';
import { TIMESCALE_IDS, type Profile, type TimescaleId } from './profiles/types.ts';
import { indexTimeline, type TimelineEvent } from './timeline.ts';

export interface DeadlineOptions {
  /** Bank holidays of this division; England and Wales by default. */
  division?: Division;
  /** How many working days ahead counts as due soon; 2 by default. */
  dueSoonDays?: number;
  /** Leave out items due before this date (e.g. history from before the plan was brought in). */
  since?: IsoDate;
}

/** The working days ahead that count as "due soon" unless the caller says otherwise. */
export const DEFAULT_DUE_SOON_DAYS = 2;

/**
 * Every due item of `timeline` under `profile` as of `today` (see the module comment for the
 * contract). `profile` may be a plain profile, validated on each call (rules with validation errors
 * are skipped; `validateProfile` reports them), or one prepared once with `prepareProfile` for many
 * calls. Throws a `RangeError` for a bad `today`, option or event date: programmer errors.
 */
export function computeDeadlines(
  timeline: readonly TimelineEvent[],
  profile: Profile | PreparedProfile,
  today: IsoDate,
  options: DeadlineOptions = {},
): Deadline[] {
  const todayDay = parseIsoDate(today, 'today');
  const division = assertDivision(options.division ?? 'england-and-wales', 'options.division');
  const dueSoonDays = options.dueSoonDays ?? DEFAULT_DUE_SOON_DAYS;
  if (!Number.isInteger(dueSoonDays) || dueSoonDays < 0 || dueSoonDays > 260) {
    throw new RangeError(`options.dueSoonDays must be a whole number of working days 0–260, got ${describe(dueSoonDays)}`);
  }
  const sinceDay = options.since === undefined ? undefined : parseIsoDate(options.since, 'options.since');
  const prepared = prepareForCall(profile);
  const indexed = indexTimeline(timeline);
  const context = { dayZero: prepared.profile.dayZero, division, today: todayDay };
  const soonLimit = addWorkingDaysToDayNumber(todayDay, dueSoonDays, division);

  // Keys are rule and event: unique unless a (user) profile repeats a rule or events share an id.
  const mayRepeat = prepared.repeatsRules || indexed.byId.size !== indexed.all.length;
  const keys = mayRepeat ? new Map<string, number>() : undefined;
  const drafts: Draft[] = [];
  for (const rule of prepared.rules) {
    const ruleNumber = TIMESCALE_IDS.indexOf(rule.id) + 1;
    for (const draft of draftsFor(rule, indexed, context)) {
      if (sinceDay !== undefined && draft.dueDay < sinceDay) continue;
      let key = `${rule.id}:${draft.anchorId}`;
      if (keys) {
        const seen = keys.get(key) ?? 0;
        keys.set(key, seen + 1);
        if (seen > 0) key = `${key}#${seen + 1}`;
      }
      draft.key = key;
      draft.status = statusOf(draft, todayDay, soonLimit);
      draft.rank = rankOf(draft.status, draft.dueDay, ruleNumber);
      drafts.push(draft);
    }
  }
  // Sorted on numbers before anything is formatted: overdue first, then due date, rule, key.
  const sorted = sortByRank(drafts, (draft) => draft.rank);
  orderTiesByKey(sorted);
  return sorted.map((draft) => toDeadline(draft, prepared));
}

/** Overdue first, then by due date, rule number and key: the order `computeDeadlines` returns (for merging plans' lists). */
export function compareDeadlines(a: Deadline, b: Deadline): number {
  const overdue = Number(b.status === 'overdue') - Number(a.status === 'overdue');
  if (overdue !== 0) return overdue;
  if (a.due !== b.due) return a.due < b.due ? -1 : 1;
  const rule = Number(a.ruleId.slice(1)) - Number(b.ruleId.slice(1));
  return rule !== 0 ? rule : a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

/**
 * The sort order as one whole number below 2^29: a not-overdue bit, then the due day (shifted to
 * be positive; years 0001–9999 need 22 bits), then the rule number (5 bits).
 */
function rankOf(status: DeadlineStatus, dueDay: number, ruleNumber: number): number {
  return (status === 'overdue' ? 0 : 2 ** 28) + (dueDay - FIRST_DAY) * 32 + ruleNumber;
}

/** Items of equal rank, in key order (so the result does not depend on the timeline's order). */
function orderTiesByKey(items: Draft[]): void {
  for (let start = 0; start < items.length; ) {
    let end = start + 1;
    while (end < items.length && items[end]!.rank === items[start]!.rank) end += 1;
    if (end - start > 1) {
      const run = items.slice(start, end).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
      items.splice(start, run.length, ...run);
    }
    start = end;
  }
}

function toDeadline(draft: Draft, prepared: PreparedProfile): Deadline {
  const { rule, key, status } = draft;
  const notBefore = draft.notBeforeDay === undefined ? undefined : formatDayNumber(draft.notBeforeDay);
  const basis = prepared.basis(rule, draft.anchorKind);
  const deadline: Deadline = {
    key,
    ruleId: rule.id,
    nature: rule.nature ?? 'deadline',
    title: rule.title,
    due: formatDayNumber(draft.dueDay),
    status,
    basis: notBefore ? `${basis} Not before ${rule.notBeforeGestationWeeks} weeks’ gestation (${notBefore}).` : basis,
    source: rule.source,
    hangsOn: draft.hangsOn,
  };
  if (draft.metBy) deadline.metBy = draft.metBy.event.id;
  if (draft.metLateBy) deadline.metLateBy = draft.metLateBy.event.id;
  if (draft.booked) {
    deadline.booked = { id: draft.booked.event.id, date: draft.booked.event.date, inTime: draft.booked.day <= draft.dueDay };
  }
  if (draft.holidays) deadline.holidays = draft.holidays;
  if (notBefore) deadline.notBefore = notBefore;
  if (draft.detail !== undefined) deadline.detail = draft.detail;
  return deadline;
}

function statusOf(draft: Draft, today: number, soonLimit: number): DeadlineStatus {
  if (draft.metBy) return 'met';
  const nature = draft.rule.nature ?? 'deadline';
  if (draft.dueDay < today) {
    if (nature === 'window') return 'met';
    if (nature === 'prompt' || nature === 'reminder') return 'due-today';
    return 'overdue';
  }
  if (draft.dueDay === today) return 'due-today';
  return draft.dueDay <= soonLimit ? 'due-soon' : 'upcoming';
}
