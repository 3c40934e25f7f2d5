/**
 * One-click fixes: the command that applies a finding's `fix` to the field it is about, in one
 * transaction tagged COMMAND_ORIGIN. A `replace` swaps jargon for its plain wording (in a text
 * field or a rich-text field); a `set-due-date` sets an outcome's or action's due date.
 *
 * Findings are computed a moment after typing, so a fix may be a little stale: `replace` finds
 * `from` at its index or, if the text has moved, at the occurrence nearest to it, and does nothing
 * when `from` is no longer there.
 */
import type * as Y from 'yjs';
import {
  Action,
  COMMAND_ORIGIN,
  Outcome,
  planRoots,
  readArrangements,
  richTextFragment,
  setArrangementField,
  type RichTextField,
} from '../plan/index.ts';
import { findRecord } from '../plan/records.ts';
import type { Finding, FindingFix } from '../rules/checks/findings.ts';
import { CHECKED_RICH_TEXT, HARM_FIELDS } from './plan-for-checks.ts';
import { richTextPlain } from '../plan/rich-text.ts';
import { replacePlainRange } from '../plan/rich-text-edits.ts';

type ReplaceFix = Extract<FindingFix, { kind: 'replace' }>;

/** Where `fix.from` now starts in `text`: at `fix.index` if still there, else the nearest occurrence; -1 if gone. */
export function findReplaceIndex(text: string, fix: ReplaceFix): number {
  if (fix.from === '') return -1;
  if (text.startsWith(fix.from, fix.index)) return fix.index;
  let best = -1;
  for (let at = text.indexOf(fix.from); at !== -1; at = text.indexOf(fix.from, at + 1)) {
    if (best === -1 || Math.abs(at - fix.index) < Math.abs(best - fix.index)) best = at;
  }
  return best;
}

/** `text` with the fix applied, or undefined when `fix.from` is no longer in it. */
export function replaceInText(text: string, fix: ReplaceFix): string | undefined {
  const at = findReplaceIndex(text, fix);
  return at === -1 ? undefined : text.slice(0, at) + fix.to + text.slice(at + fix.from.length);
}

function replaceInRichText(doc: Y.Doc, field: RichTextField, fix: ReplaceFix): boolean {
  const fragment = richTextFragment(doc, field);
  const at = findReplaceIndex(richTextPlain(fragment), fix);
  return at !== -1 && replacePlainRange(doc, fragment, at, fix.from.length, fix.to);
}

const TEXT_FIELDS = { outcome: ['statement', 'measure', 'sustainability'], action: ['description', 'measure'] } as const;

function applyToRecord(doc: Y.Doc, finding: Finding, fix: FindingFix): boolean {
  const outcomes = planRoots(doc).outcomes;
  const outcome = finding.outcomeId === undefined ? undefined : findRecord(outcomes, finding.outcomeId);
  if (!outcome || outcome.get('deleted') === true) return false;
  const actions = Outcome.list(outcome, 'actions');
  const action = finding.actionId === undefined ? undefined : findRecord(actions, finding.actionId);
  if (finding.actionId !== undefined && (!action || action.get('deleted') === true)) return false;
  if (fix.kind === 'set-due-date') {
    if (finding.field !== 'dueDate') return false;
    if (action) Action.set(doc, actions, finding.actionId!, 'dueDate', fix.value);
    else Outcome.set(doc, outcomes, finding.outcomeId!, 'dueDate', fix.value);
    return true;
  }
  if (action) {
    const field = TEXT_FIELDS.action.find((f) => f === finding.field);
    const next = field && replaceInText(Action.read(action)[field], fix);
    if (field === undefined || next === undefined) return false;
    Action.set(doc, actions, finding.actionId!, field, next);
    return true;
  }
  const field = TEXT_FIELDS.outcome.find((f) => f === finding.field);
  const next = field && replaceInText(Outcome.read(outcome)[field], fix);
  if (field === undefined || next === undefined) return false;
  Outcome.set(doc, outcomes, finding.outcomeId!, field, next);
  return true;
}

const VISITING = { 'visiting.frequency': 'visitFrequency', 'visiting.seenAlone': 'seenAlone' } as const;

function applyToPlanField(doc: Y.Doc, field: string, fix: ReplaceFix): boolean {
  const harm = /^harms\[(\d+)\]\.(description|impact)$/.exec(field);
  const richText = harm ? HARM_FIELDS[Number(harm[1])]?.field : CHECKED_RICH_TEXT[field as keyof typeof CHECKED_RICH_TEXT];
  if (richText) return replaceInRichText(doc, richText, fix);
  const arrangement = VISITING[field as keyof typeof VISITING];
  if (!arrangement) return false;
  const next = replaceInText(readArrangements(doc)[arrangement], fix);
  if (next === undefined) return false;
  setArrangementField(doc, { field: arrangement, value: next });
  return true;
}

/**
 * Applies `finding.fix` to the field the finding is about. Returns true when the plan changed;
 * false (changing nothing) when the finding has no fix, its record has been removed, or the words
 * to replace are no longer there.
 */
export function applyFindingFix(doc: Y.Doc, finding: Finding): boolean {
  const fix = finding.fix;
  if (!fix) return false;
  let applied = false;
  // One transaction, so the fix is one change for every peer and for the save status.
  doc.transact(() => {
    if (finding.outcomeId !== undefined) applied = applyToRecord(doc, finding, fix);
    else if (fix.kind === 'replace') applied = applyToPlanField(doc, finding.field, fix);
  }, COMMAND_ORIGIN);
  return applied;
}
