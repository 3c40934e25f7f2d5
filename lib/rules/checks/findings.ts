/**
 * What the SMART, plain-language and completeness checks report: one `Finding` per problem, as plain
 * data the side panel can list, count, and use to take the user to the field.
 *
 * Severity decides what a finding stops: a plan cannot be marked agreed or circulated while any
 * `blocking` finding remains (DESIGN.md, "Rules"); `advice` is shown but never stops anything.
 */

/**
 * Which rule a finding comes from. The first six spell SMART as seed 002 uses it (Specific,
 * Measurable, Achievable, Realistic, Time-scaled, Sustainable); `child-focused` is seed 002's
 * "child or young person focussed"; `plain-language` its "jargon free and clearly understood by
 * parents"; `completeness` is a whole-plan item Working Together requires (TIMESCALES.md, "What a
 * plan must contain") that is missing.
 */
export const RULE_IDS = [
  'specific',
  'measurable',
  'achievable',
  'realistic',
  'timebound',
  'sustainable',
  'child-focused',
  'plain-language',
  'completeness',
] as const;
export type RuleId = (typeof RULE_IDS)[number];

export type Severity = 'blocking' | 'advice';

/** The SMART letters in order, for a summary strip; both S rules share the letter, so the label tells them apart. */
export const SMART_LETTERS: readonly { rule: RuleId; letter: string; label: string }[] = [
  { rule: 'specific', letter: 'S', label: 'Specific' },
  { rule: 'measurable', letter: 'M', label: 'Measurable' },
  { rule: 'achievable', letter: 'A', label: 'Achievable' },
  { rule: 'realistic', letter: 'R', label: 'Realistic' },
  { rule: 'timebound', letter: 'T', label: 'Time-scaled' },
  { rule: 'sustainable', letter: 'S', label: 'Sustainable' },
];

/**
 * A one-click fix, as data the editor applies (never a function, so findings can be compared,
 * cached and sent between views).
 * - `replace`: replace `from`, which starts at character `index` of the field's text as it was
 *   checked, with `to`. Indices go stale once the text changes, so apply one fix and re-check.
 * - `set-due-date`: set the field (a due date) to `value`, a yyyy-MM-dd date.
 */
export type FindingFix =
  | { kind: 'replace'; from: string; to: string; index: number }
  | { kind: 'set-due-date'; value: string };

/**
 * One problem found. `field` names the input field it is about (`description`, `ownerId`,
 * `dueDate`, `measure`, `agencyAgreed`, `statement`, `domain`, `sustainability`, `actions`, or a
 * whole-plan field from `PlanForChecks`; `text` when `checkPlainLanguage` is called on bare text).
 * `outcomeId`/`actionId` (and the `…Index` fallbacks, for records without an id) locate the record.
 */
export interface Finding {
  rule: RuleId;
  field: string;
  severity: Severity;
  /** Plain UK English for the person typing: what is wrong and what to do. */
  message: string;
  /** Wording to use instead, or an example of what good looks like. */
  suggestion?: string;
  fix?: FindingFix;
  /** Where in the field's text the finding applies, in characters, for highlighting. */
  range?: { index: number; length: number };
  outcomeId?: string;
  actionId?: string;
  outcomeIndex?: number;
  actionIndex?: number;
}

export interface RuleCount {
  blocking: number;
  advice: number;
}

export interface FindingSummary {
  /** Every rule is present, with zeros where nothing was found, so the UI needs no undefined checks. */
  byRule: Record<RuleId, RuleCount>;
  blocking: number;
  advice: number;
  total: number;
}

/** Counts findings per rule and in total, split into blocking and advice. Unknown rules are ignored. */
export function summariseFindings(findings: readonly Finding[]): FindingSummary {
  const byRule = Object.fromEntries(RULE_IDS.map((rule) => [rule, { blocking: 0, advice: 0 }])) as Record<
    RuleId,
    RuleCount
  >;
  let blocking = 0;
  let advice = 0;
  for (const finding of findings) {
    const count = byRule[finding.rule] as RuleCount | undefined;
    if (!count) continue;
    if (finding.severity === 'blocking') {
      count.blocking += 1;
      blocking += 1;
    } else {
      count.advice += 1;
      advice += 1;
    }
  }
  return { byRule, blocking, advice, total: blocking + advice };
}

/** True when any finding is blocking: the plan cannot then be marked agreed or circulated. */
export function hasBlocking(findings: readonly Finding[]): boolean {
  return findings.some((finding) => finding.severity === 'blocking');
}
