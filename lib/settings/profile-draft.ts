/**
 * Editing the figures of one of the member's own profiles: the form's draft (text as typed), the
 * profile it makes, and the findings of `validateProfile` placed beside the fields they are about.
 * What a member can change: the profile's name and short name, how days are counted
 * (`dayZero`), and each rule's figure and unit, and its typical interval where it has one. What a
 * rule counts from and to, and its source, stay as the copied document says.
 */
import { UNITS, type Profile, type ProfileFinding, type Unit } from '../rules/deadlines/profiles/index.ts';

export interface RuleDraft {
  figure: string;
  unit: Unit;
  /** Only for rules with a typical interval (Wirral's "typically every 4 weeks"). */
  typicalFigure?: string;
  typicalUnit?: Unit;
}

export interface ProfileDraft {
  name: string;
  short: string;
  dayZero: Profile['dayZero'];
  /** Months after a plan ends before it is offered for removal from this device; '' for the product's default. */
  endedPlanMonths: string;
  rules: RuleDraft[];
}

/** A problem for the form: `field` is a draft field id (`name`, `rules.3.figure`, `rules.3.typicalFigure`). */
export interface DraftProblem {
  field: string;
  message: string;
  severity: ProfileFinding['severity'];
}

/** The draft a form starts from. */
export function draftFromProfile(profile: Profile): ProfileDraft {
  return {
    name: profile.name,
    short: profile.short,
    dayZero: profile.dayZero,
    endedPlanMonths: profile.endedPlanLocalCopyMonths === undefined ? '' : String(profile.endedPlanLocalCopyMonths),
    rules: profile.rules.map((rule) => ({
      figure: String(rule.figure),
      unit: rule.unit,
      ...(rule.typical ? { typicalFigure: String(rule.typical.figure), typicalUnit: rule.typical.unit } : {}),
    })),
  };
}

/**
 * The profile with the draft's values. A figure that is not written as a whole number (empty,
 * "2.5", "-1", "ten") becomes NaN, which `validateProfile` reports ("a whole number from 0 to
 * 1000"), so the form never saves it.
 */
export function profileFromDraft(profile: Profile, draft: ProfileDraft): Profile {
  if (draft.rules.length !== profile.rules.length) {
    throw new RangeError(`profileFromDraft: the draft has ${draft.rules.length} rules, the profile ${profile.rules.length}`);
  }
  const { endedPlanLocalCopyMonths: _was, ...rest } = structuredClone(profile);
  return {
    ...rest,
    ...(draft.endedPlanMonths.trim() === '' ? {} : { endedPlanLocalCopyMonths: wholeNumber(draft.endedPlanMonths) }),
    name: draft.name.trim(),
    short: draft.short.trim(),
    dayZero: draft.dayZero,
    rules: profile.rules.map((rule, i) => {
      const d = draft.rules[i]!;
      const next = { ...structuredClone(rule), figure: wholeNumber(d.figure), unit: d.unit };
      if (rule.typical && d.typicalFigure !== undefined) {
        next.typical = { figure: wholeNumber(d.typicalFigure), unit: d.typicalUnit ?? rule.typical.unit };
      }
      return next;
    }),
  };
}

/** Findings of `validateProfile` as problems on the draft's fields; a finding about another part of a rule goes to its figure. */
export function draftProblems(findings: readonly ProfileFinding[]): DraftProblem[] {
  return findings.map((finding) => ({ field: fieldOf(finding.path), message: finding.message, severity: finding.severity }));
}

/** The unit words the form offers, in the order of `UNITS`. */
export const UNIT_LABELS: Readonly<Record<Unit, string>> = {
  'working-days': 'working days',
  'calendar-days': 'calendar days',
  weeks: 'weeks',
  months: 'months',
  hours: 'hours',
  minutes: 'minutes',
};

export { UNITS };

function wholeNumber(text: string): number {
  const trimmed = text.trim();
  return /^\d{1,7}$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

function fieldOf(path: string): string {
  if (path === 'name' || path === 'short' || path === 'dayZero') return path;
  if (path === 'endedPlanLocalCopyMonths') return 'endedPlanMonths';
  const rule = /^rules\[(\d+)\](?:\.(.*))?$/.exec(path);
  if (!rule) return 'name';
  const [, index, rest = ''] = rule;
  if (rest === 'unit') return `rules.${index}.unit`;
  if (rest === 'typical.figure' || rest === 'typical') return `rules.${index}.typicalFigure`;
  if (rest === 'typical.unit') return `rules.${index}.typicalUnit`;
  return `rules.${index}.figure`;
}
