/**
 * Checks a profile, typically one a user cloned and edited, and reports what is wrong as findings
 * for the UI to show. It never throws, whatever it is given. The deadline engine skips any rule
 * with an `error` finding, so one bad rule does not stop the others.
 */
import { EVENT_KINDS, type EventKind } from '../timeline.ts';
import { ANCHORS, NATURES, TIMESCALE_IDS, UNITS, type Span, type Unit } from './types.ts';
import { MAX_ENDED_PLAN_MONTHS, isEndedPlanMonths } from '../../retention/ended-plan.ts';

export interface ProfileFinding {
  /** Where, as a path into the profile: `rules[3].figure`. */
  path: string;
  message: string;
  /** `error`: the profile (or that rule) cannot be used; `warning`: usable, but probably not meant. */
  severity: 'error' | 'warning';
}

/** The largest figure a rule may have: well beyond any real timescale, well inside what the calendar counts. */
const MAX_FIGURE = 1000;
const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const KINDS = new Set<unknown>(EVENT_KINDS);
/** Rough days per unit, only to compare a rule's typical figure with its limit. */
const APPROX_DAYS: Record<Unit, number> = {
  'working-days': 1.4, 'calendar-days': 1, weeks: 7, months: 30.4, hours: 1 / 24, minutes: 1 / 1440,
};

/** Every finding for a profile; an empty list means it can be used as it is. */
export function validateProfile(profile: unknown): ProfileFinding[] {
  if (!isRecord(profile)) return [error('', 'A profile must be an object.')];
  const findings: ProfileFinding[] = [];
  if (typeof profile.id !== 'string' || !KEBAB.test(profile.id)) {
    findings.push(error('id', 'The id must be lower-case words joined by hyphens, e.g. "my-board-2025".'));
  }
  for (const field of ['name', 'source', 'short'] as const) {
    if (!nonEmpty(profile[field])) findings.push(error(field, `The profile needs a ${field === 'short' ? 'short name for citations' : field}.`));
  }
  if (profile.dayZero !== 'event' && profile.dayZero !== 'nextDay') {
    findings.push(error('dayZero', 'dayZero must be "event" (the event is day 0) or "nextDay" (the event is day 1).'));
  }
  for (const field of ['basedOn', 'note'] as const) {
    if (profile[field] !== undefined && typeof profile[field] !== 'string') findings.push(error(field, `${field} must be text.`));
  }
  if (profile.endedPlanLocalCopyMonths !== undefined && !isEndedPlanMonths(profile.endedPlanLocalCopyMonths)) {
    findings.push(error('endedPlanLocalCopyMonths', `The months before an ended plan is offered for removal must be a whole number from 1 to ${MAX_ENDED_PLAN_MONTHS}.`));
  }
  if (!Array.isArray(profile.rules)) return [...findings, error('rules', 'rules must be a list.')];
  if (profile.rules.length === 0) findings.push(warning('rules', 'The profile has no rules, so it sets no deadlines.'));

  profile.rules.forEach((rule, index) => findings.push(...validateRule(rule, `rules[${index}]`)));
  findings.push(...overlappingRules(profile.rules));
  return findings;
}

