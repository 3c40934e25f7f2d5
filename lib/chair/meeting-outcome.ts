/**
 * What a closed meeting amounted to, in words: for the chair's confirmation before closing, and
 * for the name of the version saved when it closes. Named for what happened: a meeting that
 * agreed nothing is "closed", never "as agreed" (issue 19).
 */

export interface MeetingOutcome {
  /** "Core group meeting" (the kind's label). */
  label: string;
  /** The meeting's date in words ("3 December 2026"), or '' when it has none. */
  date: string;
  decisions: number;
  changes: number;
  newActions: number;
  recommendsEnd: boolean;
}

import { MAX_VERSION_NAME } from '../history/versions.ts';

const count = (n: number, [one, many]: readonly [string, string]) => `${n} ${n === 1 ? one : many}`;

/** How each thing recorded is said: in full (the confirmation) or short (a version's name). */
const WORDS = {
  full: { decision: ['decision', 'decisions'], change: ['change to the plan', 'changes to the plan'], action: ['new action', 'new actions'], end: 'a recommendation that the plan ends' },
  short: { decision: ['decision', 'decisions'], change: ['plan change', 'plan changes'], action: ['new action', 'new actions'], end: 'end of plan recommended' },
} as const;

function recordedParts(outcome: MeetingOutcome, words: (typeof WORDS)[keyof typeof WORDS]): string[] {
  return [
    outcome.decisions > 0 ? count(outcome.decisions, words.decision) : '',
    outcome.changes > 0 ? count(outcome.changes, words.change) : '',
    outcome.newActions > 0 ? count(outcome.newActions, words.action) : '',
    outcome.recommendsEnd ? words.end : '',
  ].filter(Boolean);
}

/** "2 decisions, 1 change to the plan and 1 new action"; '' when nothing was recorded. */
export function whatWasRecorded(outcome: MeetingOutcome): string {
  const parts = recordedParts(outcome, WORDS.full);
  return parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

/**
 * The name of the version saved when the meeting closes: "Core group meeting, 3 December 2026 —
 * closed", or "… — closed: 2 decisions, 1 new action" when something was recorded (the counts
 * left out should they not fit a version's name).
 */
export function closedVersionName(outcome: MeetingOutcome): string {
  const meeting = outcome.date ? `${outcome.label}, ${outcome.date}` : outcome.label;
  const closed = `${meeting} — closed`;
  const parts = recordedParts(outcome, WORDS.short);
  const named = parts.length > 0 ? `${closed}: ${parts.join(', ')}` : closed;
  return named.length <= MAX_VERSION_NAME ? named : closed;
}
