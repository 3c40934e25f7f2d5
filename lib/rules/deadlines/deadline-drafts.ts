/**
 * One rule against one timeline: the due items it produces, before status and formatting. Each
 * draft says when it is due, what it counts from and what (if anything) answered it.
 */
import type { DeadlineStatus } from './deadline.ts';
import type { HolidaySource } from '../calendar/holidays.ts';
import { parseIsoDate, tryParseIsoDate } from '../../dates/iso-date.ts';
import type { Rule } from './profiles/types.ts';
import { countSpan, countedHolidays, type CountContext } from './rule-count.ts';
import { AfterMatcher, eventsBefore, hasRelated, planEndFrom, previousConference, selectAnchors } from './rule-matching.ts';
import { eventsOfKinds, type EventKind, type IndexedEvent, type IndexedTimeline } from './timeline.ts';

/** Gestation is dated so that the expected date of delivery falls at 40 weeks. */
const TERM_WEEKS = 40;

/** Every field is set when a draft is made (`makeDraft`), so all drafts share one shape. */
export interface Draft {
  rule: Rule;
  /** The event the item is keyed on (the anchor, the conference counted back from, the action). */
  anchorId: string;
  dueDay: number;
  /** The kind of event the count runs from (for the basis sentence). */
  anchorKind: EventKind;
  hangsOn: string[];
  metBy?: IndexedEvent;
  metLateBy?: IndexedEvent;
  booked?: IndexedEvent;
  holidays?: HolidaySource;
  notBeforeDay?: number;
  detail?: string;
  /** Filled in by the engine once the draft is kept. */
  key: string;
  status: DeadlineStatus;
  rank: number;
}

function makeDraft(rule: Rule, anchor: IndexedEvent, dueDay: number, hangsOn: string[]): Draft {
  return {
    rule, anchorId: anchor.event.id, dueDay, anchorKind: anchor.event.kind, hangsOn,
    metBy: undefined, metLateBy: undefined, booked: undefined, holidays: undefined, notBeforeDay: undefined,
    detail: undefined, key: '', status: 'upcoming', rank: 0,
  };
}

export interface DraftContext extends CountContext {
  today: number;
}

/** Every draft `rule` produces on `timeline`. */
export function draftsFor(rule: Rule, timeline: IndexedTimeline, context: DraftContext): Draft[] {
  if (rule.due === 'action') return actionDrafts(rule, timeline);
  const nature = rule.nature ?? 'deadline';
  if (nature === 'reminder') return reminderDrafts(rule, timeline, context);
  if (nature === 'prompt') return promptDrafts(rule, timeline);
  return rule.direction === 'before' ? beforeDrafts(rule, rule.due, timeline, context) : afterDrafts(rule, rule.due, timeline, context);
}

/** "Within N of X": one draft per anchor, met by the first answering event. */
function afterDrafts(rule: Rule, due: EventKind[], timeline: IndexedTimeline, context: DraftContext): Draft[] {
  const anchors = selectAnchors(rule, timeline);
  const matcher = new AfterMatcher(due, timeline);
  const drafts: Draft[] = [];
  anchors.forEach((anchor, i) => {
    const nextAnchor = anchors[i + 1];
    if (rule.requires && !hasRelated(timeline, rule.requires, anchor, nextAnchor)) return;
    const limit = limitAfter(rule, anchor, timeline, context);
    const draft = makeDraft(rule, anchor, limit.day, limit.hangsOn);
    draft.holidays = limit.holidays;
    draft.notBeforeDay = limit.notBeforeDay;

    const { held, booked } = matcher.match(anchor, nextAnchor);
    if (rule.whilePlan) {
      const end = planEndFrom(timeline, anchor);
      if (end && (!held || held.order > end.order)) return;
    }
    settle(draft, held);
    if (!held) draft.booked = booked;
    drafts.push(draft);
  });
  return drafts;
}

/** "N before Y": one draft per conference of a `from` kind, held or booked. */
function beforeDrafts(rule: Rule, due: EventKind[], timeline: IndexedTimeline, context: DraftContext): Draft[] {
  const drafts: Draft[] = [];
  for (const target of eventsOfKinds(timeline, rule.from)) {
    if (rule.whilePlan) {
      // A conference after one that ended the plan starts afresh: nothing of the old plan is due before it.
      const previous = previousConference(timeline, target);
      if (previous && endsPlan(previous)) continue;
    }
    const dueDay = countSpan(rule, 'before', target.day, context);
    const draft = makeDraft(rule, target, dueDay, [target.event.id]);
    draft.holidays = countedHolidays(rule, target.day, dueDay, context.division);
    const earliest = rule.lookBack ? countSpan(rule.lookBack, 'before', dueDay, context) : -Infinity;
    // The latest held in time meets it; else the first held late, and the first booked, are named.
    for (const e of eventsBefore(timeline, due, target)) {
      if (e.day < earliest) continue;
      if (!e.held) draft.booked ??= e;
      else if (e.day <= dueDay) draft.metBy = e;
      else draft.metLateBy ??= e;
    }
    if (draft.metBy) {
      draft.metLateBy = undefined;
      draft.booked = undefined;
    }
    drafts.push(draft);
  }
  return drafts;
}

