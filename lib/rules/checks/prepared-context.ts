/**
 * A `CheckContext` resolved once for checking many records: settings filled in, the lexicon
 * compiled, members looked up by id, open actions indexed by owner and week. `checkPlan` prepares
 * once and checks every outcome and action against the result; the single-record checks accept
 * either form.
 */
import { readList, readRecord, readText, resolveSettings, type CheckContext, type CheckSettings } from './check-inputs.ts';
import { DEFAULT_COMPILED_LEXICON, DEFAULT_LEXICON } from './default-lexicon.ts';
import { compileLexicon, type CompiledLexicon } from './lexicon.ts';
import { indexOpenActions, type WorkloadIndex } from './owner-workload.ts';
import { assertToday } from '../../dates/iso-date.ts';

export interface PreparedMember {
  name: string;
  agency: string;
}

export interface PreparedCheckContext {
  readonly kind: 'prepared-check-context';
  readonly today: string;
  /** As given: the date checks treat anything but a valid date as "no review date". */
  readonly nextReviewDate: unknown;
  readonly members: ReadonlyMap<string, PreparedMember>;
  readonly childNames: readonly string[];
  readonly lexicon: CompiledLexicon;
  readonly settings: CheckSettings;
  readonly workload: WorkloadIndex;
}

function isPrepared(ctx: CheckContext | PreparedCheckContext): ctx is PreparedCheckContext {
  return (ctx as Partial<PreparedCheckContext>).kind === 'prepared-check-context';
}

/**
 * Resolves a context once (an already prepared one is returned as it is). Throws a `RangeError`
 * naming `where` if `ctx.today` is not a yyyy-MM-dd date, or the lexicon is invalid: both are the
 * caller's mistakes. Members, child names and open actions are read tolerantly.
 */
export function prepareCheckContext(ctx: CheckContext | PreparedCheckContext, where = 'prepareCheckContext'): PreparedCheckContext {
  if (isPrepared(ctx)) return ctx;
  const today = assertToday(ctx.today, where);
  const members = new Map<string, PreparedMember>();
  for (const value of readList(ctx.members)) {
    const member = readRecord(value);
    const id = readText(member.id);
    if (id !== '') members.set(id, { name: readText(member.name).trim() || 'This person', agency: readText(member.agency).trim() });
  }
  const lexicon = ctx.lexicon === undefined || ctx.lexicon === DEFAULT_LEXICON ? DEFAULT_COMPILED_LEXICON : compileLexicon(ctx.lexicon);
  return {
    kind: 'prepared-check-context',
    today,
    nextReviewDate: ctx.nextReviewDate,
    members,
    childNames: readList(ctx.childNames).map(readText).filter((name) => name.trim() !== ''),
    lexicon,
    settings: resolveSettings(ctx.settings),
    workload: indexOpenActions(readList(ctx.openActions)),
  };
}
