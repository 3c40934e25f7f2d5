/**
 * The plain inputs of the SMART and completeness checks, and the tolerant readers the checks use
 * on them. The editor maps the Y.Doc onto these shapes; because the document holds whatever people
 * typed (and whatever an old or newer peer wrote), the checks read every field through `readText`
 * and friends rather than trusting the declared types, so no content can make them throw.
 */
import type { CompiledLexicon, Lexicon } from './lexicon.ts';

/** The three domains of the assessment framework that outcomes arise from (seed 002, 2a–c). */
export const ASSESSMENT_DOMAINS = ['developmental-needs', 'parenting-capacity', 'family-environment'] as const;
export type AssessmentDomain = (typeof ASSESSMENT_DOMAINS)[number];

/** A core group member. `role` is free text (e.g. "lead social worker", "mother"). */
export interface MemberForChecks {
  id: string;
  name: string;
  agency: string;
  role?: string;
}

/** One action of an outcome. Dates are yyyy-MM-dd. `agencyAgreed` records that the owner's agency has agreed to do it. */
export interface ActionForChecks {
  id?: string;
  description: string;
  ownerId?: string;
  dueDate?: string;
  /** How we will know it has been done and made a difference (seed 002 3a: "how it will be measured"). */
  measure?: string;
  agencyAgreed?: boolean;
  /** Free text; see `CLOSED_ACTION_STATUSES` for the ones that count as no longer open. */
  status?: string;
}

/** One outcome of the plan, with its actions nested (as in the document). */
export interface OutcomeForChecks {
  id?: string;
  /** What will be different for the child. */
  statement: string;
  domain: AssessmentDomain;
  measure?: string;
  dueDate?: string;
  /** How the change will be shown to last (seed 002 3d: "demonstrate sustainable change"). */
  sustainability?: string;
  actions?: readonly ActionForChecks[];
}

/** Thresholds a board or team may tune; every one has a default in `DEFAULT_CHECK_SETTINGS`. */
export interface CheckSettings {
  /** Fewer words than this in an action cannot say who does what and why. */
  minDescriptionWords: number;
  /** An owner with this many open actions due in one ISO week is probably over-committed. */
  maxOpenActionsPerOwnerWeek: number;
  /** Sentences longer than this are hard for a parent to follow. */
  maxSentenceWords: number;
}

export const DEFAULT_CHECK_SETTINGS: CheckSettings = {
  // Four words is the least that can name a verb, an object and a purpose ("Take Ava to nursery").
  minDescriptionWords: 4,
  // A team heuristic, not a statutory figure: four deadlines in one week for one person rarely all happen.
  maxOpenActionsPerOwnerWeek: 4,
  // GOV.UK content design guidance: keep sentences to 25 words or fewer for a general reader.
  maxSentenceWords: 25,
};

/**
 * What the checks need to know beyond the record itself. `today` comes from the caller (the rules
 * never read the clock) and must be a yyyy-MM-dd date: passing anything else is a programmer
 * error and throws a `RangeError`. Everything else may be partial or malformed.
 */
export interface CheckContext {
  members: readonly MemberForChecks[];
  childNames: readonly string[];
  /** Date of the next review conference, yyyy-MM-dd; every action must be due by then. */
  nextReviewDate?: string;
  today: string;
  /** Every open action in the plan (or across the owner's plans), for the workload check. */
  openActions?: readonly ActionForChecks[];
  /** The jargon lexicon; `DEFAULT_LEXICON` when omitted. Pass a compiled one when checking many records. */
  lexicon?: Lexicon | CompiledLexicon;
  settings?: Partial<CheckSettings>;
}

/**
 * Statuses meaning the action needs nothing more done; any other status (or none) is open.
 * Compared case-insensitively.
 */
export const CLOSED_ACTION_STATUSES: readonly string[] = ['done', 'completed', 'complete', 'met', 'cancelled', 'closed', 'not-needed'];

/** True unless the status is one of `CLOSED_ACTION_STATUSES`. */
export function isActionOpen(status: unknown): boolean {
  return !CLOSED_ACTION_STATUSES.includes(readText(status).trim().toLowerCase());
}

/** The value when it is a string, else '' (a missing or mistyped field reads as empty). */
export function readText(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** The value when it is an array, else []. */
export function readList(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

/** The value when it is a non-null object, else {}, so `record.field` is always safe. */
export function readRecord(value: unknown): Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

/** The value when it is a non-empty string, else undefined: for ids copied onto findings. */
export function readId(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** Settings with defaults filled in; a setting that is not a positive number falls back to its default. */
export function resolveSettings(settings: unknown): CheckSettings {
  const given = readRecord(settings);
  const pick = (key: keyof CheckSettings): number => {
    const value = given[key];
    return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : DEFAULT_CHECK_SETTINGS[key];
  };
  return {
    minDescriptionWords: pick('minDescriptionWords'),
    maxOpenActionsPerOwnerWeek: pick('maxOpenActionsPerOwnerWeek'),
    maxSentenceWords: pick('maxSentenceWords'),
  };
}