/** A note for the day of each booked conference from today on. */
function reminderDrafts(rule: Rule, timeline: IndexedTimeline, context: DraftContext): Draft[] {
  return eventsOfKinds(timeline, rule.from)
    .filter((target) => !target.held && target.day >= context.today)
    .map((target) => makeDraft(rule, target, countSpan(rule, 'before', target.day, context), [target.event.id]));
}

/** A prompt from each opening event, dated by the first answering event booked or held after it. */
function promptDrafts(rule: Rule, timeline: IndexedTimeline): Draft[] {
  const answers = Array.isArray(rule.due) ? eventsOfKinds(timeline, rule.due) : [];
  return selectAnchors(rule, timeline).map((anchor) => {
    const answer = answers.find((e) => e.order > anchor.order);
    const draft = makeDraft(rule, anchor, answer?.day ?? anchor.day, [anchor.event.id]);
    if (answer?.held) draft.metBy = answer;
    else if (answer) draft.booked = answer;
    return draft;
  });
}

/** Each action with a due date; done actions are met. Open actions stop with the plan. */
function actionDrafts(rule: Rule, timeline: IndexedTimeline): Draft[] {
  const drafts: Draft[] = [];
  for (const indexed of timeline.byKind.get('action') ?? []) {
    const action = indexed.event;
    if (action.kind !== 'action' || action.due === undefined) continue;
    const done = action.done === true;
    if (!done && rule.whilePlan && planEndFrom(timeline, indexed)) continue;
    const draft = makeDraft(rule, indexed, tryParseIsoDate(action.due)!, [action.id]); // due checked by indexTimeline
    if (done) draft.metBy = indexed;
    draft.detail = action.title;
    drafts.push(draft);
  }
  return drafts;
}

/** A count after `anchor`, with T17's "whichever is sooner" and T16's gestation limit applied. */
export interface Limit {
  day: number;
  holidays?: HolidaySource;
  hangsOn: string[];
  notBeforeDay?: number;
}

/**
 * The due day of `rule` counted from `anchor`. With `sooner` (T17), the sooner of that and the
 * count from the first held `sooner.from` event after the anchor (the birth), when there is one.
 * With `notBeforeGestationWeeks` (T16) and an `edd` on the anchor, the conference cannot be held
 * before that gestation, so a later gestation date becomes the due day.
 */
export function limitAfter(rule: Rule, anchor: IndexedEvent, timeline: IndexedTimeline, context: CountContext): Limit {
  const day = countSpan(rule, 'after', anchor.day, context);
  const limit: Limit = { day, holidays: countedHolidays(rule, anchor.day, day, context.division), hangsOn: [anchor.event.id] };
  if (rule.sooner) {
    const trigger = eventsOfKinds(timeline, [rule.sooner.from]).find((e) => e.held && e.order > anchor.order);
    if (trigger) {
      const sooner = countSpan(rule.sooner, 'after', trigger.day, context);
      limit.hangsOn.push(trigger.event.id);
      if (sooner < limit.day) {
        limit.day = sooner;
        limit.holidays = countedHolidays(rule.sooner, trigger.day, sooner, context.division);
      }
    }
  }
  const edd = anchor.event.kind === 'action' ? undefined : anchor.event.edd;
  if (rule.notBeforeGestationWeeks !== undefined && edd !== undefined) {
    limit.notBeforeDay = parseIsoDate(edd, 'edd') - (TERM_WEEKS - rule.notBeforeGestationWeeks) * 7;
    limit.day = Math.max(limit.day, limit.notBeforeDay);
  }
  return limit;
}

function endsPlan(indexed: IndexedEvent): boolean {
  return indexed.event.kind !== 'action' && indexed.event.endsPlan === true;
}

function settle(draft: Draft, held: IndexedEvent | undefined): void {
  if (!held) return;
  if (held.day <= draft.dueDay) draft.metBy = held;
  else draft.metLateBy = held;
}