/** The findings for one rule, with paths under `path`. */
export function validateRule(rule: unknown, path: string): ProfileFinding[] {
  if (!isRecord(rule)) return [error(path, 'A rule must be an object.')];
  const at = (field: string) => `${path}.${field}`;
  const findings: ProfileFinding[] = [];
  if (!(TIMESCALE_IDS as readonly unknown[]).includes(rule.id)) findings.push(error(at('id'), 'The id must be one of T1 to T21.'));
  for (const field of ['title', 'source', 'section'] as const) {
    if (!nonEmpty(rule[field])) findings.push(error(at(field), `Every rule needs a ${field}${field === 'title' ? '' : ' (every rule cites its source)'}.`));
  }
  for (const field of ['wording', 'note'] as const) {
    if (rule[field] !== undefined && typeof rule[field] !== 'string') findings.push(error(at(field), `${field} must be text.`));
  }
  findings.push(...validateSpan(rule, path));
  if (rule.direction !== 'after' && rule.direction !== 'before') findings.push(error(at('direction'), 'direction must be "after" or "before".'));
  const from = validateKinds(rule.from, at('from'), findings);
  if (from?.length === 0) findings.push(error(at('from'), 'A rule must count from at least one kind of event.'));

  const nature = rule.nature ?? 'deadline';
  if (!(NATURES as readonly unknown[]).includes(nature)) findings.push(error(at('nature'), `nature must be one of ${NATURES.join(', ')}.`));
  if (rule.due === 'action') {
    if (from && (from.length !== 1 || from[0] !== 'action')) findings.push(error(at('due'), 'A rule met by the action itself must count from "action".'));
  } else {
    const due = validateKinds(rule.due, at('due'), findings);
    if (due?.length === 0 && nature !== 'reminder') findings.push(error(at('due'), 'Say which kind of event meets the rule.'));
    if (rule.recurring === true && due && from && !due.every((kind) => from.includes(kind))) {
      findings.push(error(at('recurring'), 'A recurring rule must count from the events that meet it (every due kind is also a from kind).'));
    }
  }
  if (nature === 'reminder' && (rule.direction !== 'before' || rule.due === 'action')) {
    findings.push(error(at('nature'), 'A reminder counts back from a conference (direction "before").'));
  }
  if ((nature === 'window' || nature === 'prompt') && rule.direction !== 'after') {
    findings.push(error(at('direction'), `A ${nature} runs after the event that opens it (direction "after").`));
  }

  const anchor = rule.anchor ?? 'each';
  if (!(ANCHORS as readonly unknown[]).includes(anchor)) findings.push(error(at('anchor'), `anchor must be one of ${ANCHORS.join(', ')}.`));
  else if (anchor !== 'each' && rule.direction === 'before') findings.push(error(at('anchor'), 'A count back from a conference runs from each conference (anchor "each").'));
  for (const field of ['recurring', 'whilePlan', 'unborn'] as const) {
    if (rule[field] !== undefined && typeof rule[field] !== 'boolean') findings.push(error(at(field), `${field} must be true or false.`));
  }
  if (rule.sooner !== undefined) {
    findings.push(...validateSpan(rule.sooner, at('sooner')));
    if (isRecord(rule.sooner) && !KINDS.has(rule.sooner.from)) findings.push(error(at('sooner.from'), 'sooner.from must be a kind of event.'));
    if (rule.direction !== 'after') findings.push(error(at('sooner'), '"Whichever is sooner" applies to counts after an event.'));
  }
  if (rule.lookBack !== undefined) {
    findings.push(...validateSpan(rule.lookBack, at('lookBack')));
    if (rule.direction !== 'before') findings.push(error(at('lookBack'), 'lookBack applies to counts back from a conference.'));
  }
  if (rule.requires !== undefined && !KINDS.has(rule.requires)) findings.push(error(at('requires'), 'requires must be a kind of event.'));
  if (rule.typical !== undefined) {
    const typicalFindings = validateSpan(rule.typical, at('typical'));
    findings.push(...typicalFindings);
    if (typicalFindings.length === 0 && isSpan(rule) && approxDays(rule.typical as Span) > approxDays(rule)) {
      findings.push(warning(at('typical'), 'The typical interval is longer than the limit, so it will never be proposed.'));
    }
  }
  const weeks = rule.notBeforeGestationWeeks;
  if (weeks !== undefined && (typeof weeks !== 'number' || !Number.isInteger(weeks) || weeks < 0 || weeks > 42)) {
    findings.push(error(at('notBeforeGestationWeeks'), 'Weeks of gestation must be a whole number from 0 to 42.'));
  }
  return findings;
}

function validateSpan(span: unknown, path: string): ProfileFinding[] {
  if (!isRecord(span)) return [error(path, 'Give a figure and a unit.')];
  const findings: ProfileFinding[] = [];
  const { figure, unit } = span;
  if (typeof figure !== 'number' || !Number.isInteger(figure) || figure < 0 || figure > MAX_FIGURE) {
    findings.push(error(`${path}.figure`, `The figure must be a whole number from 0 to ${MAX_FIGURE}.`));
  }
  if (!(UNITS as readonly unknown[]).includes(unit)) findings.push(error(`${path}.unit`, `The unit must be one of ${UNITS.join(', ')}.`));
  return findings;
}

function validateKinds(value: unknown, path: string, findings: ProfileFinding[]): EventKind[] | undefined {
  if (!Array.isArray(value)) {
    findings.push(error(path, 'Give a list of kinds of event.'));
    return undefined;
  }
  const unknown = value.filter((kind) => !KINDS.has(kind));
  if (unknown.length > 0) findings.push(error(path, `Unknown kind of event: ${unknown.map(String).join(', ')}.`));
  if (new Set(value).size !== value.length) findings.push(warning(path, 'A kind of event is listed twice.'));
  return value.filter((kind): kind is EventKind => KINDS.has(kind));
}

/** Two rules with one id that count from the same kind of event would set two deadlines for one duty. */
function overlappingRules(rules: unknown[]): ProfileFinding[] {
  const findings: ProfileFinding[] = [];
  const seen = new Map<string, number>();
  rules.forEach((rule, index) => {
    if (!isRecord(rule) || typeof rule.id !== 'string' || !Array.isArray(rule.from)) return;
    for (const kind of rule.from) {
      const key = `${rule.id} ${String(kind)}`;
      const earlier = seen.get(key);
      if (earlier === undefined) seen.set(key, index);
      else findings.push(error(`rules[${index}].from`, `${rule.id} already counts from "${String(kind)}" in rules[${earlier}].`));
    }
  });
  return findings;
}

function approxDays(span: Span): number {
  return span.figure * APPROX_DAYS[span.unit];
}

function isSpan(value: Record<string, unknown>): value is Record<string, unknown> & Span {
  return validateSpan(value, '').length === 0;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function nonEmpty(value: unknown): boolean {
  return typeof value === 'string' && value.trim() !== '';
}

function error(path: string, message: string): ProfileFinding {
  return { path, message, severity: 'error' };
}

function warning(path: string, message: string): ProfileFinding {
  return { path, message, severity: 'warning' };
}
