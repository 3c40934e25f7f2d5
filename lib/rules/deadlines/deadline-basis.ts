/**
 * The sentence that says why a deadline exists, citing its source, e.g. "Initial child protection
 * conference within 15 working days of the strategy discussion (Wirral 2016, 2.6, 3.2)."
 */
import type { Profile, Rule, Span, Unit } from './profiles/types.ts';
import type { EventKind } from './timeline.ts';

/** How an event reads after "of" or "before" in a sentence. */
export const EVENT_PHRASES: Record<EventKind, string> = {
  strategy: 'the strategy discussion',
  icpc: 'the initial conference',
  rcpc: 'the review conference',
  'core-group': 'the core group',
  visit: 'the visit',
  'transfer-in-conference': 'the transfer-in conference',
  'pre-birth-conference': 'the pre-birth conference',
  'lac-review': 'the looked-after review',
  'minutes-received': 'receiving the minutes',
  'minutes-circulated': 'the minutes being sent out',
  'notes-circulated': 'the notes being sent out',
  'plan-circulated': 'the plan being sent out',
  'report-submitted': 'the report going to the chair',
  'report-shared': 'the report being shared',
  'amendment-requested': 'corrections being asked for',
  'amendment-answered': 'the chair’s answer',
  'transfer-notified': 'notification of the move',
  birth: 'the birth',
  'looked-after': 'the child becoming looked after',
  action: 'the action being set',
};

const UNIT_WORDS: Record<Unit, [string, string]> = {
  'working-days': ['working day', 'working days'],
  'calendar-days': ['day', 'days'],
  weeks: ['week', 'weeks'],
  months: ['month', 'months'],
  hours: ['hour', 'hours'],
  minutes: ['minute', 'minutes'],
};

/** "15 working days", "1 month". */
export function describeSpan(span: Span): string {
  const [one, many] = UNIT_WORDS[span.unit];
  return `${span.figure} ${span.figure === 1 ? one : many}`;
}

/** The short citation: "(Wirral 2016, 3.2)". */
export function citation(profile: Profile, rule: Rule): string {
  return `(${profile.short || profile.name}, ${rule.section || rule.source})`;
}

/**
 * The basis of one deadline from `rule`, counted from an event of kind `anchorKind`. `extra` is a
 * further sentence (e.g. the gestation limit) appended after the citation.
 */
export function basisFor(profile: Profile, rule: Rule, anchorKind: EventKind, extra = ''): string {
  const cite = citation(profile, rule);
  const tail = extra ? ` ${extra}` : '';
  const nature = rule.nature ?? 'deadline';
  if (rule.due === 'action') return `${rule.title}: due on the date the plan set for it ${cite}.${tail}`;
  if (nature === 'reminder' || nature === 'prompt') return `${rule.title} ${cite}.${tail}`;

  const anchor = anchorPhrase(rule, anchorKind);
  if (rule.direction === 'before') {
    const when = rule.figure === 0 ? `before ${anchor}` : `${describeSpan(rule)} before ${anchor}`;
    return `${rule.title} ${when} ${cite}.${tail}`;
  }
  const dayOne = profile.dayZero === 'nextDay' && (rule.unit === 'working-days' || rule.unit === 'calendar-days')
    ? ', counting its day as day 1'
    : '';
  const sooner = rule.sooner
    ? ` or ${describeSpan(rule.sooner)} of ${EVENT_PHRASES[rule.sooner.from]}, whichever is sooner`
    : '';
  return `${rule.title} within ${describeSpan(rule)} of ${anchor}${dayOne}${sooner} ${cite}.${tail}`;
}

function anchorPhrase(rule: Rule, anchorKind: EventKind): string {
  const phrase = EVENT_PHRASES[anchorKind];
  const sameKind = Array.isArray(rule.due) && rule.due.includes(anchorKind);
  if (rule.anchor === 'last' || sameKind) return phrase.replace(/^the /, 'the last ');
  return phrase;
}
